// Where each seed's own sweet spot sits, and how far the seeds spread (issue 17: "rlprune's
// measurement with its seed spread"; the paper's failure signature "high seed-to-seed variance in
// sweet-spot location"). The group's sweet spot is chosen on seed means, and one weak dense run can
// move it: on Hopper-v4 a seed whose dense PPO run returned 2044 (the other 3528) keeps 1.3x its own
// dense clean return at almost every sparsity, so nearly every sparsity passes the 95% constraint and
// the seed-mean sweet spot moves to 60-90% while the other seed's own lies elsewhere. Per seed the
// reader sees whether the seeds agree on the location.
//
// The paper gives no per-seed rule, so this is the seed-mean definition applied to one seed at a
// time, through the same functions (findSweetSpot, explainUndefinedScores): over the sparsities that
// seed was run at, the best score = (clean / dense clean + robust / reference) / 2 among those keeping
// >= keepFraction of that seed's dense clean return, each value normalised as analyse() normalised it
// (SeedScores: own dense run, else the dense seed mean; own_dense's near-zero rule). No sweet spot,
// with findSweetSpot's reason, when no sparsity qualifies or the seed's scores are undefined.

import type { ConditionSummary, SeedScores, SeedSweetSpot, SweetSpotResult } from './analysis-types';
import type { Normalisation } from './normalise';
import { explainUndefinedScores, findSweetSpot, type DenseScoreInputs } from './sweet-spot';

export type SeedSpread = Pick<SweetSpotResult, 'perSeed' | 'locationRange'>;

/**
 * Every seed's own sweet spot under robust target `target` (index k of the group's targets), and the
 * range of their locations. conditions: the group's, ascending sparsity, the baseline first.
 */
export function seedSweetSpots(
  target: string,
  k: number,
  conditions: readonly ConditionSummary[],
  keepFraction: number,
  mode: Normalisation,
): SeedSpread {
  const seeds = [...new Set(conditions.flatMap((c) => c.seeds))].sort((a, b) => a - b);
  const dense = conditions[0]!;
  const perSeed = seeds.map((seed) => seedSweetSpot(seed, target, k, conditions, dense, keepFraction, mode));
  const located = perSeed.flatMap((s) => (s.sparsity === null ? [] : [s.sparsity]));
  const locationRange: [number, number] | null = located.length < 2 ? null : [Math.min(...located), Math.max(...located)];
  return { perSeed, locationRange };
}

/** The dense condition's seed means under robust target k: what the seed-mean sweet spot is explained by. */
export function denseSeedMeans(dense: ConditionSummary, k: number): DenseScoreInputs {
  return {
    cleanNormalised: dense.cleanNormalised?.mean ?? null,
    robustReturn: dense.robust[k]!.return?.mean ?? null,
    robustNormalised: dense.robust[k]!.normalised?.mean ?? null,
  };
}

function seedSweetSpot(
  seed: number,
  target: string,
  k: number,
  conditions: readonly ConditionSummary[],
  dense: ConditionSummary,
  keepFraction: number,
  mode: Normalisation,
): SeedSweetSpot {
  const runs = conditions.flatMap((c) => {
    const s = c.perSeed.find((x) => x.seed === seed);
    return s ? [{ sparsity: c.sparsity, scores: s }] : [];
  });
  const ownBaseline = runs[0]!.scores.ownBaseline;
  // The seed's dense values: its own run, else the dense seed means it was normalised by.
  const own: SeedScores | undefined = dense.perSeed.find((x) => x.seed === seed);
  const denseValues = own
    ? { cleanNormalised: own.cleanNormalised, robustReturn: own.robust[k]!.return, robustNormalised: own.robust[k]!.normalised }
    : denseSeedMeans(dense, k);
  const found = explainUndefinedScores(
    findSweetSpot({
      target,
      candidates: runs.map(({ sparsity, scores }) => ({
        sparsity,
        cleanNormalised: scores.cleanNormalised,
        robustNormalised: scores.robust[k]!.normalised,
        robustReturn: scores.robust[k]!.return,
      })),
      baselineRobustReturn: denseValues.robustReturn,
      baselineCleanReturn: runs[0]!.scores.reference,
      keepFraction,
    }),
    denseValues,
    mode,
  );
  const spot = found.spot;
  return {
    seed,
    ownBaseline,
    sparsity: spot?.sparsity ?? null,
    score: spot?.score ?? null,
    cleanRetention: spot?.cleanRetention ?? null,
    reason: found.reason,
  };
}
