// When to prune and how far: the cubic schedule of Zhu and Gupta (2017),
//   s_t = s_f + (s_i - s_f) * (1 - (t - t0) / (t1 - t0))^3   for t0 <= t <= t1,
// with no pruning during the burn-in before t0, s_f after t1, and the mask updated every `interval`
// steps in between ("micro-pruning"); or one-shot pruning to s_f at t0. Fields mirror the proto
// message rlprune.common.v1.PruningSchedule. A "step" is whatever unit the caller counts in, as long
// as `totalSteps` uses the same: gradient steps for micro-pruning, or PPO iterations to update the
// mask every N iterations (then `interval` = N).
import { InvalidArgumentError, show } from '@rlprune/errors';
import {
  requireBoolean,
  requireCriterion,
  requireOneOf,
  requireScope,
  requireSeed,
  requireSparsity,
  type Criterion,
  type Scope,
  type Seed,
} from './options';

export const SCHEDULE_KINDS = ['cubic', 'one_shot'] as const;
/** "cubic": gradual pruning during training; "one_shot": everything at once at the start step. */
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface PruningSchedule {
  /** Ranking of weights or units. */
  criterion: Criterion;
  /** Sparsity reached at the end fraction, in [0, 1); never below `initialSparsity`. */
  finalSparsity: number;
  /** "layer" (same fraction per layer) or "global". Default "layer". */
  scope?: Scope;
  /** Remove whole hidden units instead of single weights. Default false. */
  structured?: boolean;
  /** Gradual ("cubic") or all at once ("one_shot"). Default "cubic". */
  kind?: ScheduleKind;
  /** Sparsity at the start step, in [0, 1). Default 0. Unused by one-shot. */
  initialSparsity?: number;
  /** Fraction of training spent dense before pruning starts (burn-in), in [0, 1]. Default 0.25. */
  startFraction?: number;
  /** Fraction of training at which the final sparsity is reached, in (startFraction, 1]. Default 0.75. */
  endFraction?: number;
  /** Steps between two mask updates (micro-pruning). Default 15. */
  interval?: number;
  /** Also prune the critic. Default false. */
  pruneCritic?: boolean;
  /** Also prune biases. Default false. */
  pruneBiases?: boolean;
  /** Seed for the random criterion. Default 0. */
  seed?: Seed;
}

export type ResolvedPruningSchedule = Required<PruningSchedule>;

export const SCHEDULE_DEFAULTS = {
  scope: 'layer',
  structured: false,
  kind: 'cubic',
  initialSparsity: 0,
  startFraction: 0.25,
  endFraction: 0.75,
  interval: 15,
  pruneCritic: false,
  pruneBiases: false,
  seed: 0,
} as const satisfies Partial<PruningSchedule>;

export function resolveSchedule(schedule: PruningSchedule): ResolvedPruningSchedule {
  if (schedule === null || typeof schedule !== 'object') {
    throw new InvalidArgumentError('schedule', 'an object', show(schedule));
  }
  const d = SCHEDULE_DEFAULTS;
  const kind = requireOneOf(schedule.kind ?? d.kind, 'kind', SCHEDULE_KINDS);
  const initialSparsity = requireSparsity(schedule.initialSparsity ?? d.initialSparsity, 'initialSparsity');
  const finalSparsity = requireSparsity(schedule.finalSparsity, 'finalSparsity');
  if (kind === 'cubic' && finalSparsity < initialSparsity) {
    throw new InvalidArgumentError(
      'finalSparsity',
      `at least initialSparsity (${initialSparsity}) since masks only shrink`, show(finalSparsity),
    );
  }
  const startFraction = schedule.startFraction ?? d.startFraction;
  if (typeof startFraction !== 'number' || !(startFraction >= 0 && startFraction <= 1)) {
    throw new InvalidArgumentError('startFraction', 'a number in [0, 1]', show(startFraction));
  }
  const endFraction = schedule.endFraction ?? d.endFraction;
  if (typeof endFraction !== 'number' || !(endFraction > startFraction && endFraction <= 1)) {
    throw new InvalidArgumentError(
      'endFraction',
      `a number in (startFraction, 1] = (${startFraction}, 1]`, show(endFraction),
    );
  }
  const interval = schedule.interval ?? d.interval;
  if (!Number.isSafeInteger(interval) || interval < 1) {
    throw new InvalidArgumentError('interval', 'a positive integer', show(interval));
  }
  return {
    criterion: requireCriterion(schedule.criterion),
    scope: requireScope(schedule.scope ?? d.scope),
    structured: requireBoolean(schedule.structured ?? d.structured, 'structured'),
    kind,
    initialSparsity,
    finalSparsity,
    startFraction,
    endFraction,
    interval,
    pruneCritic: requireBoolean(schedule.pruneCritic ?? d.pruneCritic, 'pruneCritic'),
    pruneBiases: requireBoolean(schedule.pruneBiases ?? d.pruneBiases, 'pruneBiases'),
    seed: requireSeed(schedule.seed ?? d.seed),
  };
}

