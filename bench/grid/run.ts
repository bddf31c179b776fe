// Grid benchmark (issue 17): a fixed small grid run through `rlprune run` on local services, as a
// user runs it, against two copies of the PyTorch PPO reference run side by side on the same machine
// in the same command (a 2-core laptop trains two policies at once either way).
//
//   flock /tmp/rlprune-bench.lock npm run bench:grid -- [--runs 3] [--steps 200000] [--ref-steps 100000]
//       [--concurrency N] [--ref-dir DIR] [--keep]
//
// The grid: Hopper-v4, sparsities 0 / 0.3 / 0.6 / 0.9 (magnitude micro-pruning) x seeds 1, 2, each
// trained `--steps` env steps; random and MAD at the env's epsilon; 50 evaluation episodes; CROWN and
// the Lipschitz surrogate. Each run starts from an empty home (no cached stages). The grid run and the
// reference pair alternate, `--runs` times each. Reported per run: the grid's wall time, its train
// stages' aggregate env steps/s (train steps over the span from the first train start to the last
// train finish), the reference pair's aggregate (sum of both copies' steps/s), their ratio, and the
// wall time per stage kind; then the medians. Target: ratio >= 4.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { referenceDir, runPpoTorch } from '../reference/ppo-torch';
import { experimentTiming, type ExperimentTiming } from '../../services/orchestrator/src/ledger/stage-timings';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('--runs') ?? 3);
const steps = Number(arg('--steps') ?? 200_000);
const refSteps = Number(arg('--ref-steps') ?? 100_000);
const concurrency = Number(arg('--concurrency') ?? os.availableParallelism());
const keep = process.argv.includes('--keep');
const CLI = path.resolve(__dirname, '../../apps/cli/bin/rlprune.js');

const SPEC = `name: bench-grid
envs: [Hopper-v4]
seeds: [1, 2]
train: { total_timesteps: ${steps} }
pruning: { mode: during, criteria: [magnitude], sparsities: [0, 0.3, 0.6, 0.9] }
attacks: [{ name: random }, { name: mad }]
certify: { methods: [lipschitz, crown] }
evaluation: { episodes: 50 }
`;

interface GridRun {
  wallSeconds: number;
  trainSps: number;
  timing: ExperimentTiming;
}

function runGrid(): Promise<GridRun> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rlprune-bench-grid-'));
  const spec = path.join(home, 'grid.yaml');
  writeFileSync(spec, SPEC);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'run', spec, '--home', home, '--concurrency', String(concurrency)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('exit', (code) => {
      const wallSeconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`rlprune run exited ${code}:\n${err}`));
      const ledger = path.join(home, 'ledger.sqlite');
      const db = new Database(ledger, { readonly: true });
      const { id } = db.prepare('SELECT id FROM experiments').get() as { id: string };
      db.close();
      const timing = experimentTiming(ledger, id);
      const train = timing.kinds.find((k) => k.kind === 'train')!;
      if (!keep) rmSync(home, { recursive: true, force: true });
      resolve({ wallSeconds, trainSps: timing.trainSteps / train.spanSeconds, timing });
    });
  });
}

async function runReferencePair(refDir: string): Promise<number> {
  const pair = await Promise.all([runPpoTorch(refDir, 'Hopper-v4', refSteps, 1), runPpoTorch(refDir, 'Hopper-v4', refSteps, 2)]);
  return pair[0].sps + pair[1].sps;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const refDir = referenceDir(arg('--ref-dir'));
  const rows: { grid: GridRun; refSps: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const refSps = await runReferencePair(refDir);
    const grid = await runGrid();
    rows.push({ grid, refSps });
    console.log(
      JSON.stringify({
        bench: 'grid',
        run: r + 1,
        concurrency,
        wall_seconds: round(grid.wallSeconds),
        train_steps: grid.timing.trainSteps,
        train_sps: round(grid.trainSps),
        reference_pair_sps: round(refSps),
        ratio: round(grid.trainSps / refSps, 2),
        kinds: grid.timing.kinds.map((k) => ({ kind: k.kind, stages: k.stages, span_s: round(k.spanSeconds), busy_s: round(k.busySeconds) })),
      }),
    );
  }
  console.log(
    JSON.stringify({
      bench: 'grid',
      summary: 'median',
      runs,
      wall_seconds: round(median(rows.map((x) => x.grid.wallSeconds))),
      train_sps: round(median(rows.map((x) => x.grid.trainSps))),
      reference_pair_sps: round(median(rows.map((x) => x.refSps))),
      ratio: round(median(rows.map((x) => x.grid.trainSps / x.refSps)), 2),
      target: 4,
    }),
  );
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
