import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { locationCsv } from './export-location';
import { stat } from './stats';
import { GROUPS_DIFFER, SEED_NOISE_DOMINATES, SEED_NOISE_UNMEASURED } from './location-variance';
import { leastSquaresSlope, sweetSpotLocation, type EnvFacts } from './sweet-spot-location';
import { evalOf, MAD_SWEET_SPOT_SPARSITY, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

// The registry's facts of the envs used here (the CLI passes @rlprune/envs' registry itself).
const FACTS: Record<string, EnvFacts> = {
  'Hopper-v4': { observationDim: 11, defaultEpsilon: 0.075 },
  'Walker2d-v4': { observationDim: 17, defaultEpsilon: 0.05 },
};
const facts = (env: string): EnvFacts | null => FACTS[env] ?? null;

/** The synthetic grid with its dense MAD return near zero in one env: own-dense scores are undefined there. */
function withNearZeroDenseMad(points: GridPointResult[], env: string): GridPointResult[] {
  return points.map((p) =>
    p.env === env && p.sparsity === 0 ? { ...p, attacks: p.attacks.map((a) => (a.attack === 'mad' ? { ...a, result: evalOf(10) } : a)) } : p,
  );
}

/** Clean returns at sparsity 0.25 cut to 90% in the groups of these kappas: they keep 95% only densely. */
function withEarlyCleanDrop(points: GridPointResult[], kappas: readonly number[]): GridPointResult[] {
  return points.map((p) => (kappas.includes(p.kappa) && p.sparsity === 0.25 ? { ...p, clean: evalOf(p.clean.meanReturn * 0.9) } : p));
}

const SPARSITIES = [0, 0.2, 0.4, 0.6, 0.8];

/**
 * One group per kappa of env 'E' (not in the registry), attacked by MAD at 0.1; each seed keeps its
 * whole clean return at every sparsity (clean slope of seed i: (i - 1) * 0.01) and its MAD return
 * rises from 500 to 900 at one sparsity only, so its own sweet spot is there: spots[kappa][i] is seed
 * i+1's. null: the seed has no dense run and keeps half the dense seed mean's clean return, so no
 * sparsity qualifies and it has no sweet spot of its own.
 */
function seedSpotPoints(spots: Record<number, ReadonlyArray<number | null>>): GridPointResult[] {
  return Object.entries(spots).flatMap(([kappa, bySeed]) =>
    bySeed.flatMap((spot, i) =>
      SPARSITIES.filter((s) => spot !== null || s > 0).map((sparsity) => ({
        label: `E/k=${kappa}/seed=${i + 1}/s=${sparsity}`,
        env: 'E',
        seed: i + 1,
        kappa: Number(kappa),
        criterion: 'magnitude',
        mode: 'during' as const,
        structured: false,
        sparsity,
        clean: evalOf(spot === null ? 500 : 1000 * (1 + i * 0.01 * sparsity)),
        attacks: [{ attack: 'mad', epsilon: 0.1, result: evalOf(sparsity === spot ? 900 : 500) }],
        certify: [],
        parameterPath: null,
        training: [],
        maskUpdates: [],
      })),
    ),
  );
}

const locate = (spots: Record<number, ReadonlyArray<number | null>>) => sweetSpotLocation([{ source: 's', analysis: analyse(seedSpotPoints(spots)) }], facts, { minGroups: 3 });

describe('leastSquaresSlope', () => {
  it('is the OLS slope, and null when x does not vary', () => {
    expect(leastSquaresSlope([0, 1, 2], [1, 3, 5])).toBeCloseTo(2, 12);
    expect(leastSquaresSlope([0, 1, 2, 3], [0, 1, 1, 2])).toBeCloseTo(0.6, 12);
    expect(leastSquaresSlope([0.5, 0.5], [1, 2])).toBeNull();
  });
});

describe('sweetSpotLocation', () => {
  const points = withNearZeroDenseMad(syntheticPoints({ envs: ['Hopper-v4', 'Walker2d-v4'] }), 'Walker2d-v4');
  const location = sweetSpotLocation([{ source: 'results/synthetic', analysis: analyse(points) }], facts);
  const row = (env: string, target: string) => location.rows.find((r) => r.env === env && r.target === target)!;

  it('gives the sweet spot beside the clean-return knee, the slope and the dense certificates', () => {
    const mad = row('Hopper-v4', 'mad@0.075');
    expect(mad.sweetSpot).toBe(MAD_SWEET_SPOT_SPARSITY);
    expect(mad.sweetSpotReason).toBeNull();
    // retention f(s) = 1 + 0.1 s - 0.5 s^2: 0.994 at 0.25, 0.925 at 0.5 (< 0.95)
    expect(mad.cleanKnee).toBe(0.25);
    expect(mad.family).toBe('mad@1x');
    expect(mad.epsilon).toBe(0.075);
    expect(mad.observationDim).toBe(11);
    expect(mad.seeds).toEqual([1, 2, 3]);
    // dense synthetic certificates at 0.075: surrogate 50 + 0.1 seed, CROWN mean TV 0.3 + 0.001 seed, radius 0.02
    expect(mad.denseSurrogate!.mean).toBeCloseTo(50.2, 12);
    expect(mad.denseCrownMeanTv!.mean).toBeCloseTo(0.302, 12);
    expect(mad.denseCrownLabel).toBe('ok');
    expect(mad.denseCrownRadius!.mean).toBeCloseTo(0.02, 12);
    // The worst case reads the largest attacked epsilon.
    expect(row('Hopper-v4', 'worst').epsilon).toBe(0.075);
    expect(row('Walker2d-v4', 'mad@0.075').family).toBe('mad@1.5x');
  });

  it('fits the clean-return slope per seed over the sparsities <= 0.5, as by hand', () => {
    // Seed clean = 3000 f(s) + 10 o (o = 0, 2, -1 for seeds 1, 2, 3), normalised by its own dense run.
    // On x = 0, 0.25, 0.5 the OLS slope is 2 (y(0.5) - y(0)) = 2 * 3000 (f(0.5) - 1) / (3000 + 10 o) = -450 / (3000 + 10 o).
    const bySeed = [0, 2, -1].map((o) => -450 / (3000 + 10 * o));
    const expected = stat(bySeed)!;
    const slope = row('Hopper-v4', 'mad@0.075').cleanSlope!;
    expect(slope.n).toBe(3);
    expect(slope.mean).toBeCloseTo(expected.mean, 12);
    expect(slope.std!).toBeCloseTo(expected.std!, 12);
    // The fit stops at 0.5: over 0..0.25 only the slope is 4 (y(0.25) - y(0)) = 4 * 3000 (f(0.25) - 1) / (3000 + 10 o).
    const narrow = sweetSpotLocation([{ source: 's', analysis: analyse(points) }], facts, { slopeMaxSparsity: 0.3 });
    const narrowSlope = narrow.rows.find((r) => r.env === 'Hopper-v4')!.cleanSlope!;
    expect(narrowSlope.mean).toBeCloseTo(stat([0, 2, -1].map((o) => (4 * 3000 * (0.025 - 0.03125)) / (3000 + 10 * o)))!.mean, 12);
  });

  it('leaves a group with an undefined score without a sweet spot, with the reason, and out of the correlations', () => {
    const broken = row('Walker2d-v4', 'mad@0.075');
    expect(broken.sweetSpot).toBeNull();
    expect(broken.sweetSpotReason).toMatch(/own-dense scores are undefined/);
    // its other properties are still measured
    expect(broken.cleanKnee).toBe(0.25);
    expect(broken.observationDim).toBe(17);
    const c = location.correlations.find((x) => x.scope === 'mad@1.5x' && x.property === 'cleanKnee')!;
    expect(c.n).toBe(0);
    expect(c.rho).toBeNull();
  });

  it("counts Spearman's n in rows with a sweet spot and flags fewer than 5 groups", () => {
    const all = location.correlations.find((x) => x.scope === 'all' && x.property === 'observationDim')!;
    // Hopper's 3 targets and Walker2d's random have a sweet spot (its worst case is MAD's near-zero return): 4 rows of 2 groups.
    expect(location.rows.filter((r) => r.sweetSpot !== null)).toHaveLength(4);
    expect(all.n).toBe(4);
    expect(all.groups).toBe(2);
    expect(all.tooFewGroups).toBe(true);
    expect(locationCsv(location)).toContain('location-correlation,,,,,all,,observationDim,groups,2');
  });

  it('relates the sweet spot to the knee across enough groups', () => {
    // Five kappas; at kappas 0.5, 0.7, 0.9 sparsity 0.25 keeps 90% of the clean return: knee 0, sweet spot 0 (dense).
    const kappas = [0, 0.3, 0.5, 0.7, 0.9];
    const grid = withEarlyCleanDrop(syntheticPoints({ kappas }), [0.5, 0.7, 0.9]);
    const five = sweetSpotLocation([{ source: 'k', analysis: analyse(grid) }], facts);
    const mad = five.rows.filter((r) => r.target === 'mad@0.075');
    expect(mad.map((r) => [r.kappa, r.sweetSpot, r.cleanKnee])).toEqual([
      [0, 0.25, 0.25],
      [0.3, 0.25, 0.25],
      [0.5, 0, 0],
      [0.7, 0, 0],
      [0.9, 0, 0],
    ]);
    const knee = five.correlations.find((x) => x.scope === 'mad@1x' && x.property === 'cleanKnee')!;
    expect(knee).toMatchObject({ rho: 1, n: 5, groups: 5, tooFewGroups: false, reason: null });
    // one env: its observation width never changes, and the reason says so
    const dim = five.correlations.find((x) => x.scope === 'mad@1x' && x.property === 'observationDim')!;
    expect(dim.rho).toBeNull();
    expect(dim.reason).toBe('observationDim is the same in every row');
  });

  it('gives a group run at one sparsity (a dense sweep) no location, the group\'s nor its seeds\'', () => {
    const grid = [...syntheticPoints(), ...syntheticPoints({ kappas: [0.3], sparsities: [0] })];
    const loc = sweetSpotLocation([{ source: 's', analysis: analyse(grid) }], facts);
    const dense = loc.rows.filter((r) => r.kappa === 0.3);
    expect(dense.length).toBeGreaterThan(0);
    for (const r of dense) {
      expect(r.sweetSpot).toBeNull();
      expect(r.sweetSpotReason).toBe('only sparsity 0 was run: the sweet spot has nowhere else to be, no location');
      expect(r.perSeed.every((p) => p.sweetSpot === null)).toBe(true);
    }
    expect(loc.variance.find((v) => v.scope === 'mad@1x')!.n).toBe(1);
  });

  it('leaves a dense CROWN mean TV of ~1 out of its correlations even when its label is ok', () => {
    // at 0.25 the synthetic CROWN mean TV is min(1, 0.3 * 0.25 / 0.075 + ...) = 1, labelled ok for its positive radius
    const grid = syntheticPoints({ attacks: [{ attack: 'mad', epsilon: 0.075 }, { attack: 'mad', epsilon: 0.25 }], certifyEpsilons: [0.075, 0.25] });
    const loc = sweetSpotLocation([{ source: 's', analysis: analyse(grid) }], facts);
    const wide = loc.rows.find((r) => r.target === 'mad@0.25')!;
    expect(wide.denseCrownLabel).toBe('ok');
    expect(wide.denseCrownMeanTv!.mean).toBe(1);
    expect(wide.notes.some((n) => n.includes('says nothing at this budget'))).toBe(true);
    const usable = loc.rows.filter((r) => r.sweetSpot !== null && r.epsilon === 0.075).length;
    expect(usable).toBeGreaterThan(0);
    expect(loc.correlations.find((c) => c.scope === 'all' && c.property === 'denseCrownMeanTv')!.n).toBe(usable);
    expect(loc.correlations.find((c) => c.scope === 'all' && c.property === 'epsilon')!.n).toBe(loc.rows.filter((r) => r.sweetSpot !== null).length);
  });

  it('reads a group in two sources once, from the one whose runs contain the other\'s, and rejects two different ones, naming both', () => {
    const points = syntheticPoints();
    const all = analyse(points);
    const one = { source: 'results/one', analysis: analyse(points.filter((p) => p.seed === 1)) };
    const whole = { source: 'results/all', analysis: all };
    for (const sources of [[one, whole], [whole, one]]) {
      const loc = sweetSpotLocation(sources, facts);
      expect(loc.rows.map((r) => r.target)).toEqual(all.groups[0]!.targets.map((t) => t.key));
      expect(loc.rows.every((r) => r.source === 'results/all' && r.seeds.join() === '1,2,3')).toBe(true);
      expect(loc.rows[0]!.notes).toContain('also in results/one (seeds 1): the same runs, contained in these (seeds 1, 2, 3) and read once');
    }
    // other returns for seed 1: not the same runs
    const other = analyse(points.filter((p) => p.seed === 1).map((p) => ({ ...p, clean: evalOf(p.clean.meanReturn + 1) })));
    expect(() => sweetSpotLocation([{ source: 'results/a', analysis: all }, { source: 'results/b', analysis: other }], facts)).toThrow(
      /Hopper-v4 kappa=0 magnitude is in both results\/a and results\/b/,
    );
    // the same runs under another keepFraction are not the same sweet spots
    const stricter = analyse(points.filter((p) => p.seed === 1), { keepFraction: 0.99 });
    expect(() => sweetSpotLocation([{ source: 'results/a', analysis: all }, { source: 'results/b', analysis: stricter }], facts)).toThrow(/in both/);
    expect(() => sweetSpotLocation([{ source: 'results/a', analysis: all }, { source: 'results/b', analysis: other }], facts)).toThrow(
      /runs of one spec: publish them into one folder/,
    );
    expect(() => sweetSpotLocation([], facts)).toThrow(/sources/);
    expect(() => sweetSpotLocation([{ source: 'a', analysis: all }], facts, { minGroups: 2 })).toThrow(/options.minGroups/);
  });
});

describe("sweetSpotLocation over the seeds' own sweet spots", () => {
  it('gives every row its seeds\' own sweet spots and slopes, and says seed noise dominates when seeds spread wider than groups', () => {
    const loc = locate({ 0: [0.2, 0.8], 0.3: [0.4, 0.8], 0.5: [0.2, 0.6] });
    const first = loc.rows[0]!;
    expect(first.perSeed.map((p) => [p.seed, p.sweetSpot, p.ownBaseline, p.reason])).toEqual([[1, 0.2, true, null], [2, 0.8, true, null]]);
    expect(first.perSeed[0]!.cleanSlope).toBeCloseTo(0, 12);
    expect(first.perSeed[1]!.cleanSlope).toBeCloseTo(0.01, 12);
    expect(first.seedLocation).toMatchObject({ mean: 0.5, n: 2 });
    const v = loc.variance.find((x) => x.scope === 'mad@0.1')!;
    expect(v).toMatchObject({ n: 3, groups: 3, withinCells: 3, withinSeeds: 6, verdict: SEED_NOISE_DOMINATES, tooFewGroups: false });
    expect(v.pooledWithinStd).toBeCloseTo(Math.sqrt(0.34 / 3), 12);
    expect(v.betweenStd).toBeCloseTo(0.1, 12);
    // the flag reaches every correlation of the scope, beside (not instead of) the group count
    expect(loc.correlations.filter((c) => c.scope === 'mad@0.1').every((c) => c.seedNoiseDominates)).toBe(true);
    expect(loc.correlations.find((c) => c.scope === 'mad@0.1' && c.property === 'cleanSlope')).toMatchObject({ n: 3, groups: 3, tooFewGroups: false });
    const csv = locationCsv(loc);
    expect(csv).toContain('location-variance,,,,,mad@0.1,,verdict,,seed noise dominates');
    expect(csv).toContain('location-correlation,,,,,mad@0.1,,cleanSlope,seedNoiseDominates,1');
    expect(csv).toContain('location-seed,s,E,0,magnitude,mad@0.1,0.1,sweetSpot,2,0.8');
    expect(csv).toContain('location,s,E,0,magnitude,mad@0.1,0.1,seedLocation,n,2');
  });

  it('says the groups differ when their means spread wider than their seeds', () => {
    const loc = locate({ 0: [0.2, 0.2], 0.3: [0.4, 0.6], 0.5: [0.8, 0.8] });
    const v = loc.variance.find((x) => x.scope === 'mad@0.1')!;
    expect(v.verdict).toBe(GROUPS_DIFFER);
    expect(v.betweenStd).toBeCloseTo(0.3, 12);
    expect(loc.correlations.some((c) => c.seedNoiseDominates)).toBe(false);
  });

  it('gives one-seed groups no within part, and none at all when every group has one seed', () => {
    const mixedLoc = locate({ 0: [0.2, 0.6], 0.3: [0.8], 0.5: [0.4, null] });
    const noSpot = mixedLoc.rows.find((r) => r.kappa === 0.5)!.perSeed[1]!;
    expect(noSpot).toMatchObject({ seed: 2, ownBaseline: false, sweetSpot: null });
    expect(noSpot.reason).toMatch(/^no sparsity keeps 95% of the dense clean return/);
    const mixed = mixedLoc.variance.find((x) => x.scope === 'mad@0.1')!;
    expect(mixed).toMatchObject({ n: 3, withinCells: 1, withinSeeds: 2 });
    expect(mixed.pooledWithinStd).toBeCloseTo(Math.sqrt(0.08), 12);
    const single = locate({ 0: [0.2], 0.3: [0.8], 0.5: [0.4] });
    expect(single.variance.every((v) => v.verdict === SEED_NOISE_UNMEASURED && v.withinCells === 0)).toBe(true);
    expect(single.rows.every((r) => r.perSeed.length === 1 && r.seedLocation!.std === null)).toBe(true);
  });

  it('correlates over per-seed points with the seeds\' own slopes, counting groups, not points', () => {
    // 3 groups x 2 seeds; seed 2's slope is 0.01 and its sweet spot the later one in every group
    const loc = locate({ 0: [0.2, 0.8], 0.3: [0.4, 0.8], 0.5: [0.2, 0.6] });
    const seedSlope = loc.seedCorrelations.find((c) => c.scope === 'mad@0.1' && c.property === 'cleanSlope')!;
    expect(seedSlope).toMatchObject({ n: 6, groups: 3 });
    expect(seedSlope.rho).toBeGreaterThan(0.8);
    // the seed-mean correlation has one point per group; with minGroups 5 both are too few, whatever n
    const loc5 = sweetSpotLocation([{ source: 's', analysis: analyse(seedSpotPoints({ 0: [0.2, 0.8], 0.3: [0.4, 0.8], 0.5: [0.2, 0.6] })) }], facts);
    expect(loc5.correlations.find((c) => c.scope === 'mad@0.1' && c.property === 'cleanSlope')).toMatchObject({ n: 3, tooFewGroups: true });
    expect(loc5.seedCorrelations.find((c) => c.scope === 'mad@0.1' && c.property === 'cleanSlope')).toMatchObject({ n: 6, tooFewGroups: true });
    expect(locationCsv(loc)).toContain('location-seed-correlation,,,,,mad@0.1,,cleanSlope,n,6');
  });
});

describe('sweetSpotLocation over pruning arms', () => {
  it('reads a one-shot or neuron group beside the micro-pruning curve of the same (env, kappa, criterion) as its own group', () => {
    // the same dense runs; the one-shot arm's pruned returns differ, so as one group it would be refused
    const micro = syntheticPoints();
    const oneShot = syntheticPoints({ arm: { mode: 'one_shot', structured: false } }).map((p) => (p.sparsity === 0 ? p : { ...p, clean: evalOf(p.clean.meanReturn - 50) }));
    const neuron = syntheticPoints({ arm: { mode: 'during', structured: true } }).map((p) => ({ ...p, clean: evalOf(p.clean.meanReturn + 1) }));
    const loc = sweetSpotLocation(
      [
        { source: 'results/curve', analysis: analyse(micro) },
        { source: 'results/oneshot', analysis: analyse(oneShot) },
        { source: 'results/neuron', analysis: analyse(neuron) },
      ],
      facts,
      { minGroups: 3 },
    );
    const groups = [...new Set(loc.rows.map((r) => `${r.source}|${r.mode}|${r.structured}`))];
    expect(groups).toEqual(['results/curve|during|false', 'results/oneshot|one_shot|false', 'results/neuron|during|true']);
    expect(loc.correlations.find((c) => c.scope === 'all' && c.property === 'cleanKnee')!.groups).toBe(3);
    const csvCriteria = [...new Set(locationCsv(loc).split('\n').filter((l) => l.startsWith('location,')).map((l) => l.split(',')[4]))];
    expect(csvCriteria).toEqual(['magnitude', 'magnitude one-shot', 'magnitude neuron']);
  });
});
