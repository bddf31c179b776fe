// `rlprune locate --from results/a --from results/b ... [--json] [--to DIR]`: where the sweet spot
// sits across results folders (libs/analysis sweet-spot-location.ts), from the folders alone (--to
// writes summary.json, results.csv and a figure per target family, figures/location-<family>.svg): each
// folder's published runs are read and analysed exactly as `rlprune report --from` does
// (analysePublished); the observation width and default budget of each env come from
// @rlprune/envs' registry. No service starts.
//
// Exit codes: 2 for a usage error (a missing --from, a folder that does not exist or is given twice,
// two folders holding the same group with different runs; a group whose runs one folder holds all of
// is read from that folder), 1 for a folder that exists but cannot be read or analysed.
import fs from 'node:fs';
import path from 'node:path';
import {
  locationCsv,
  locationFigures,
  locationSummaryJson,
  LOCATION_FILES,
  sweetSpotLocation,
  writeFigureFiles,
  writeFileAtomic,
  type Analysis,
  type EnvFacts,
  type LocationSource,
} from '@rlprune/analysis';
import { listEnvSpecs } from '@rlprune/envs';
import { analysePublished } from '@rlprune/orchestrator';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { folderReason } from '../folder-errors';
import { locationText } from '../location-text';
import { LOCATE } from '../specs/tools';

export async function locateCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(LOCATE, argv);
  const folders = values.from.map((f) => path.normalize(f).replace(/[\\/]+$/, ''));
  folders.forEach((f, i) => {
    if (!fs.existsSync(f)) throw new UsageError(`--from: ${f} does not exist`);
    if (!fs.statSync(f).isDirectory()) throw new UsageError(`--from: ${f} is not a folder (expected a results folder, results/<name>)`);
    if (folders.indexOf(f) !== i) throw new UsageError(`--from: ${f} is given twice`);
  });
  const sources: LocationSource[] = folders.map((f) => ({ source: f, analysis: analyseFolder(f) }));
  const location = sweetSpotLocation(sources, envFacts);
  if (values.to) {
    fs.mkdirSync(values.to, { recursive: true });
    writeFileAtomic(path.join(values.to, LOCATION_FILES.summary), locationSummaryJson(location));
    writeFileAtomic(path.join(values.to, LOCATION_FILES.csv), locationCsv(location));
    writeFigureFiles(values.to, locationFigures(location));
  }
  // --json prints what summary.json holds (a row names its arm only when it is not the default)
  console.log(values.json ? locationSummaryJson(location).trimEnd() : locationText(location, values.to ?? null));
  return 0;
}

/** A results folder's published runs analysed as its report analyses them (published-report.ts). */
function analyseFolder(folder: string): Analysis {
  try {
    return analysePublished(folder).analysis;
  } catch (err) {
    // the folder exists (checked above) but is not a readable results folder: a failure, not a usage error
    throw new Error(`rlprune locate: --from ${folder}: cannot read it as a results folder: ${folderReason(err, folder)}`);
  }
}

/** The registry's facts of an env id; null for an id it does not serve (the row says so). */
function envFacts(env: string): EnvFacts | null {
  const spec = listEnvSpecs().find((s) => s.id === env);
  return spec ? { observationDim: spec.obsDim, defaultEpsilon: spec.defaultAttackEpsilon } : null;
}
