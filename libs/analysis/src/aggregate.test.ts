import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { groupKey, groupPoints } from './aggregate';
import { stat } from './stats';
import { syntheticPoints } from './test-support/synthetic';

describe('stat', () => {
  it('gives mean, sample std and n; std is null for one value', () => {
    expect(stat([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: Math.sqrt(32 / 7), n: 8 });
    expect(stat([3])).toEqual({ mean: 3, std: null, n: 1 });
    expect(stat([])).toBeNull();
  });
});

describe('aggregation over seeds', () => {
  it('groups by (env, kappa, criterion) and sorts groups, sparsities and seeds', () => {
    const points = syntheticPoints({ envs: ['Walker2d-v4', 'Hopper-v4'], kappas: [0.5, 0], criteria: ['saliency', 'magnitude'], seeds: [3, 1], sparsities: [0.5, 0] });
    const a = analyse(points);
    expect(a.envs).toEqual(['Hopper-v4', 'Walker2d-v4']);
    expect(a.groups.map((g) => `${g.env}|${g.kappa}|${g.criterion}`)).toEqual([
      'Hopper-v4|0|magnitude', 'Hopper-v4|0|saliency', 'Hopper-v4|0.5|magnitude', 'Hopper-v4|0.5|saliency',
      'Walker2d-v4|0|magnitude', 'Walker2d-v4|0|saliency', 'Walker2d-v4|0.5|magnitude', 'Walker2d-v4|0.5|saliency',
    ]);
    for (const g of a.groups) {
      expect(g.conditions.map((c) => c.sparsity)).toEqual([0, 0.5]);
      expect(g.conditions[0]!.seeds).toEqual([1, 3]);
    }
  });

  it('aggregates clean returns, attacks and certificates of the seeds of a condition', () => {
    const points = syntheticPoints();
    const a = analyse(points);
    const c = a.groups[0]!.conditions.find((x) => x.sparsity === 0.5)!;
    const mine = points.filter((p) => p.sparsity === 0.5);
    expect(c.clean).toEqual(stat(mine.map((p) => p.clean.meanReturn)));
    const mad = c.robust.find((r) => r.target === 'mad@0.075')!;
    expect(mad.return).toEqual(stat(mine.map((p) => p.attacks.find((x) => x.attack === 'mad')!.result.meanReturn)));
    expect(c.certificates.map((x) => x.epsilon.mean)).toEqual([0.075, 0.15]);
    const at015 = c.certificates[1]!;
    expect(at015.lipschitzSurrogate).toEqual(stat(mine.map((p) => p.certify[1]!.lipschitzSurrogate)));
    expect(at015.perState.map((ps) => ps.method)).toEqual(['crown', 'ibp']);
    expect(at015.perState[0]!.meanTv).toEqual(stat(mine.map((p) => p.certify[1]!.perState.find((x) => x.method === 'crown')!.meanTv)));
    expect(at015.perState[0]!.meanCertifiedRadius).toEqual(stat(mine.map((p) => p.certify[1]!.perState.find((x) => x.method === 'crown')!.meanCertifiedRadius!)));
  });

  it('averages training curves over seeds at each logged step', () => {
    const points = syntheticPoints({ trainingPoints: 4 });
    const a = analyse(points);
    const curve = a.groups[0]!.training.find((t) => t.sparsity === 0.25)!;
    expect(curve.points.map((p) => p.envSteps)).toEqual([2048, 4096, 6144, 8192]);
    const mine = points.filter((p) => p.sparsity === 0.25);
    expect(curve.points[2]!.meanReturn).toEqual(stat(mine.map((p) => p.training[2]!.meanReturn)));
  });

  it('does not depend on the order of the input points', () => {
    const points = syntheticPoints({ kappas: [0, 0.3], criteria: ['magnitude', 'random'] });
    const reversed = [...points].reverse();
    const shuffled = points.map((p, i) => ({ p, k: (i * 7919) % points.length })).sort((x, y) => x.k - y.k).map((x) => x.p);
    const expected = JSON.stringify(analyse(points));
    expect(JSON.stringify(analyse(reversed))).toBe(expected);
    expect(JSON.stringify(analyse(shuffled))).toBe(expected);
  });

  it('produces plain JSON: the analysis survives a JSON round trip unchanged', () => {
    const a = analyse(syntheticPoints({ sparsities: [0, 0.5] }));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('keeps groups that differ only in their pruning arm apart, named by the arm, the default arm first', () => {
    // the same (env, kappa, criterion, sparsity, seed) and labels under three arms, as three folders would hold them
    const micro = syntheticPoints({ sparsities: [0, 0.5] });
    const oneShot = syntheticPoints({ sparsities: [0, 0.5], arm: { mode: 'one_shot', structured: false } }).map((p) => ({ ...p, clean: { ...p.clean, meanReturn: p.clean.meanReturn - 100 } }));
    const neuron = syntheticPoints({ sparsities: [0, 0.5], arm: { mode: 'during', structured: true } });
    const groups = groupPoints([...neuron, ...oneShot, ...micro]);
    expect(groups.map((g) => groupKey(g))).toEqual(['Hopper-v4 kappa=0 magnitude', 'Hopper-v4 kappa=0 magnitude one-shot', 'Hopper-v4 kappa=0 magnitude neuron']);
    for (const g of groups) expect(g.conditions.map((c) => c.points.length)).toEqual([3, 3]);
    expect(groups[1]!.conditions[1]!.points.every((p) => p.mode === 'one_shot')).toBe(true);
    const a = analyse([...oneShot, ...micro]);
    expect(a.groups.map((g) => [g.criterion, g.mode, g.structured])).toEqual([['magnitude', 'during', false], ['magnitude', 'one_shot', false]]);
    expect(a.groups[1]!.conditions[1]!.clean!.mean).toBe(a.groups[0]!.conditions[1]!.clean!.mean - 100);
    expect(groupKey({ env: 'HalfCheetah-v4', kappa: 0, criterion: 'magnitude', mode: 'post_hoc', structured: true })).toBe('HalfCheetah-v4 kappa=0 magnitude neuron post-hoc');
  });

  it('refuses a point without a known pruning arm, naming the field', () => {
    const [p] = syntheticPoints({ sparsities: [0], seeds: [1] });
    expect(() => analyse([{ ...p!, mode: 'micro' as never }])).toThrow(/points\[0\]\.mode/);
    expect(() => analyse([{ ...p!, structured: undefined as never }])).toThrow(/points\[0\]\.structured/);
  });
});
