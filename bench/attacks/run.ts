// Attack benchmark (issue 7): a Hopper-v4 PPO policy (1M steps, CleanRL defaults of libs/rl), its
// clean return and its return under every attack of libs/attacks at one budget, deterministic
// actions, and the evaluation throughput under MAD relative to clean evaluation.
//
//   node --import tsx bench/attacks/run.ts --env Hopper-v4 --seed 1 --steps 1000000
//       trains the victim (or reuses the saved one), prepares rs/rs_mad/learned with their default
//       budgets, evaluates clean + every attack for 50 episodes at epsilon 0.075, then the throughput
//   node --import tsx bench/attacks/run.ts --policy FILE ...           victim from a policy file
//   node --import tsx bench/attacks/run.ts --only-throughput ...      the MAD/clean throughput only
//   node --import tsx bench/attacks/run.ts --params learned.iterations=50 ...   a smaller budget
//
// Options: --epsilon E (0.075) --episodes N (50) --num-envs N (10; must divide --episodes)
// --attacks a,b (all) --repeats N (5 throughput runs per side; 0 skips the throughput) --throughput-episodes N (1 per env)
// --params attack.name=value,... (overrides of attack parameters, prepare budgets included)
// --rs-sweep sa-ppo|none|E:R;E:R... (robust sarsa's (eps_q, reg_coef) settings; default sa-ppo: the 30 of
//   SA-PPO's scan_attacks.sh, rs and rs_mad each reported as the minimum over them, as SA-PPO reports
//   RS; none: one Q at the parameters' defaults)
// --reuse-prepared (load prepared artifacts saved by an earlier run instead of preparing again)
// --out-dir DIR (bench/attacks/cache: where the victim and prepared artifacts are saved).
// Output: JSON lines: {bench: "attacks_train"|"attacks_prepare"|"attacks_sweep"|"attacks"|
// "attacks_throughput_run"|"attacks_throughput", ...}; one "attacks" row per attack with mean/std/min/max
// return (for a swept attack: the setting with the lowest mean, named in "setting"); one
// "attacks_sweep" row per swept setting.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import {
  ATTACK_NAMES, attackByName, evaluatePolicy, localEnvFactory, rsSettingLabel, rsSettingParams, SA_PPO_RS_SWEEP,
  type Perturber, type RsSweepSetting, type VecEnvLike,
} from '@rlprune/attacks';
import { decodePolicy, defaultKernels, type PolicyArtifact } from '@rlprune/nn';
import { deriveSeed } from '@rlprune/random';
import { createLocalVecEnv, train } from '@rlprune/rl';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

/** Every knob of the benchmark, with the values as defaults. */
interface BenchConfig {
  /** Environment of the victim. */
  envId: string;
  /** Seed of the victim's training; evaluation, attack and preparation seeds derive from it. */
  seed: number;
  /** PPO env steps of the victim (issue 7: 1M). */
  steps: number;
  /** Policy file to load instead of training; default the cached one if present. */
  policyFile: string | undefined;
  /** L-inf budget in normalised observation units (SA-PPO's Hopper default: 0.075). */
  epsilon: number;
  /** Episodes per row (SA-PPO: 50). */
  episodes: number;
  /** Parallel envs of an evaluation; each runs episodes / numEnvs episodes. */
  numEnvs: number;
  /** Attacks to run, registry names. */
  attacks: string[];
  /** Short runs per side of the throughput comparison (medians are reported). */
  repeats: number;
  /** Episodes per env in one throughput run. */
  throughputEpisodes: number;
  /** Parameter overrides per attack. */
  params: Record<string, Record<string, number>>;
  /** Robust sarsa settings rs and rs_mad are swept over (empty: no sweep). */
  rsSweep: RsSweepSetting[];
  /** Load prepared artifacts saved by an earlier run. */
  reusePrepared: boolean;
  /** Where the victim and the prepared artifacts are written. */
  outDir: string;
}

