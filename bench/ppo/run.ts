// PPO benchmark: rlprune's in-process PPO (libs/rl over libs/envs) on the MuJoCo tasks, and its
// throughput side by side with the PyTorch + native MuJoCo reference (../shared/bench/ppo_torch.py),
// both measured in the same command.
//
//   npm run bench:ppo -- --env Hopper-v4 --total-timesteps 1000000 --seeds 1,2,3          learning runs
//   npm run bench:ppo -- --env Hopper-v4 --total-timesteps 1000000 --seeds 1 --kappa 0.3  SA-PPO (SGLD)
//   npm run bench:ppo -- --throughput --env Hopper-v4 --total-timesteps 100000 --repeats 3
//       alternates reference and rlprune runs; prints medians of env steps/s and their ratio; rlprune
//       runs twice per repeat: in-process (libs/rl over libs/envs) and through the services (a
//       trainer process training over a Session with a simulator process; services.ts)
//
// Options: --num-envs N (default 1, as the reference) --num-steps N (2048) --progress (a JSON line per
// iteration, and one of gradient diagnostics) --ref-dir DIR (a built copy of ../shared, see ../shared/bench/README.md; default: copy
// and build it in a temp dir) --engine native|js.
// Evaluation: --eval-episodes N (default 50; 0 skips) after training, N episodes each with mean actions
// (SA-PPO's protocol) and with sampled actions, on fresh envs; final_return_mean_last10 is of the
// last sampled-action training episodes.
// Not with --throughput. Diagnostics: --save-dir DIR (write each final policy artifact there)
// --config JSON (extra PpoConfig fields, merged over the above; an "sa" object is merged into the SA
// config). Evaluate saved artifacts again with evaluate.ts.
// Output: one JSON line per run ({bench: "ppo", impl, env, seed, steps, seconds, sps,
// final_return_mean_last10, ...}) and, with --throughput, a summary line with the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePolicy, defaultKernels } from '@rlprune/nn';
import { createLocalVecEnv, train, type PpoConfig } from '@rlprune/rl';
import { referenceDir as sharedReferenceDir } from '../reference/ppo-torch';
import { evaluateBothWays } from './evaluate-both';
import { PpoServices } from './services';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const envIds = (arg('--env') ?? 'Hopper-v4').split(',');
// CleanRL's names for the PPO settings (--total-timesteps, --num-envs, --num-steps), as the spec and the proto
if (flag('--steps')) throw new Error('--steps was renamed to --total-timesteps (CleanRL\'s name); write --total-timesteps N instead');
const steps = Number(arg('--total-timesteps') ?? 1_000_000);
const seedsArg = arg('--seeds') ?? '1';
// A list when it has a comma ("2," is seed 2 alone), else a count: "3" is seeds 1, 2, 3.
const seeds = seedsArg.includes(',') ? seedsArg.split(',').filter((x) => x !== '').map(Number) : Array.from({ length: Number(seedsArg) }, (_, i) => i + 1);
const kappa = arg('--kappa') === undefined ? null : Number(arg('--kappa'));
const numEnvs = Number(arg('--num-envs') ?? 1);
const numSteps = Number(arg('--num-steps') ?? 2048);
const repeats = Number(arg('--repeats') ?? 3);
const engine = arg('--engine') as 'native' | 'js' | undefined;
const progress = flag('--progress');
const evalEpisodes = flag('--throughput') ? 0 : Number(arg('--eval-episodes') ?? 50);
const saveDir = arg('--save-dir');
const extraConfig = JSON.parse(arg('--config') ?? '{}') as Partial<PpoConfig>;

interface RunRow {
  bench: 'ppo';
  impl: 'rlprune' | 'rlprune-services' | 'pytorch-ref';
  env: string;
  seed: number;
  steps: number;
  seconds: number;
  sps: number;
  final_return_mean_last10: number;
  [extra: string]: unknown;
}

