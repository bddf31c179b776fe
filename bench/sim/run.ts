// Env steps per second of libs/envs, in-process, side by side with the native MuJoCo reference
// (../shared/bench/mujoco_native: Gymnasium-v4-equivalent envs in C on Debian's libmujoco), measured
// in the same command so that the ratio is meaningful on a noisy shared machine.
//
//   node --import tsx bench/sim/run.ts [--steps 50000] [--runs 5] [--vec 8] [--native-envs DIR] [--no-native] [--write-results]
//
// Both sides step with uniform random actions in [-1, 1] (4096 drawn up front and cycled) and reset
// when an episode ends, as the reference's bench_env.c does. Runs alternate between the two sides
// and each figure is the median of --runs runs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Rng } from '@rlprune/random';
import { createEnv, createVecEnv } from '@rlprune/envs';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(repoRoot, '../shared');

interface Args {
  steps: number;
  runs: number;
  vec: number;
  nativeEnvs: string | null;
  native: boolean;
  writeResults: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { steps: 50_000, runs: 5, vec: 8, nativeEnvs: null, native: true, writeResults: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--steps') args.steps = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--vec') args.vec = Number(argv[++i]);
    else if (a === '--native-envs') args.nativeEnvs = argv[++i];
    else if (a === '--no-native') args.native = false;
    else if (a === '--write-results') args.writeResults = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function randomActions(actDim: number, seed: string): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: 4096 * actDim }, () => rng.range(-1, 1));
}

/** One MujocoEnv through its public step(), as the CLI and evaluators use it. */
async function benchSingle(envId: string, steps: number): Promise<number> {
  const env = await createEnv(envId, { seed: 0 });
  const { actDim } = env.spec;
  const acts = randomActions(actDim, `bench/${envId}`);
  env.reset();
  const t0 = process.hrtime.bigint();
  for (let t = 0; t < steps; t++) {
    const k = (t & 4095) * actDim;
    const r = env.step(acts.subarray(k, k + actDim));
    if (r.terminated || r.truncated) env.reset();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  env.close();
  return steps / seconds;
}

/** A VecEnv of n copies (auto-reset inside), as the simulator service steps it. */
async function benchVec(envId: string, steps: number, n: number): Promise<number> {
  const vec = await createVecEnv(envId, { numEnvs: n, seed: 0 });
  const { actDim } = vec.spec;
  const acts = randomActions(n * actDim, `bench/${envId}/vec`);
  const batches = Math.floor(4096 / n);
  vec.reset();
  const iters = Math.floor(steps / n);
  const t0 = process.hrtime.bigint();
  for (let t = 0; t < iters; t++) {
    const k = (t % batches) * n * actDim;
    vec.step(acts.subarray(k, k + n * actDim));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  vec.close();
  return (iters * n) / seconds;
}

/** Builds the native reference in a temporary copy (shared/ may be read-only). */
function buildNative(): string {
  const ref = mkdtempSync(join(tmpdir(), 'rlprune-native-'));
  cpSync(sharedDir, join(ref, 'shared'), { recursive: true });
  const envsDir = join(ref, 'shared', 'bench', 'mujoco_native', 'envs');
  execFileSync('make', ['-C', envsDir], { stdio: 'ignore' });
  return envsDir;
}

function benchNative(envsDir: string, name: string, steps: number): { stepsPerS: number; version: string } {
  const xml = { Hopper: 'hopper.xml', Walker2d: 'walker2d.xml', HalfCheetah: 'half_cheetah.xml' }[name]!;
  const xmlPath = resolve(envsDir, '..', '..', '..', 'reference', 'gymnasium-mujoco', xml);
  const out = execFileSync(join(envsDir, 'bench_env'), [name, xmlPath, String(steps), '0'], { encoding: 'utf8' });
  const row = JSON.parse(out) as { steps_per_s: number; mujoco?: string; mujoco_version?: string };
  return { stepsPerS: row.steps_per_s, version: String(row.mujoco_version ?? row.mujoco ?? '?') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let envsDir: string | null = null;
  if (args.native) {
    envsDir = args.nativeEnvs ?? (existsSync(sharedDir) ? buildNative() : null);
    if (envsDir === null) console.error(`native reference skipped: ${sharedDir} not found`);
  }
  const rows: string[] = [];
  let nativeVersion = '';
  for (const name of ['Hopper', 'Walker2d', 'HalfCheetah']) {
    const envId = `${name}-v4`;
    const single: number[] = [];
    const vec: number[] = [];
    const native: number[] = [];
    for (let r = 0; r < args.runs; r++) {
      single.push(await benchSingle(envId, args.steps));
      vec.push(await benchVec(envId, args.steps, args.vec));
      if (envsDir !== null) {
        const n = benchNative(envsDir, name, args.steps);
        native.push(n.stepsPerS);
        nativeVersion = n.version;
      }
    }
    const line = {
      env: envId,
      runs: args.runs,
      steps: args.steps,
      js_single_steps_per_s: Math.round(median(single)),
      js_vec_steps_per_s: Math.round(median(vec)),
      native_c_steps_per_s: native.length > 0 ? Math.round(median(native)) : null,
    };
    console.log(JSON.stringify(line));
    const ratio = (x: number) => (native.length > 0 ? (x / median(native)).toFixed(2) : 'n/a');
    rows.push(
      `| ${envId} | ${line.js_single_steps_per_s} | ${line.js_vec_steps_per_s} | ${line.native_c_steps_per_s ?? 'n/a'} | ${ratio(median(single))} | ${ratio(median(vec))} |`,
    );
  }
  const table = [
    `| env | libs/envs single (steps/s) | libs/envs VecEnv x${args.vec} (steps/s) | native C (steps/s) | single / native | vec / native |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  console.log(`\n${table}\n\nmedians of ${args.runs} runs of ${args.steps} steps; native MuJoCo ${nativeVersion || 'n/a'}; node ${process.version}`);
  if (args.writeResults) {
    const command = `node --import tsx bench/sim/run.ts ${process.argv.slice(2).join(' ')}`.trim();
    writeFileSync(
      resolve(__dirname, 'RESULTS.md'),
      [
        '# bench/sim: env steps per second, libs/envs (mujoco-js) vs native MuJoCo',
        '',
        `Command (from the repo root): \`${command}\``,
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, node ${process.version}; medians of ${args.runs} runs of ${args.steps} steps, runs of both sides interleaved.`,
        `Uniform random actions in [-1, 1], reset when an episode ends (resets included in the time). Native: the reference's \`bench_env\` (C, Debian libmujoco ${nativeVersion || 'n/a'}) on the Gymnasium XML files; libs/envs: mujoco-js (MuJoCo 3.3.8 WASM) on the project's own models.`,
        '',
        table,
        '',
      ].join('\n'),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
