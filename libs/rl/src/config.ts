// Every hyper-parameter of PPO, the SA-PPO regulariser and pruning during training: one typed,
// commented field each, with its default. Defaults are CleanRL's continuous-action PPO (see
// ../shared/reference/ANCHORS.md). resolvePpoConfig fills the defaults in and checks every field,
// so bad input fails before any env step with an error naming the field.
//
// The optimiser follows the method, unless set: a run with the SA regulariser on (sa given with
// kappa > 0) takes SA-PPO's own optimiser settings (huanzhang12/SA_PPO
// src/config_hopper_robust_ppo_sgld.json and agent.py: a policy Adam and a value Adam of their own,
// value lr 2.5e-4, both annealed linearly, `clip_grad_norm: -1`, i.e. no gradient clip); any other
// run is CleanRL's PPO (one Adam over actor, critic and log-std, global clip 0.5). Setting
// `valueLearningRate` or `maxGradNorm` (null included) overrides the rule either way, so
// `{ sa: { kappa: 0.3 }, valueLearningRate: null, maxGradNorm: 0.5 }` is SA-PPO with CleanRL's
// optimiser and `{ valueLearningRate: 2.5e-4, maxGradNorm: null }` is PPO with SA-PPO's.
import type { Activation } from '@rlprune/nn';
import { getEnvSpec } from '@rlprune/envs';
import { resolveSchedule, type PruningSchedule, type ResolvedPruningSchedule } from '@rlprune/pruning';
import { deriveSeed } from '@rlprune/random';
import { InvalidArgumentError, show } from '@rlprune/errors';

/** How the inner maximisation of the SA-PPO regulariser is estimated. */
export type SaMethod = 'sgld' | 'convex';
export const SA_METHODS: readonly SaMethod[] = ['sgld', 'convex'];

/**
 * Bounds behind the convex estimate: "crown-ibp" bounds the hidden layers by IBP and the output by
 * one CROWN backward pass over them (SA-PPO's convex_relaxation.py through auto_LiRPA: an IBP pass,
 * then compute_bounds(method='backward') reusing its intermediate bounds); "crown" runs the backward
 * pass for every layer too (tighter, about L times the cost for L layers).
 */
export type ConvexBounds = 'crown-ibp' | 'crown';
export const CONVEX_BOUNDS: readonly ConvexBounds[] = ['crown-ibp', 'crown'];

export interface SaConfig {
  /** Weight of the regulariser R in the loss (SA-PPO's kappa); 0 turns it off. */
  kappa: number;
  /** Target L-inf radius of the ball around each normalised observation. Default: the env's attack budget (Hopper 0.075). */
  epsilon?: number;
  /** Fraction of training over which epsilon ramps linearly from 0 to its target. Default 0.75. */
  rampFraction?: number;
  /** Estimate of the max over the ball: "sgld" (attack) or "convex" (IBP/CROWN bounds). Default "sgld". */
  method?: SaMethod;
  /** SGLD: number of signed-gradient ascent steps, each of size epsilon / steps. Default 10. */
  sgldSteps?: number;
  /** SGLD: inverse temperature of the Langevin noise, std sqrt(2 * stepSize * beta) / (i + 2). Default 1e-5. */
  sgldBeta?: number;
  /**
   * Hold sigma constant in R, so the regulariser's gradient reaches the actor's weights only and
   * never pushes sigma up (SA-PPO's `robust_ppo_detach_stdev`). Default false, as SA-PPO's configs.
   */
  detachStdev?: boolean;
  /** Convex estimate only: which bounds it mixes with pure IBP (see ConvexBounds). Default "crown-ibp". */
  convexBounds?: ConvexBounds;
}

export type ResolvedSaConfig = Required<SaConfig>;

