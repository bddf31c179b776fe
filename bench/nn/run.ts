// rlprune's MLP engine against PyTorch (../shared/bench/mlp_bench.py), side by side in one command:
// one training step (forward + MSE + backward + Adam) of 11 -> H -> H -> 3 tanh at H in {64, 256} and
// batch in {64, 2048}, and inference at batch 1 and 16; medians of timing blocks, as the reference does.
//
//   npm run bench:nn                 table with ratios rlprune / PyTorch
//   npm run bench:nn -- --json       one JSON line per row (bench, hidden, batch, ms_per_step, ...)
//   options: --engine native|js  --repeats N  --no-ref  --ref PATH/TO/mlp_bench.py
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Rng } from '@rlprune/random';
import { Adam, createGrads, createKernelEngine, createMlp, mlpParams, mseLoss, type Mlp } from '@rlprune/nn';

interface Row {
  bench: 'train_step' | 'inference';
  hidden: number;
  batch: number;
  ms_per_step: number;
  ms_min: number;
}

const IN_DIM = 11;
const OUT_DIM = 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const json = process.argv.includes('--json');
const repeats = Number(arg('--repeats') ?? 7);
const engineName = arg('--engine') as 'native' | 'js' | undefined;
const refPath = arg('--ref') ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'bench', 'mlp_bench.py');

/** Median and min ms per call over `repeats` blocks of `iters` calls, after `warmup` calls. */
function timeBlocks(fn: () => void, iters: number, warmup: number): { median: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const per: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) fn();
    per.push(Number(process.hrtime.bigint() - t0) / 1e6 / iters);
  }
  per.sort((a, b) => a - b);
  return { median: per[Math.floor(per.length / 2)]!, min: per[0]! };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const randn = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => rng.normal());

function net(hidden: number, seed: number): Mlp {
  return createMlp({ inDim: IN_DIM, hidden: [hidden, hidden], outDim: OUT_DIM, outputGain: 1 }, seed);
}

function runRlprune(): { rows: Row[]; engine: string } {
  const engine = createKernelEngine(engineName);
  const rows: Row[] = [];
  const rng = new Rng(0);
  for (const hidden of [64, 256]) {
    for (const batch of [64, 2048]) {
      const mlp = net(hidden, 1);
      const adam = new Adam({ lr: 3e-4, eps: 1e-5 }, engine.kernels);
      const x = randn(rng, batch * IN_DIM);
      const y = randn(rng, batch * OUT_DIM);
      const params = mlpParams(mlp);
      const grads = createGrads(mlp);
      const gOut = new Float32Array(batch * OUT_DIM);
      let pass = engine.forward(mlp, x, batch);
      const trainStep = () => {
        pass = engine.forward(mlp, x, batch, pass);
        mseLoss(pass.output, y, gOut);
        engine.backward(mlp, pass, gOut, grads);
        adam.update(params, grads);
      };
      const iters = batch <= 64 ? 200 : hidden <= 64 ? 50 : 10;
      const t = timeBlocks(trainStep, iters, Math.max(5, Math.floor(iters / 4)));
      rows.push({ bench: 'train_step', hidden, batch, ms_per_step: round4(t.median), ms_min: round4(t.min) });
    }
    const mlp = net(hidden, 2);
    for (const batch of [1, 16]) {
      const x = randn(rng, batch * IN_DIM);
      const out = new Float32Array(batch * OUT_DIM);
      const t = timeBlocks(() => engine.predict(mlp, x, batch, out), 2000, 200);
      rows.push({ bench: 'inference', hidden, batch, ms_per_step: round4(t.median), ms_min: round4(t.min) });
    }
  }
  return { rows, engine: `${engine.kernels.name} (${engine.kernels.detail})` };
}

function runPytorch(): Row[] | string {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return `${python} not found`;
  if (!existsSync(refPath)) return `${refPath} not found (pass --ref)`;
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync(python, [refPath, '--repeats', String(repeats)], { env, encoding: 'utf8' });
  if (r.status !== 0) return `mlp_bench.py failed: ${(r.stderr || '').trim().split('\n').pop()}`;
  return r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Row);
}

function main(): void {
  const ours = runRlprune();
  const ref = process.argv.includes('--no-ref') ? 'skipped (--no-ref)' : runPytorch();
  const refRow = (r: Row) => (typeof ref === 'string' ? undefined : ref.find((q) => q.bench === r.bench && q.hidden === r.hidden && q.batch === r.batch));
  if (json) {
    for (const r of ours.rows) {
      const q = refRow(r);
      console.log(JSON.stringify({
        impl: 'rlprune', engine: ours.engine, in_dim: IN_DIM, out_dim: OUT_DIM, ...r,
        ...(q ? { pytorch_ms_per_step: q.ms_per_step, ratio: round4(r.ms_per_step / q.ms_per_step) } : {}),
      }));
    }
    if (typeof ref !== 'string') for (const q of ref) console.log(JSON.stringify({ impl: 'pytorch', ...q }));
    else console.log(JSON.stringify({ impl: 'pytorch', skipped: ref }));
    return;
  }
  console.log(`rlprune engine: ${ours.engine}; PyTorch: ${typeof ref === 'string' ? ref : '1 thread, ' + refPath}`);
  console.log('bench       hidden  batch  rlprune ms  pytorch ms  ratio');
  for (const r of ours.rows) {
    const q = refRow(r);
    console.log(
      `${r.bench.padEnd(11)} ${String(r.hidden).padStart(6)} ${String(r.batch).padStart(6)} ${r.ms_per_step.toFixed(4).padStart(11)} ` +
      `${q ? q.ms_per_step.toFixed(4).padStart(11) : '          -'} ${q ? (r.ms_per_step / q.ms_per_step).toFixed(2).padStart(6) : '     -'}`,
    );
  }
}

main();
