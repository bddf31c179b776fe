// Publishing finished runs under results/<name>/ so the analysis outlives the machine that ran them.
// A long grid is run in pieces (one env, one seed per run, each finished within a session), and each
// piece is published as results/<name>/runs/<experiment id>/: its grid points' results exactly as
// analysis reads them (points.jsonl), its spec, and a run record (state, stage counts, wall time per
// stage kind). The report of results/<name> is rendered from every run's points together, so it can be
// regenerated at any time without the ledger or any service.
import fs from 'node:fs';
import path from 'node:path';
import type { GridPointResult, Provenance } from '@rlprune/analysis';
import { InvalidArgumentError } from '@rlprune/service-kit';
import type { Ledger } from '../ledger/ledger';
import { experimentTiming } from '../ledger/stage-timings';
import { gridPointResults } from '../pipeline/results';
import { provenance } from './report-provenance';

export const RUNS_DIR = 'runs';
export const POINTS_FILE = 'points.jsonl';
export const PROVENANCE_FILE = 'provenance.json';

/** JSON has no NaN or infinities; a missing value read from the ledger as NaN must come back as NaN. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$number') return Number((value as { $number: string }).$number);
  }
  return value;
}

export interface PublishedRun {
  dir: string;
  points: number;
}

/**
 * Writes one experiment of the ledger (finished or not: its record says which) under resultsDir, with
 * what produced it (the code and versions the ledger recorded when it was submitted and resumed, spec
 * hash, trace ids, stage counts): the published report shows that, not the code that publishes or
 * later renders it, so it renders the same every time.
 */
export function publishRun(ledger: Ledger, ledgerFile: string, experimentId: string, resultsDir: string): PublishedRun {
  const exp = ledger.getExperiment(experimentId);
  if (!exp) throw new InvalidArgumentError('id', `no experiment ${experimentId} in the ledger ${ledgerFile}`);
  const points = gridPointResults(ledger, experimentId).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const dir = path.join(resultsDir, RUNS_DIR, experimentId);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, POINTS_FILE), points.map((p) => JSON.stringify(p, replacer)).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'spec.yaml'), exp.specYaml);
  const timing = experimentTiming(ledgerFile, experimentId);
  const record = {
    experiment: experimentId,
    name: exp.name,
    state: exp.state,
    gridPoints: exp.gridPoints,
    stages: { total: exp.stagesTotal, done: exp.stagesDone, failed: exp.stagesFailed },
    wallSeconds: Math.round(timing.spanSeconds),
    trainSteps: timing.trainSteps,
    kinds: timing.kinds.map((k) => ({ kind: k.kind, stages: k.stages, attempts: k.attempts, spanSeconds: Math.round(k.spanSeconds), busySeconds: Math.round(k.busySeconds) })),
  };
  fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify(record, null, 2) + '\n');
  const tracesFile = path.join(path.dirname(ledgerFile), 'reports', experimentId, 'traces.json');
  const traceIds = fs.existsSync(tracesFile) ? (JSON.parse(fs.readFileSync(tracesFile, 'utf8')) as string[]) : [];
  // the code that ran it, as the ledger recorded it at submission (and at each resume on other code)
  const prov = provenance(exp.specYaml, ledger.stages(experimentId), traceIds, ledger.experimentFacts(experimentId), 'publish');
  fs.writeFileSync(path.join(dir, PROVENANCE_FILE), JSON.stringify(prov, null, 2) + '\n');
  return { dir, points: points.length };
}

export interface PublishedPoints {
  /** Every run's grid points, one per label, sorted by label. */
  points: GridPointResult[];
  /** Each run (sorted by id): its spec YAML and what produced it. */
  runs: Array<{ run: string; yaml: string; provenance: Provenance | null }>;
}

/**
 * Reads every run under resultsDir. The same grid point published by two runs (the same stages run
 * twice, or a run re-published) must carry the same results; different results are an error that
 * names both runs, never a silent choice.
 */
export function loadPublishedPoints(resultsDir: string): PublishedPoints {
  const runsDir = path.join(resultsDir, RUNS_DIR);
  if (!fs.existsSync(runsDir)) throw new InvalidArgumentError('from', `${resultsDir} holds no published runs (no ${RUNS_DIR}/ folder)`);
  const runs = fs.readdirSync(runsDir).filter((r) => fs.existsSync(path.join(runsDir, r, POINTS_FILE))).sort();
  if (runs.length === 0) throw new InvalidArgumentError('from', `${runsDir} holds no ${POINTS_FILE}`);
  const byLabel = new Map<string, { run: string; text: string; point: GridPointResult }>();
  const published: PublishedPoints['runs'] = [];
  for (const run of runs) {
    const provFile = path.join(runsDir, run, PROVENANCE_FILE);
    published.push({
      run,
      yaml: fs.readFileSync(path.join(runsDir, run, 'spec.yaml'), 'utf8'),
      provenance: fs.existsSync(provFile) ? (JSON.parse(fs.readFileSync(provFile, 'utf8')) as Provenance) : null,
    });
    const lines = fs.readFileSync(path.join(runsDir, run, POINTS_FILE), 'utf8').split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, i) => {
      let point: GridPointResult;
      try {
        point = JSON.parse(line, reviver) as GridPointResult;
      } catch (err) {
        throw new InvalidArgumentError('from', `${path.join(runsDir, run, POINTS_FILE)} line ${i + 1}: ${(err as Error).message}`);
      }
      const seen = byLabel.get(point.label);
      if (seen && seen.text !== line) {
        throw new InvalidArgumentError('from', `grid point ${point.label} is published by runs ${seen.run} and ${run} with different results`);
      }
      if (!seen) byLabel.set(point.label, { run, text: line, point });
    });
  }
  const points = [...byLabel.values()].map((v) => v.point).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { points, runs: published };
}