export interface PpoConfig {
  /** Gymnasium id of the env the policy is trained on, e.g. "Hopper-v4" (metadata and the SA default epsilon). */
  envId: string;
  /** Run seed; every random stream (init, actions, minibatches, SGLD, envs) derives from it. Default 1. */
  seed?: number;
  /** Env steps of training, over all envs; rounded down to whole iterations. Default 1,000,000. */
  totalTimesteps?: number;
  /** Parallel envs; one iteration collects numSteps x numEnvs transitions. Default 1 (CleanRL). */
  numEnvs?: number;
  /** Rollout length per env per iteration. Default 2048. */
  numSteps?: number;
  /** Adam learning rate (before annealing): of the one joint optimiser, or of the policy's. Default 3e-4. */
  learningRate?: number;
  /**
   * Learning rate (before annealing, annealed alike) of a value optimiser of its own, a second Adam
   * over the critic only, with the policy's Adam over actor and log-std; null keeps one joint Adam
   * over all three (CleanRL). Default: 2.5e-4 (SA-PPO's Hopper `val_lr`) when the SA regulariser is
   * on, else null (see the header).
   */
  valueLearningRate?: number | null;
  /** Anneal the learning rate linearly to 0 over the iterations. Default true. */
  annealLr?: boolean;
  /** Adam epsilon (CleanRL's 1e-5, not PyTorch's 1e-8). Default 1e-5. */
  adamEps?: number;
  /** Discount factor. Default 0.99. */
  gamma?: number;
  /** GAE lambda. Default 0.95. */
  gaeLambda?: number;
  /** Passes over each rollout. Default 10. */
  updateEpochs?: number;
  /** Minibatches per pass; must divide numSteps x numEnvs. Default 32. */
  numMinibatches?: number;
  /** Normalise advantages per minibatch (mean 0, std 1). Default true. */
  normAdv?: boolean;
  /** Clipping range of the probability ratio. Default 0.2. */
  clipCoef?: number;
  /** Clip the value loss around the rollout's values with clipCoef, as CleanRL does. Default true. */
  clipVloss?: boolean;
  /** Weight of the value loss. Default 0.5. */
  vfCoef?: number;
  /** Weight of the entropy bonus. Default 0. */
  entCoef?: number;
  /**
   * Gradient-norm clip, over all gradients with one joint optimiser, per optimiser with two (the
   * policy's over actor and log-std, the value's over the critic); null never clips. Default: null
   * (SA-PPO's `clip_grad_norm: -1`) when the SA regulariser is on, else 0.5 (CleanRL).
   */
  maxGradNorm?: number | null;
  /** Stop an iteration's epochs early once the approximate KL exceeds this; null never stops. Default null. */
  targetKl?: number | null;
  /** Hidden widths of actor and critic. Default [64, 64]. */
  hidden?: number[];
  /** Hidden nonlinearity. Default "tanh". */
  activation?: Activation;
  /** Initial log-std of every action coordinate. Default 0. */
  logStdInit?: number;
  /** Normalised observations are clipped to [-obsClip, obsClip]. Default 10. */
  obsClip?: number;
  /** Scaled rewards are clipped to [-rewardClip, rewardClip]. Default 10. */
  rewardClip?: number;
  /** SA-PPO regulariser; null trains plain PPO. Default null. */
  sa?: SaConfig | null;
  /**
   * Pruning during training (micro-pruning): steps are gradient steps, so `interval` is gradient steps
   * between mask updates and the fractions are of all gradient steps. Null trains dense. Default null.
   */
  pruning?: PruningSchedule | null;
  /** Emit a checkpoint every this many iterations; 0 never. Default 0. */
  checkpointEvery?: number;
  /** Kernels of the MLP engine; default: the process default (native when built). */
  engine?: 'native' | 'js';
}

export interface ResolvedPpoConfig {
  envId: string;
  seed: number;
  totalTimesteps: number;
  numEnvs: number;
  numSteps: number;
  learningRate: number;
  valueLearningRate: number | null;
  annealLr: boolean;
  adamEps: number;
  gamma: number;
  gaeLambda: number;
  updateEpochs: number;
  numMinibatches: number;
  normAdv: boolean;
  clipCoef: number;
  clipVloss: boolean;
  vfCoef: number;
  entCoef: number;
  maxGradNorm: number | null;
  targetKl: number | null;
  hidden: number[];
  activation: Activation;
  logStdInit: number;
  obsClip: number;
  rewardClip: number;
  sa: ResolvedSaConfig | null;
  pruning: ResolvedPruningSchedule | null;
  checkpointEvery: number;
  engine: 'native' | 'js' | null;
}

export const PPO_DEFAULTS = {
  seed: 1,
  totalTimesteps: 1_000_000,
  numEnvs: 1,
  numSteps: 2048,
  learningRate: 3e-4,
  annealLr: true,
  adamEps: 1e-5,
  gamma: 0.99,
  gaeLambda: 0.95,
  updateEpochs: 10,
  numMinibatches: 32,
  normAdv: true,
  clipCoef: 0.2,
  clipVloss: true,
  vfCoef: 0.5,
  entCoef: 0,
  valueLearningRate: null,
  maxGradNorm: 0.5,
  targetKl: null,
  hidden: [64, 64],
  activation: 'tanh',
  logStdInit: 0,
  obsClip: 10,
  rewardClip: 10,
  sa: null,
  pruning: null,
  checkpointEvery: 0,
} as const;

