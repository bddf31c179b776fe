// The cubic schedule against its formula at every step, its monotonicity, its update steps, the
// preview, and the refusals of bad schedules.
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@rlprune/errors';
import {
  cubicSparsity,
  isUpdateStep,
  previewSchedule,
  resolveSchedule,
  targetSparsity,
  type PruningSchedule,
  type ScheduleKind,
} from './schedule';

/** Zhu and Gupta (2017), written out independently of the implementation. */
function zhuGupta(t: number, si: number, sf: number, t0: number, t1: number): number {
  if (t < t0) return 0;
  if (t >= t1) return sf;
  return sf + (si - sf) * (1 - (t - t0) / (t1 - t0)) ** 3;
}

function randomSchedules(count: number): Array<{ schedule: PruningSchedule; total: number }> {
  const rng = new Rng(42);
  return Array.from({ length: count }, () => {
    const initialSparsity = 0.5 * rng.uniform();
    const startFraction = 0.5 * rng.uniform();
    return {
      schedule: {
        criterion: 'magnitude',
        initialSparsity,
        finalSparsity: initialSparsity + (0.99 - initialSparsity) * rng.uniform(),
        startFraction,
        endFraction: startFraction + (1 - startFraction) * (0.05 + 0.95 * rng.uniform()),
        interval: 1 + rng.int(40),
      },
      total: 50 + rng.int(3000),
    };
  });
}

describe('cubic schedule', () => {
  it('uses the paper\'s defaults: 25% burn-in, final sparsity at 75%, an update every 15 steps', () => {
    const s = resolveSchedule({ criterion: 'magnitude', finalSparsity: 0.9 });
    expect([s.kind, s.scope, s.structured, s.initialSparsity, s.startFraction, s.endFraction, s.interval]).toEqual([
      'cubic',
      'layer',
      false,
      0,
      0.25,
      0.75,
      15,
    ]);
    expect([s.pruneCritic, s.pruneBiases]).toEqual([false, false]);
    expect(cubicSparsity(249, s, 1000)).toBe(0);
    expect(cubicSparsity(250, s, 1000)).toBe(0);
    expect(cubicSparsity(500, s, 1000)).toBeCloseTo(0.9 * (1 - 0.125), 12);
    expect(cubicSparsity(750, s, 1000)).toBe(0.9);
  });

  it('matches the formula at every step and never decreases', () => {
    for (const { schedule, total } of randomSchedules(60)) {
      const s = resolveSchedule(schedule);
      const t0 = Math.round(s.startFraction * total);
      const t1 = Math.round(s.endFraction * total);
      let previous = 0;
      for (let t = 0; t <= total + 5; t++) {
        const got = cubicSparsity(t, s, total);
        expect(got).toBeCloseTo(zhuGupta(t, s.initialSparsity, s.finalSparsity, t0, t1), 12);
        expect(got).toBeGreaterThanOrEqual(previous);
        previous = got;
      }
      expect(cubicSparsity(t0, s, total)).toBe(t1 > t0 ? s.initialSparsity : s.finalSparsity);
      expect(cubicSparsity(t1, s, total)).toBe(s.finalSparsity);
    }
  });

  it('updates the mask every interval steps from the end of burn-in, and at the end step', () => {
    for (const { schedule, total } of randomSchedules(30)) {
      const s = resolveSchedule(schedule);
      const t0 = Math.round(s.startFraction * total);
      const t1 = Math.round(s.endFraction * total);
      const updates: number[] = [];
      for (let t = 0; t <= total; t++) if (isUpdateStep(t, s, total)) updates.push(t);
      const expected: number[] = [];
      for (let t = t0; t <= t1; t += s.interval) expected.push(t);
      if (expected[expected.length - 1] !== t1) expected.push(t1);
      expect(updates).toEqual(expected);
    }
  });

  it('one-shot prunes to the final sparsity once, at the end of burn-in', () => {
    const s: PruningSchedule = { criterion: 'random', kind: 'one_shot', finalSparsity: 0.5 };
    const updates = [...Array(1001).keys()].filter((t) => isUpdateStep(t, s, 1000));
    expect(updates).toEqual([250]);
    expect(targetSparsity(249, s, 1000)).toBe(0);
    expect(targetSparsity(250, s, 1000)).toBe(0.5);
    expect(targetSparsity(1000, s, 1000)).toBe(0.5);
  });
});

describe('previewSchedule', () => {
  it('returns evenly spaced increasing steps from 0 to the end with the schedule\'s targets', () => {
    const schedule: PruningSchedule = { criterion: 'magnitude', finalSparsity: 0.8, initialSparsity: 0.1 };
    const points = previewSchedule(schedule, 10_000, 101);
    expect(points).toHaveLength(101);
    expect(points[0]).toEqual({ step: 0, sparsity: 0 });
    expect(points[100]).toEqual({ step: 10_000, sparsity: 0.8 });
    points.forEach((p, i) => {
      expect(p.step).toBe(i * 100);
      expect(p.sparsity).toBe(targetSparsity(p.step, schedule, 10_000));
    });
    expect(previewSchedule(schedule, 10_000)).toHaveLength(100);
  });

  it('returns every step when there are fewer steps than points', () => {
    const points = previewSchedule({ criterion: 'magnitude', finalSparsity: 0.5 }, 7, 100);
    expect(points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('bad schedules', () => {
  const base: PruningSchedule = { criterion: 'magnitude', finalSparsity: 0.5 };
  const cases: Array<[string, () => unknown, string]> = [
    ['finalSparsity', () => resolveSchedule({ ...base, finalSparsity: 1 }), '[0, 1)'],
    ['initialSparsity', () => resolveSchedule({ ...base, initialSparsity: -0.1 }), '-0.1'],
    ['finalSparsity', () => resolveSchedule({ ...base, initialSparsity: 0.6 }), 'at least initialSparsity (0.6)'],
    ['endFraction', () => resolveSchedule({ ...base, startFraction: 0.8, endFraction: 0.5 }), '(0.8, 1]'],
    ['startFraction', () => resolveSchedule({ ...base, startFraction: 1.5 }), '[0, 1]'],
    ['interval', () => resolveSchedule({ ...base, interval: 0 }), 'positive integer'],
    ['kind', () => resolveSchedule({ ...base, kind: 'linear' as ScheduleKind }), '"linear"'],
    ['criterion', () => resolveSchedule({ ...base, criterion: 'taylor' as 'random' }), '"taylor"'],
    ['totalSteps', () => cubicSparsity(0, base, 0), 'got 0'],
    ['step', () => cubicSparsity(-1, base, 100), 'got -1'],
    ['points', () => previewSchedule(base, 100, 1), 'got 1'],
  ];
  it.each(cases)('rejects a bad %s', (field, call, mention) => {
    let err: unknown;
    try {
      call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).field).toBe(field);
    expect((err as Error).message).toContain(mention);
  });
});