function parseSweep(text: string): RsSweepSetting[] {
  if (text === 'sa-ppo') return [...SA_PPO_RS_SWEEP];
  if (text === 'none') return [];
  return text.split(';').map((item) => {
    const [e, r] = item.split(':').map(Number);
    if (!Number.isFinite(e) || !Number.isFinite(r)) throw new Error(`--rs-sweep: expected sa-ppo, none or eps_q:reg_coef;..., got "${item}"`);
    return { eps_q: e!, reg_coef: r! };
  });
}

function parseParams(text: string | undefined): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  if (!text) return out;
  for (const item of text.split(',')) {
    const m = /^([a-z_]+)\.([a-z_]+)=(.+)$/.exec(item.trim());
    if (!m || !Number.isFinite(Number(m[3]))) throw new Error(`--params: expected attack.name=number, got "${item}"`);
    (out[m[1]!] ??= {})[m[2]!] = Number(m[3]);
  }
  return out;
}

const config: BenchConfig = {
  envId: arg('--env') ?? 'Hopper-v4',
  seed: Number(arg('--seed') ?? 1),
  steps: Number(arg('--steps') ?? 1_000_000),
  policyFile: arg('--policy'),
  epsilon: Number(arg('--epsilon') ?? 0.075),
  episodes: Number(arg('--episodes') ?? 50),
  numEnvs: Number(arg('--num-envs') ?? 10),
  attacks: (arg('--attacks') ?? ATTACK_NAMES.join(',')).split(','),
  repeats: Number(arg('--repeats') ?? 5),
  throughputEpisodes: Number(arg('--throughput-episodes') ?? 1),
  params: parseParams(arg('--params')),
  rsSweep: parseSweep(arg('--rs-sweep') ?? 'sa-ppo'),
  reusePrepared: flag('--reuse-prepared'),
  outDir: path.resolve(arg('--out-dir') ?? path.join(__dirname, 'cache')),
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const emit = (row: Record<string, unknown>) => console.log(JSON.stringify(row));

/** The victim: loaded from --policy or the cache, else trained with libs/rl's defaults and cached. */
async function victimPolicy(): Promise<{ bytes: Buffer; file: string }> {
  const cached = path.join(config.outDir, `${config.envId}-ppo-seed${config.seed}-${config.steps}.policy`);
  const file = config.policyFile ?? cached;
  if (existsSync(file)) return { bytes: readFileSync(file), file };
  if (config.policyFile) throw new Error(`--policy: no file at ${config.policyFile}`);
  const env = await createLocalVecEnv(config.envId, { numEnvs: 1, seed: config.seed });
  const t0 = performance.now();
  try {
    const result = await train({ envId: config.envId, seed: config.seed, totalTimesteps: config.steps }, env, {
      onIteration: (p) => {
        // A heartbeat on stderr, so a background log shows the run is alive.
        if (p.iteration % 25 === 0) console.error(JSON.stringify({ training: true, iteration: p.iteration, iterations: p.iterations, meanReturn: round(p.meanReturn, 1) }));
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, result.policy);
    emit({
      bench: 'attacks_train', env: config.envId, seed: config.seed, steps: result.envSteps, seconds: round(seconds, 1),
      final_return_mean_last10: round(result.meanReturn, 2), policy: file, kernels: defaultKernels().name,
    });
    return { bytes: result.policy, file };
  } finally {
    env.close();
  }
}

/** The prepared artifact of an attack that needs one: prepared here (timed) or loaded from the cache. */
async function preparedFor(name: string, policy: PolicyArtifact, policyId: string, params: Record<string, number>): Promise<Uint8Array | undefined> {
  const attack = attackByName(name);
  if (!attack.needsPrepare) return undefined;
  const tag = Object.entries(params).map(([k, v]) => `-${k}${v}`).join('');
  // rs_mad's artifact is robust sarsa's Q, prepared with rs's seed: one cache file serves both.
  const kind = name === 'rs_mad' ? 'rs' : name;
  const file = path.join(config.outDir, `${policyId}-${kind}-eps${config.epsilon}-seed${config.seed}${tag}.prepared`);
  if (config.reusePrepared && existsSync(file)) {
    emit({ bench: 'attacks_prepare', attack: name, loaded: file });
    return readFileSync(file);
  }
  const t0 = performance.now();
  let last: Record<string, number> = {};
  let envSteps = 0;
  const bytes = await attack.prepare!({
    policy, envId: config.envId, epsilon: config.epsilon, seed: deriveSeed(config.seed, 'prepare', name === 'rs_mad' ? 'rs' : name), params,
    env: localEnvFactory,
    onProgress: (p) => {
      last = p.metrics;
      envSteps = p.envSteps;
      if (p.iteration % 10 === 0) console.error(JSON.stringify({ preparing: name, iteration: p.iteration, iterations: p.iterations, ...p.metrics }));
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  mkdirSync(config.outDir, { recursive: true });
  writeFileSync(file, bytes);
  const budget = Object.fromEntries(attack.parameters.filter((p) => p.description.startsWith('(prepare)')).map((p) => [p.name, params[p.name] ?? p.default]));
  emit({
    bench: 'attacks_prepare', attack: name, seconds: round(seconds, 1), env_steps: envSteps, budget,
    last_metrics: Object.fromEntries(Object.entries(last).map(([k, v]) => [k, round(v, 3)])), saved: file,
  });
  return bytes;
}

/** Counts the env steps an evaluation takes (every env of a batch step counts). */
function counting(env: VecEnvLike): { env: VecEnvLike; steps: () => number } {
  let steps = 0;
  return {
    steps: () => steps,
    env: {
      numEnvs: env.numEnvs,
      spec: env.spec,
      reset: () => env.reset(),
      step: (a) => {
        steps += env.numEnvs;
        return env.step(a);
      },
      close: () => env.close(),
    },
  };
}

interface Evaluation {
  returns: number[];
  /** Wall time of the episodes (env creation excluded). */
  seconds: number;
  /** CPU time of this process over the same span: less sensitive than wall time to other jobs on the machine. */
  cpuSeconds: number;
  envSteps: number;
}

/** One evaluation; every row starts from the same env seed, so clean and attacked runs share reset noise. */
async function evaluate(policy: PolicyArtifact, perturber: Perturber | undefined, episodesPerEnv: number): Promise<Evaluation> {
  const raw = await localEnvFactory({ envId: config.envId, numEnvs: config.numEnvs, seed: deriveSeed(config.seed, 'evaluate') });
  const { env, steps } = counting(raw);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const result = await evaluatePolicy({ policy, env, episodesPerEnv, deterministic: true, ...(perturber ? { perturber } : {}) });
    const cpu = process.cpuUsage(cpu0);
    return { returns: result.returns, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, envSteps: steps() };
  } finally {
    await env.close();
  }
}

function perturberFor(name: string, policy: PolicyArtifact, prepared: Uint8Array | undefined, params = config.params[name]): Perturber {
  return attackByName(name).createPerturber({
    policy, epsilon: config.epsilon, seed: deriveSeed(config.seed, 'attack', name),
    ...(params ? { params } : {}),
    ...(prepared ? { prepared } : {}),
  });
}

function returnRow(attack: string, e: Evaluation): Record<string, unknown> {
  const n = e.returns.length;
  const mean = e.returns.reduce((a, b) => a + b, 0) / n;
  // Population std over episodes, as SA-PPO's np.std.
  const std = Math.sqrt(e.returns.reduce((a, r) => a + (r - mean) ** 2, 0) / n);
  return {
    bench: 'attacks', env: config.envId, attack, epsilon: attack === 'none' ? 0 : config.epsilon,
    mean: round(mean, 1), std: round(std, 1), min: round(Math.min(...e.returns), 1), max: round(Math.max(...e.returns), 1),
    episodes: n, seconds: round(e.seconds, 2), env_steps: e.envSteps, sps: round(e.envSteps / e.seconds, 1),
  };
}

/** Clean and MAD evaluations alternated, so drifting load on a shared machine hits both alike. */
async function throughput(policy: PolicyArtifact): Promise<void> {
  const wall = { none: [] as number[], mad: [] as number[] };
  const cpu = { none: [] as number[], mad: [] as number[] };
  const pairRatios: number[] = [];
  for (let r = 0; r < config.repeats; r++) {
    for (const side of ['none', 'mad'] as const) {
      const e = await evaluate(policy, side === 'mad' ? perturberFor('mad', policy, undefined) : undefined, config.throughputEpisodes);
      wall[side].push(e.envSteps / e.seconds);
      cpu[side].push(e.envSteps / e.cpuSeconds);
      emit({
        bench: 'attacks_throughput_run', attack: side, repeat: r, env_steps: e.envSteps, seconds: round(e.seconds, 3),
        sps: round(e.envSteps / e.seconds, 1), cpu_seconds: round(e.cpuSeconds, 3), cpu_sps: round(e.envSteps / e.cpuSeconds, 1),
      });
    }
    pairRatios.push(wall.mad[r]! / wall.none[r]!);
  }
  emit({
    bench: 'attacks_throughput', env: config.envId, num_envs: config.numEnvs, episodes_per_env: config.throughputEpisodes,
    repeats: config.repeats, clean_sps_median: round(median(wall.none), 1), mad_sps_median: round(median(wall.mad), 1),
    ratio_mad_over_clean: round(median(wall.mad) / median(wall.none), 3),
    // Two views that resist load from other jobs: the median of the ratios within each clean/MAD pair,
    // and the ratio of steps per CPU second of this process.
    ratio_median_of_pairs: round(median(pairRatios), 3),
    clean_cpu_sps_median: round(median(cpu.none), 1), mad_cpu_sps_median: round(median(cpu.mad), 1),
    ratio_cpu: round(median(cpu.mad) / median(cpu.none), 3), kernels: defaultKernels().name,
  });
}

async function main(): Promise<void> {
  if (!Number.isSafeInteger(config.episodes / config.numEnvs) || config.episodes < config.numEnvs) {
    throw new Error(`--num-envs must divide --episodes: got ${config.numEnvs} and ${config.episodes}`);
  }
  for (const name of config.attacks) attackByName(name);
  const { bytes, file } = await victimPolicy();
  const policy = decodePolicy(bytes);
  const policyId = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  emit({ bench: 'attacks_victim', policy: file, sha256_12: policyId, metadata: policy.metadata });
  if (!flag('--only-throughput')) {
    const episodesPerEnv = config.episodes / config.numEnvs;
    emit(returnRow('none', await evaluate(policy, undefined, episodesPerEnv)));
    // RS and RS+MAD share robust sarsa's Q and prepare it with the same seed: with equal parameters
    // their preparations are the same computation, so rs_mad reuses the artifact rs prepared.
    const preparedByKey = new Map<string, Uint8Array | undefined>();
    const prepareShared = async (name: string, params: Record<string, number>) => {
      const key = JSON.stringify([attackByName(name).needsPrepare && name.startsWith('rs') ? 'rs' : name, params]);
      if (!preparedByKey.has(key)) preparedByKey.set(key, await preparedFor(name, policy, policyId, params));
      return preparedByKey.get(key);
    };
    for (const name of config.attacks) {
      const base = config.params[name] ?? {};
      const swept = (name === 'rs' || name === 'rs_mad') && config.rsSweep.length > 0;
      if (!swept) {
        emit(returnRow(name, await evaluate(policy, perturberFor(name, policy, await prepareShared(name, base), base), episodesPerEnv)));
        continue;
      }
      // SA-PPO's report: the lowest mean return over the sweep's Qs.
      let best: { row: Record<string, unknown>; mean: number } | null = null;
      for (const setting of config.rsSweep) {
        const params = { ...base, ...rsSettingParams(setting) };
        const row: Record<string, unknown> = { ...returnRow(name, await evaluate(policy, perturberFor(name, policy, await prepareShared(name, params), params), episodesPerEnv)), setting: rsSettingLabel(setting) };
        emit({ ...row, bench: 'attacks_sweep' });
        if (!best || (row.mean as number) < best.mean) best = { row, mean: row.mean as number };
      }
      emit({ ...best!.row, sweep_settings: config.rsSweep.length });
    }
  }
  if (config.repeats > 0) await throughput(policy);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