export const SA_DEFAULTS = { rampFraction: 0.75, method: 'sgld', sgldSteps: 10, sgldBeta: 1e-5, detachStdev: false, convexBounds: 'crown-ibp' } as const;

/** SA-PPO's optimiser (its Hopper configs), the default of a run with the SA regulariser on. */
export const SA_PPO_OPTIMISER = { valueLearningRate: 2.5e-4, maxGradNorm: null } as const;

/** Batch size, minibatch size and iteration count that a resolved config implies. */
export function ppoSizes(config: ResolvedPpoConfig): { batchSize: number; minibatchSize: number; iterations: number; gradientSteps: number } {
  const batchSize = config.numSteps * config.numEnvs;
  const iterations = Math.floor(config.totalTimesteps / batchSize);
  return {
    batchSize,
    minibatchSize: batchSize / config.numMinibatches,
    iterations,
    gradientSteps: iterations * config.updateEpochs * config.numMinibatches,
  };
}

export function resolvePpoConfig(input: PpoConfig): ResolvedPpoConfig {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('config', 'an object', show(input));
  const d = PPO_DEFAULTS;
  if (typeof input.envId !== 'string' || input.envId.length === 0) throw new InvalidArgumentError('envId', 'an env id such as "Hopper-v4"', show(input.envId));
  const saOn = input.sa !== undefined && input.sa !== null && typeof input.sa === 'object' && input.sa.kappa !== 0;
  const optimiser = saOn ? SA_PPO_OPTIMISER : d;
  const c: Omit<ResolvedPpoConfig, 'sa' | 'pruning'> = {
    envId: input.envId,
    seed: int('seed', input.seed ?? d.seed, -(2 ** 53), 2 ** 53),
    totalTimesteps: int('totalTimesteps', input.totalTimesteps ?? d.totalTimesteps, 1),
    numEnvs: int('numEnvs', input.numEnvs ?? d.numEnvs, 1),
    numSteps: int('numSteps', input.numSteps ?? d.numSteps, 1),
    learningRate: positive('learningRate', input.learningRate ?? d.learningRate),
    valueLearningRate: nullable('valueLearningRate', input.valueLearningRate, optimiser.valueLearningRate, positive),
    annealLr: bool('annealLr', input.annealLr ?? d.annealLr),
    adamEps: positive('adamEps', input.adamEps ?? d.adamEps),
    gamma: inRange('gamma', input.gamma ?? d.gamma, 0, 1),
    gaeLambda: inRange('gaeLambda', input.gaeLambda ?? d.gaeLambda, 0, 1),
    updateEpochs: int('updateEpochs', input.updateEpochs ?? d.updateEpochs, 1),
    numMinibatches: int('numMinibatches', input.numMinibatches ?? d.numMinibatches, 1),
    normAdv: bool('normAdv', input.normAdv ?? d.normAdv),
    clipCoef: positive('clipCoef', input.clipCoef ?? d.clipCoef),
    clipVloss: bool('clipVloss', input.clipVloss ?? d.clipVloss),
    vfCoef: nonNegative('vfCoef', input.vfCoef ?? d.vfCoef),
    entCoef: nonNegative('entCoef', input.entCoef ?? d.entCoef),
    maxGradNorm: nullable('maxGradNorm', input.maxGradNorm, optimiser.maxGradNorm, positive),
    targetKl: input.targetKl === undefined || input.targetKl === null ? null : positive('targetKl', input.targetKl),
    hidden: hiddenWidths(input.hidden ?? [...d.hidden]),
    activation: activation(input.activation ?? d.activation),
    logStdInit: finite('logStdInit', input.logStdInit ?? d.logStdInit),
    obsClip: positive('obsClip', input.obsClip ?? d.obsClip),
    rewardClip: positive('rewardClip', input.rewardClip ?? d.rewardClip),
    checkpointEvery: int('checkpointEvery', input.checkpointEvery ?? d.checkpointEvery, 0),
    engine: input.engine === undefined ? null : oneOf('engine', input.engine, ['native', 'js'] as const),
  };
  const batchSize = c.numSteps * c.numEnvs;
  if (batchSize % c.numMinibatches !== 0) {
    throw new InvalidArgumentError('numMinibatches', `a divisor of the batch numSteps x numEnvs = ${c.numSteps} x ${c.numEnvs} = ${batchSize}`, show(c.numMinibatches));
  }
  if (c.totalTimesteps < batchSize) {
    throw new InvalidArgumentError('totalTimesteps', `at least one iteration's batch numSteps x numEnvs = ${batchSize}`, show(c.totalTimesteps));
  }
  return { ...c, sa: resolveSa(input.sa ?? null, c.envId), pruning: resolvePruning(input.pruning ?? null, c.seed) };
}

