// How much of the sweet spot's variation over groups is seed noise (issue 22 item 6: "state what the
// data supports and what it cannot tell with 3 seeds"; issue 17's seed spread). On Hopper-v4 with
// two seeds, seed 1's own sweet spot is 10% and seed 2's 40-60% for every attack: the location moves
// between seeds of one group as much as between envs, so a correlation of group locations with group
// properties may be ranking seed noise.
//
// A one-way decomposition over the cells of a scope (a cell is one sweet-spot row: one group in a
// target family, a group and target in the 'all' scope), on the seeds' own sweet spots
// (seed-sweet-spots.ts; seeds without one are left out):
//   pooledWithinStd     sqrt(sum over cells of sum_j (x_ij - mean_i)^2 / sum (n_i - 1)): the seed
//                       spread inside a cell. Only cells with >= 2 located seeds enter it (a one-seed
//                       cell has no spread to give);
//   betweenStd          the sample std of the cells' means over every cell with >= 1 located seed;
//   seedNoiseOfMeansStd pooledWithinStd * sqrt(mean_i 1 / n_i): how far the cell means would spread
//                       from seed noise alone, since a mean of n_i seeds keeps 1/n_i of the seed
//                       variance. A betweenStd near it says the groups' locations are not told apart;
//   ratio               pooledWithinStd / betweenStd.
// The verdict is the brief's rule, deliberately lenient towards "groups differ": "seed noise dominates"
// when pooledWithinStd >= betweenStd (the means spread no more than single seeds do); "groups differ
// beyond seed noise" otherwise, which is not a test: with 2-3 seeds a betweenStd between
// seedNoiseOfMeansStd and pooledWithinStd is still within reach of noise. No within part: "seed noise
// unmeasured". The paper states no such analysis; this is the textbook one-way ANOVA split (the
// pooled variance is its within mean square), chosen because its parts read as sparsities.

import { stat } from './stats';

/** One sweet-spot row of a scope: its group and the sparsities of the seeds' own sweet spots. */
export interface LocationCell {
  /** The row's group (env, kappa, criterion, pruning arm): the 'groups' counts distinct ones. */
  group: string;
  /** Sweet-spot sparsity of every seed of the row that has one. */
  located: readonly number[];
}

export const SEED_NOISE_DOMINATES = 'seed noise dominates';
export const GROUPS_DIFFER = 'groups differ beyond seed noise';
export const SEED_NOISE_UNMEASURED = 'seed noise unmeasured: no group has two seeds with a sweet spot';
export const ONE_CELL = 'one group with a sweet spot: no between-group spread';
export const NO_SPREAD = 'the location is the same for every seed';

export type LocationVerdict = typeof SEED_NOISE_DOMINATES | typeof GROUPS_DIFFER | typeof SEED_NOISE_UNMEASURED | typeof ONE_CELL | typeof NO_SPREAD;

export interface LocationVariance {
  /** A target family ('mad@1x', 'worst') or 'all'. */
  scope: string;
  /** Cells (rows) with >= 1 seed with a sweet spot: the between part's n. */
  n: number;
  /** Distinct groups among them. */
  groups: number;
  /** Cells with >= 2 seeds with a sweet spot: those in the within part. */
  withinCells: number;
  /** Seeds in the within part; its degrees of freedom are withinSeeds - withinCells. */
  withinSeeds: number;
  pooledWithinStd: number | null;
  betweenStd: number | null;
  seedNoiseOfMeansStd: number | null;
  /** pooledWithinStd / betweenStd; null when either is null or betweenStd is 0. */
  ratio: number | null;
  verdict: LocationVerdict;
  /** groups < the study's minGroups: too few groups to say, whatever the verdict. */
  tooFewGroups: boolean;
}

export function locationVariance(scope: string, cells: readonly LocationCell[], minGroups: number): LocationVariance {
  const present = cells.filter((c) => c.located.length > 0);
  const within = present.filter((c) => c.located.length >= 2);
  let squares = 0;
  let df = 0;
  for (const c of within) {
    const m = stat(c.located)!.mean;
    for (const x of c.located) squares += (x - m) ** 2;
    df += c.located.length - 1;
  }
  const pooledWithinStd = df > 0 ? Math.sqrt(squares / df) : null;
  const betweenStd = stat(present.map((c) => stat(c.located)!.mean))?.std ?? null;
  const invN = stat(present.map((c) => 1 / c.located.length))?.mean ?? null;
  const seedNoiseOfMeansStd = pooledWithinStd === null || invN === null ? null : pooledWithinStd * Math.sqrt(invN);
  const groups = new Set(present.map((c) => c.group)).size;
  return {
    scope,
    n: present.length,
    groups,
    withinCells: within.length,
    withinSeeds: within.reduce((a, c) => a + c.located.length, 0),
    pooledWithinStd,
    betweenStd,
    seedNoiseOfMeansStd,
    ratio: pooledWithinStd === null || betweenStd === null || betweenStd === 0 ? null : pooledWithinStd / betweenStd,
    verdict: verdict(pooledWithinStd, betweenStd),
    tooFewGroups: groups < minGroups,
  };
}

function verdict(within: number | null, between: number | null): LocationVerdict {
  if (within === null) return SEED_NOISE_UNMEASURED;
  if (between === null) return ONE_CELL;
  if (within === 0 && between === 0) return NO_SPREAD;
  return within >= between ? SEED_NOISE_DOMINATES : GROUPS_DIFFER;
}
