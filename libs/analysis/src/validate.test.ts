import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { InvalidArgumentError } from '@rlprune/errors';
import { syntheticPoints } from './test-support/synthetic';
import type { CertifyResult, GridPointResult } from './types';

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
    rejects(() => analyse(bad), 'points[0].sparsity', /expected a number in \[0, 1\), got 1/);
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

  it('rejects certificates out of epsilon order, a missing constant flag, a bad parameter path or mask update', () => {
    const p = good[0]!;
    const [a, b] = p.certify;
    rejects(() => analyse([{ ...p, certify: [b!, a!] }]), 'points[0].certify[1].epsilon', /greater than the previous certificate's epsilon 0.15.*got 0.075/);
    rejects(() => analyse([{ ...p, certify: [a!, a!] }]), 'points[0].certify[1].epsilon', /ascending, one per epsilon/);
    const noFlag = { ...a!, constant: undefined } as unknown as CertifyResult;
    rejects(() => analyse([{ ...p, certify: [noFlag] }]), 'points[0].certify[0].constant', /true or false, got nothing/);
    const q = good[1]!;
    rejects(() => analyse([p, { ...q, parameterPath: { ...q.parameterPath!, sigmaMin: 0 } }]), 'points[1].parameterPath.sigmaMin', /positive action standard deviation, got 0/);
    rejects(() => analyse([p, { ...q, parameterPath: { ...q.parameterPath!, deltaNorm: -1 } }]), 'points[1].parameterPath.deltaNorm', />= 0, got -1/);
    const badUpdate = { ...q.maskUpdates[0]!, after: Number.NaN };
    rejects(() => analyse([p, { ...q, maskUpdates: [badUpdate] }]), 'points[1].maskUpdates[0].after', /finite number, got NaN/);
  });

  it('rejects an unknown normalisation or a horizon that is not a whole number of steps', () => {
    rejects(() => analyse(good, { normalise: 'dense' as 'own_dense' }), 'options.normalise', /one of own_dense, dense_clean, got "dense"/);
    rejects(() => analyse(good, { horizon: 0 }), 'options.horizon', /positive whole number of steps, got 0/);
    rejects(() => analyse(good, { horizon: 2.5 }), 'options.horizon', /got 2.5/);
  });

  it('fills defaults for options left out', () => {
    expect(analyse(good).options).toEqual({ jStar: null, keepFraction: 0.95, correlationAttack: 'mad', normalise: 'own_dense', horizon: 1000 });
  });
});