export function requireTotalSteps(totalSteps: unknown): number {
  if (typeof totalSteps !== 'number' || !Number.isSafeInteger(totalSteps) || totalSteps < 1) {
    throw new InvalidArgumentError('totalSteps', 'a positive integer', show(totalSteps));
  }
  return totalSteps;
}

export function requireStep(step: unknown): number {
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    throw new InvalidArgumentError('step', 'a non-negative integer', show(step));
  }
  return step;
}

/** The steps t0 (pruning starts) and t1 (final sparsity reached), rounded to whole steps. */
export function scheduleWindow(schedule: PruningSchedule, totalSteps: number): { start: number; end: number } {
  const s = resolveSchedule(schedule);
  const total = requireTotalSteps(totalSteps);
  return { start: Math.round(s.startFraction * total), end: Math.round(s.endFraction * total) };
}

/**
 * The cubic schedule's sparsity at `step` (whatever the schedule's kind): 0 during burn-in, the
 * Zhu-Gupta curve from initialSparsity at t0 to finalSparsity at t1, and finalSparsity after.
 */
export function cubicSparsity(step: number, schedule: PruningSchedule, totalSteps: number): number {
  const s = resolveSchedule(schedule);
  const t = requireStep(step);
  const { start, end } = scheduleWindow(s, totalSteps);
  if (t < start) return 0;
  if (t >= end) return s.finalSparsity;
  const remaining = 1 - (t - start) / (end - start);
  // The same formula rearranged so that t0 gives initialSparsity exactly, not to within rounding.
  return s.initialSparsity + (s.finalSparsity - s.initialSparsity) * (1 - remaining ** 3);
}

/** Target sparsity at `step` for the schedule's kind. */
export function targetSparsity(step: number, schedule: PruningSchedule, totalSteps: number): number {
  const s = resolveSchedule(schedule);
  if (s.kind === 'cubic') return cubicSparsity(step, s, totalSteps);
  const { start } = scheduleWindow(s, totalSteps);
  return requireStep(step) < start ? 0 : s.finalSparsity;
}

/**
 * Whether the mask is updated at `step`: cubic every `interval` steps from t0, and at t1 so the
 * final sparsity is reached exactly; one-shot at t0 only.
 */
export function isUpdateStep(step: number, schedule: PruningSchedule, totalSteps: number): boolean {
  const s = resolveSchedule(schedule);
  const t = requireStep(step);
  const { start, end } = scheduleWindow(s, totalSteps);
  if (s.kind === 'one_shot') return t === start;
  return t >= start && t <= end && ((t - start) % s.interval === 0 || t === end);
}

export interface SchedulePoint {
  step: number;
  sparsity: number;
}

/**
 * Target sparsity at `points` evenly spaced steps from 0 to totalSteps (every step when there are
 * fewer steps than points), in increasing step order.
 */
export function previewSchedule(schedule: PruningSchedule, totalSteps: number, points = 100): SchedulePoint[] {
  const s = resolveSchedule(schedule);
  const total = requireTotalSteps(totalSteps);
  if (!Number.isSafeInteger(points) || points < 2) {
    throw new InvalidArgumentError('points', 'an integer of at least 2', show(points));
  }
  const n = Math.min(points, total + 1);
  const out: SchedulePoint[] = [];
  for (let i = 0; i < n; i++) {
    // Spacing is at least one step, so rounded steps are distinct and increasing.
    const step = Math.round((i * total) / (n - 1));
    out.push({ step, sparsity: targetSparsity(step, s, total) });
  }
  return out;
}