function resolveSa(sa: SaConfig | null, envId: string): ResolvedSaConfig | null {
  if (sa === null) return null;
  if (typeof sa !== 'object') throw new InvalidArgumentError('sa', 'an object or null', show(sa));
  const d = SA_DEFAULTS;
  const method = oneOf('sa.method', sa.method ?? d.method, SA_METHODS);
  let epsilon = sa.epsilon;
  if (epsilon === undefined) {
    try {
      epsilon = getEnvSpec(envId).defaultAttackEpsilon;
    } catch {
      throw new InvalidArgumentError('sa.epsilon', `a number >= 0 (no default for the unknown env ${JSON.stringify(envId)})`, show(undefined));
    }
  }
  return {
    kappa: nonNegative('sa.kappa', sa.kappa),
    epsilon: nonNegative('sa.epsilon', epsilon),
    rampFraction: inRange('sa.rampFraction', sa.rampFraction ?? d.rampFraction, 0, 1),
    method,
    sgldSteps: int('sa.sgldSteps', sa.sgldSteps ?? d.sgldSteps, 1),
    sgldBeta: nonNegative('sa.sgldBeta', sa.sgldBeta ?? d.sgldBeta),
    detachStdev: bool('sa.detachStdev', sa.detachStdev ?? d.detachStdev),
    convexBounds: oneOf('sa.convexBounds', sa.convexBounds ?? d.convexBounds, CONVEX_BOUNDS),
  };
}

function resolvePruning(p: PruningSchedule | null, runSeed: number): ResolvedPruningSchedule | null {
  if (p === null) return null;
  if (typeof p !== 'object') throw new InvalidArgumentError('pruning', 'an object or null', show(p));
  // Checked here too so the message speaks of the burn-in, which is what a user sets.
  const start = p.startFraction ?? 0.25;
  const end = p.endFraction ?? 0.75;
  if (typeof start === 'number' && typeof end === 'number' && start >= end) {
    throw new InvalidArgumentError('pruning.startFraction', `a burn-in fraction before the pruning end (pruning.endFraction = ${end})`, show(start));
  }
  try {
    // The random criterion draws from the run seed unless the schedule names its own.
    // A bigint seed is kept as its decimal string so the config stays JSON (checkpoints carry it).
    const seed = typeof p.seed === 'bigint' ? p.seed.toString() : p.seed ?? deriveSeed(runSeed, 'pruning');
    return resolveSchedule({ ...p, seed });
  } catch (err) {
    // libs/pruning names the field without our prefix; re-raise as this library's error.
    if (err instanceof InvalidArgumentError && err.field) {
      const field = `pruning.${err.field}`;
      throw err.expected !== undefined ? new InvalidArgumentError(field, err.expected, err.actual!) : new InvalidArgumentError(field, err.message.replace(`${err.field}: `, ''));
    }
    throw err;
  }
}

function int(field: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new InvalidArgumentError(field, min === 0 ? 'an integer >= 0' : min === 1 ? 'a positive integer' : 'an integer', show(v));
  }
  return v;
}

/** undefined takes the default; null is a value of its own ("none"); anything else is checked. */
function nullable(field: string, v: unknown, fallback: number | null, check: (field: string, v: unknown) => number): number | null {
  if (v === undefined) return fallback;
  if (v === null) return null;
  return check(field, v);
}

function finite(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(field, 'a finite number', show(v));
  return v;
}

function positive(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(field, 'a number > 0', show(v));
  return v;
}

function nonNegative(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidArgumentError(field, 'a number >= 0', show(v));
  return v;
}

function inRange(field: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !(v >= lo && v <= hi)) throw new InvalidArgumentError(field, `a number in [${lo}, ${hi}]`, show(v));
  return v;
}

function bool(field: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new InvalidArgumentError(field, 'true or false', show(v));
  return v;
}

function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw new InvalidArgumentError(field, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, show(v));
  return v as T;
}

function activation(v: unknown): Activation {
  return oneOf('activation', v, ['tanh', 'relu'] as const);
}

function hiddenWidths(v: unknown): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new InvalidArgumentError('hidden', 'a non-empty array of widths', show(v));
  return v.map((w, i) => int(`hidden[${i}]`, w, 1));
}
