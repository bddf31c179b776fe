import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { InvalidArgumentError } from './errors';
import { syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

function rejects(run: () => unknown, field: string, message: RegExp): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).field).toBe(field);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected an InvalidArgumentError on ${field}`);
}

describe('input validation', () => {
  const good = syntheticPoints({ sparsities: [0, 0.5], seeds: [1] });

  it('rejects an empty grid', () => {
    rejects(() => analyse([]), 'points', /non-empty array.*got an array of length 0/);
  });

  it('rejects a sparsity outside [0, 1) naming the point and both values', () => {
    const bad: GridPointResult[] = [{ ...good[0]!, sparsity: 1 }];
    rejects(() => analyse(bad), 'points[0].sparsity', /must be in \[0, 1\), got 1/);
  });

  it('rejects non-finite returns', () => {
    const bad = [good[0]!, { ...good[1]!, clean: { ...good[1]!.clean, meanReturn: Number.NaN } }];
    rejects(() => analyse(bad), 'points[1].clean.meanReturn', /finite number, got NaN/);
  });

  it('rejects a grid point given twice', () => {
    rejects(() => analyse([good[0]!, good[1]!, { ...good[0]!, label: 'again' }]), 'points[2]', /points\[0\].*got "again"/);
  });

  it('rejects the same attack and budget twice in one point', () => {
    const p = good[0]!;
    rejects(() => analyse([{ ...p, attacks: [p.attacks[0]!, p.attacks[0]!] }]), 'points[0].attacks[1]', /unique/);
  });

  it('rejects bad options', () => {
    rejects(() => analyse(good, { keepFraction: 0 }), 'options.keepFraction', /\(0, 1\], got 0/);
    rejects(() => analyse(good, { jStar: Number.POSITIVE_INFINITY }), 'options.jStar', /finite number, got Infinity/);
    rejects(() => analyse(good, { correlationAttack: '' }), 'options.correlationAttack', /non-empty string/);
  });

  it('fills defaults for options left out', () => {
    expect(analyse(good).options).toEqual({ jStar: null, keepFraction: 0.95, correlationAttack: 'mad', normalise: 'own_dense', horizon: 1000 });
  });
});