async function runRlprune(envId: string, seed: number): Promise<RunRow> {
  const sa = kappa !== null ? { kappa, method: 'sgld' as const, ...(extraConfig.sa ?? {}) } : null;
  const config: PpoConfig = {
    envId, seed, totalTimesteps: steps, numEnvs, numSteps,
    ...(engine ? { engine } : {}),
    ...extraConfig,
    sa,
  };
  const env = await createLocalVecEnv(envId, { numEnvs, seed });
  const t0 = performance.now();
  try {
    const result = await train(config, env, {
      onIteration: (p) => {
        if (progress) console.log(JSON.stringify({ progress: true, env: envId, seed, ...p }));
      },
      ...(progress ? { onDiagnostics: (d: object) => console.log(JSON.stringify({ diagnostics: true, env: envId, seed, ...d })) } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const tag = `${envId}-${kappa !== null ? `sa${kappa}` : 'ppo'}-seed${seed}-${result.envSteps}`;
    if (saveDir) {
      mkdirSync(saveDir, { recursive: true });
      writeFileSync(path.join(saveDir, `${tag}.policy`), result.policy);
    }
    return {
      bench: 'ppo', impl: 'rlprune', env: envId, seed, steps: result.envSteps, seconds: round(seconds, 2),
      sps: round(result.envSteps / seconds, 1), final_return_mean_last10: round(result.meanReturn, 2),
      num_envs: numEnvs, num_steps: numSteps, kappa: kappa ?? 0, lipschitz: round(result.lipschitzBound, 3),
      kernels: engine ?? defaultKernels().name,
      ...(Object.keys(extraConfig).length > 0 ? { config: extraConfig } : {}),
      ...(evalEpisodes > 0 ? await evaluateFinal(seed, result.policy) : {}),
    };
  } finally {
    env.close();
  }
}

/**
 * The final policy's log-std and its return over evalEpisodes fresh episodes with mean actions
 * (SA-PPO's evaluation) and with sampled actions (what the training metric averages).
 */
async function evaluateFinal(seed: number, bytes: Buffer): Promise<Record<string, unknown>> {
  const policy = decodePolicy(bytes);
  // Evaluation envs get their own seed stream, apart from the training envs'.
  const { deterministic, stochastic } = await evaluateBothWays(policy, evalEpisodes, seed + 1_000_000, seed);
  return {
    log_std: Array.from(policy.model.logStd, (x) => round(x, 3)),
    eval_episodes: evalEpisodes,
    eval_deterministic_mean: round(deterministic.mean, 2),
    eval_stochastic_mean: round(stochastic.mean, 2),
  };
}

/** A built copy of ../shared (bench/reference/ppo-torch.ts builds it once), or --ref-dir. */
const referenceDir = () => sharedReferenceDir(arg('--ref-dir'));

function runReference(envId: string, seed: number): RunRow {
  const name = envId.replace(/-v\d+$/, '');
  const script = path.join(referenceDir(), 'bench', 'ppo_torch.py');
  if (!existsSync(script)) throw new Error(`no reference at ${script}`);
  // The reference README: time PyTorch with these two unset, with the Debian python that has torch.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const out = spawnSync('/usr/bin/python3', [script, '--env', name, '--total-steps', String(steps), '--seed', String(seed), '--quiet'], {
    encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`ppo_torch.py failed (${out.status}):\n${out.stderr}`);
  const last = out.stdout.trim().split('\n').pop()!;
  const r = JSON.parse(last) as { steps: number; seconds: number; sps: number; final_return_mean_last10: number };
  return { bench: 'ppo', impl: 'pytorch-ref', env: envId, seed, steps: r.steps, seconds: r.seconds, sps: r.sps, final_return_mean_last10: r.final_return_mean_last10 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function main(): Promise<void> {
  if (flag('--throughput')) {
    const services = await PpoServices.start();
    try {
      for (const envId of envIds) {
        const ref: number[] = [];
        const ours: number[] = [];
        const viaServices: number[] = [];
        for (let r = 0; r < repeats; r++) {
          // Alternate, so drifting load on a shared machine hits every side alike.
          const a = runReference(envId, seeds[0]!);
          console.log(JSON.stringify({ ...a, repeat: r }));
          ref.push(a.sps);
          const b = await runRlprune(envId, seeds[0]!);
          console.log(JSON.stringify({ ...b, repeat: r }));
          ours.push(b.sps);
          const c = await services.train(envId, seeds[0]!, steps, numEnvs, numSteps);
          const row: RunRow = {
            bench: 'ppo', impl: 'rlprune-services', env: envId, seed: seeds[0]!, steps: c.steps, seconds: round(c.seconds, 2),
            sps: round(c.steps / c.seconds, 1), final_return_mean_last10: round(c.finalReturn, 2),
          };
          console.log(JSON.stringify({ ...row, repeat: r }));
          viaServices.push(row.sps);
        }
        console.log(JSON.stringify({
          bench: 'ppo_throughput', env: envId, steps, repeats, num_envs: numEnvs,
          ref_sps_median: round(median(ref), 1), rlprune_sps_median: round(median(ours), 1), ratio: round(median(ours) / median(ref), 2),
          services_sps_median: round(median(viaServices), 1), services_ratio: round(median(viaServices) / median(ref), 2),
        }));
      }
    } finally {
      await services.stop();
    }
    return;
  }
  for (const envId of envIds) {
    const rows: RunRow[] = [];
    for (const seed of seeds) {
      const row = await runRlprune(envId, seed);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
    const meanOf = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length, 2);
    const finals = rows.map((r) => r.final_return_mean_last10);
    const evals = evalEpisodes > 0 ? {
      mean_eval_deterministic: meanOf(rows.map((r) => r.eval_deterministic_mean as number)),
      mean_eval_stochastic: meanOf(rows.map((r) => r.eval_stochastic_mean as number)),
    } : {};
    console.log(JSON.stringify({ bench: 'ppo_summary', env: envId, steps, seeds, kappa: kappa ?? 0, mean_final_return: meanOf(finals), finals, ...evals }));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
