// Publishing finished runs under results/<name>/ so the analysis outlives the machine that ran them.
// A long grid is run in pieces (one env, one seed per run, each finished within a session), and each
// piece is published as results/<name>/runs/<experiment id>/: its grid points' results exactly as
// analysis reads them (points.jsonl), its spec, and a run record (state, stage counts, wall time per
// stage kind). The report of results/<name> is rendered from every run's points together, so it can be
// regenerated at any time without the ledger or any service.
import fs from 'node:fs';
import path from 'node:path';
import { compareArms, type GridPointResult, type Provenance, type PruningArm } from '@rlprune/analysis';
import { InvalidArgumentError } from '@rlprune/service-kit';
import type { Ledger } from '../ledger/ledger';
import { experimentTiming } from '../ledger/stage-timings';
import { gridPointResults } from '../pipeline/results';
import { parseSpec } from '../spec/experiment-spec';
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
  /** Every run's grid points, one per (pruning arm, label), sorted by label then arm. */
  points: GridPointResult[];
  /** Each run (sorted by id): its spec YAML and what produced it. */
  runs: Array<{ run: string; yaml: string; provenance: Provenance | null }>;
}

/**
 * Reads every run under resultsDir. The same grid point published by two runs (the same stages run
 * twice, or a run re-published) must carry the same results; different results are an error that
 * names both runs, never a silent choice. A point's label does not name its pruning arm (it is
 * spec-level), so two runs of different arms may publish the same label: they are different points.
 * Points published before the arm was recorded take it from their run's spec.yaml (every published
 * run has one), whose pruning.mode and pruning.structured default to micro-pruning, elementwise.
 */
export function loadPublishedPoints(resultsDir: string): PublishedPoints {
  const runsDir = path.join(resultsDir, RUNS_DIR);
  if (!fs.existsSync(runsDir)) throw new InvalidArgumentError('from', `${resultsDir} holds no published runs (no ${RUNS_DIR}/ folder)`);
  const runs = fs.readdirSync(runsDir).filter((r) => fs.existsSync(path.join(runsDir, r, POINTS_FILE))).sort();
  if (runs.length === 0) throw new InvalidArgumentError('from', `${runsDir} holds no ${POINTS_FILE}`);
  const byKey = new Map<string, { run: string; text: string; point: GridPointResult }>();
  const published: PublishedPoints['runs'] = [];
  for (const run of runs) {
    const provFile = path.join(runsDir, run, PROVENANCE_FILE);
    const yaml = fs.readFileSync(path.join(runsDir, run, 'spec.yaml'), 'utf8');
    published.push({ run, yaml, provenance: fs.existsSync(provFile) ? (JSON.parse(fs.readFileSync(provFile, 'utf8')) as Provenance) : null });
    const arm = specArm(yaml, path.join(runsDir, run, 'spec.yaml'));
    const file = path.join(runsDir, run, POINTS_FILE);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, i) => {
      let parsed: Omit<GridPointResult, keyof PruningArm> & Partial<PruningArm>;
      try {
        parsed = JSON.parse(line, reviver) as typeof parsed;
      } catch (err) {
        throw new InvalidArgumentError('from', `${file} line ${i + 1}: ${(err as Error).message}`);
      }
      const point = withArm(parsed, arm);
      // compared as written with the arm filled in, so a point published before the arm was recorded
      // equals the same point published since
      const text = JSON.stringify(point, replacer);
      const key = JSON.stringify([point.mode, point.structured, point.label]);
      const seen = byKey.get(key);
      if (seen && seen.text !== text) {
        throw new InvalidArgumentError('from', `grid point ${point.label} is published by runs ${seen.run} and ${run} with different results`);
      }
      if (!seen) byKey.set(key, { run, text, point });
    });
  }
  const points = [...byKey.values()].map((v) => v.point).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || compareArms(a, b));
  return { points, runs: published };
}

/** The pruning arm a run's spec ran (the spec's defaults when it does not say). */
function specArm(yaml: string, file: string): PruningArm {
  try {
    // a published folder is read whatever this machine's policy-size limit is
    const { mode, structured } = parseSpec(yaml, Number.POSITIVE_INFINITY, { acceptOldNames: true }).pruning;
    return { mode, structured };
  } catch (err) {
    throw new InvalidArgumentError('from', `${file}: ${(err as Error).message}`);
  }
}

/** The point with its arm right after its criterion: its own when it carries one, else the run's. */
function withArm(p: Omit<GridPointResult, keyof PruningArm> & Partial<PruningArm>, arm: PruningArm): GridPointResult {
  const { label, env, seed, kappa, criterion, mode, structured, ...rest } = p;
  return { label, env, seed, kappa, criterion, mode: mode ?? arm.mode, structured: structured ?? arm.structured, ...rest };
}
