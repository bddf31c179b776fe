// Where does the sweet spot sit, and what about a task or a dense policy predicts it? (The paper's
// open question 4; issue 22 item 6.) For every analysed group (env, kappa, criterion, pruning arm) and robust
// target, one row: the sweet spot's sparsity (as analyse() found it, with its reason when there is
// none; none for a group run at one sparsity only, e.g. a dense kappa sweep, whose sweet spot is
// there by construction) beside measurable properties of the group:
//   cleanKnee          largest sparsity whose seed-mean normalised clean return is >= keepFraction
//                      (the analysis' own, 0.95 by default: the sweet spot's constraint, so a sweet spot
//                      never lies past its knee);
//   cleanSlope         least-squares slope of the normalised clean return against sparsity over the
//                      sparsities <= slopeMaxSparsity, fitted per seed, then mean and std over seeds;
//   denseSurrogate     the dense policy's Lipschitz surrogate (it does not depend on epsilon);
//   denseCrownMeanTv   the dense policy's CROWN mean TV bound at the target's certificate epsilon;
//   denseCrownRadius   the dense policy's CROWN mean certified radius;
//   observationDim     the env's observation width, and epsilon, the attack's budget (the worst case
//                      reads the largest attacked epsilon, as certificates.ts pairs it).
// Across the rows with a sweet spot, Spearman's rho between its sparsity and each property, by
// target family (the attack at a multiple of the env's default budget, so Hopper's mad@0.075 and
// Walker2d's mad@0.05 are compared as "mad at 1x the env's epsilon") and over all rows. A row of one
// group per family makes n the number of groups there; over all rows a group appears once per target,
// its rows are not independent, and the flag counts groups. Fewer than minGroups groups and the
// correlation is flagged "too few groups to say": with three envs rho can only be -1, -0.5, 0.5 or 1.
//
// Following correlation.ts, a CROWN TV that is vacuous (or a constant policy, or uncertified for
// some seed) at the dense point is left out of that property's correlation; so is a mean TV at or
// above VACUOUS_TV that the label keeps as 'ok' only because the certified radius (which does not
// depend on epsilon) is positive: at this epsilon it says nothing, and the ranks of 0.9987, 0.99993
// and 1 would be noise.
// The env's facts come from the caller (the CLI passes @rlprune/envs' registry), so this stays pure.
// A group in two sources is read once, from the source whose runs contain the other's (the same runs
// published in two folders), else refused (location-groups.ts).
//
// Seeds. The seed-mean sweet spot hides how far the seeds' own sweet spots lie apart (on Hopper-v4
// with two seeds: 10% and 40-60% for every attack), so each row also carries every seed's own sweet
// spot (seed-sweet-spots.ts) and its clean slope, and each scope a decomposition of the location's
// variation into seed spread within a group and spread of the group means (location-variance.ts),
// whose verdict ("seed noise dominates" when the within part is at least the between part) flags the
// correlations of that scope beside "too few groups to say". seedCorrelations repeats the Spearman
// matrix over per-seed points (n = seeds x groups): its points are NOT independent within a group
// (every property but the clean slope is one value per group, repeated for each seed; the slope is
// the seed's own), so its n is not more evidence: the flag still counts groups, and a reader should
// take it only as a check that the seed-mean correlation does not hinge on averaging.

import { compareStrings, groupKey, WORST_CASE_KEY } from './aggregate';
import type { Analysis, BoundLabel, CertifySummary, GroupAnalysis, RobustTarget, SweetSpotResult } from './analysis-types';
import { certificateEpsilon, summaryAt, VACUOUS_TV } from './certificates';
import { averageRanks, boundExclusion, spearman } from './correlation';
import { formatNumber } from './format';
import { distinctGroups } from './location-groups';
import { locationVariance, SEED_NOISE_DOMINATES, type LocationVariance } from './location-variance';
import { stat, type Stat } from './stats';
import type { PruningArm } from './types';
import { InvalidArgumentError, show } from '@rlprune/errors';

export interface LocationOptions {
  /** The clean-return slope is fitted over the sparsities at or below this (default 0.5: before most curves collapse). */
  slopeMaxSparsity: number;
  /** A correlation over fewer groups than this is flagged "too few groups to say" (default 5). */
  minGroups: number;
}

export const DEFAULT_LOCATION_OPTIONS: LocationOptions = { slopeMaxSparsity: 0.5, minGroups: 5 };

/** What the env registry says about an env. */
export interface EnvFacts {
  observationDim: number;
  /** The env's default L-inf attack budget, the unit of a target family's epsilon multiple. */
  defaultEpsilon: number;
}

/** One analysed results folder (or any analysis) and the name rows cite it by. */
export interface LocationSource {
  source: string;
  analysis: Analysis;
}

export const LOCATION_PROPERTIES = [
  'cleanKnee',
  'cleanSlope',
  'denseSurrogate',
  'denseCrownMeanTv',
  'denseCrownRadius',
  'observationDim',
  'epsilon',
] as const;
export type LocationProperty = (typeof LOCATION_PROPERTIES)[number];

/** One seed's own sweet spot in a row (seed-sweet-spots.ts) and its own clean slope. */
export interface SeedLocation {
  seed: number;
  /** False: the seed had no dense run and is normalised by the dense seed mean. */
  ownBaseline: boolean;
  sweetSpot: number | null;
  /** Why the seed has no sweet spot. */
  reason: string | null;
  /** The seed's slope of its normalised clean return over the sparsities <= slopeMaxSparsity; null when it has none. */
  cleanSlope: number | null;
}

export interface LocationRow extends PruningArm {
  source: string;
  env: string;
  kappa: number;
  criterion: string;
  /** Robust target key, e.g. 'mad@0.075' or 'worst'. */
  target: string;
  attack: string;
  /** The attack's L-inf budget; for the worst case the largest attacked one (its certificate epsilon). */
  epsilon: number | null;
  /** epsilon / the env's default budget; null when the env or the epsilon is unknown. */
  epsilonMultiple: number | null;
  /** What the row is compared with across groups: 'mad@1x' (attack at a multiple of the env's epsilon), or 'worst'. */
  family: string;
  /** Every seed of the group, ascending. */
  seeds: number[];
  /** The analysis' keepFraction: the sweet spot's constraint and the knee's threshold. */
  keepFraction: number;
  /** The seed-mean sweet spot (the analysis'). */
  sweetSpot: number | null;
  /** Why there is no sweet spot (from the analysis). */
  sweetSpotReason: string | null;
  /** Every seed of the group, ascending, with its own sweet spot. */
  perSeed: SeedLocation[];
  /** Mean, std and n of the seeds' own sweet spots (those that have one). */
  seedLocation: Stat | null;
  cleanKnee: number | null;
  /** Seed statistics of the per-seed slopes (normalised clean return per unit of sparsity). */
  cleanSlope: Stat | null;
  denseSurrogate: Stat | null;
  denseCrownMeanTv: Stat | null;
  /** ok, or why the TV may not be correlated: vacuous or constant for some seed, or uncertified (some seed has no CROWN certificate at the epsilon). */
  denseCrownLabel: BoundLabel | 'uncertified';
  denseCrownRadius: Stat | null;
  observationDim: number | null;
  /** Why a property is null, or what a reader must know (e.g. the baseline is not dense). */
  notes: string[];
}

export interface LocationCorrelation {
  /** A target family ('mad@1x', 'worst') or 'all' (every row). */
  scope: string;
  property: LocationProperty;
  /** Spearman's rho between the sweet-spot sparsity and the property; null when undefined (see reason). */
  rho: number | null;
  /** Rows behind rho: those with a sweet spot and a usable value of the property. */
  n: number;
  /** Distinct groups among those rows. */
  groups: number;
  reason: string | null;
  /** groups < minGroups: "too few groups to say", whatever rho is. */
  tooFewGroups: boolean;
  /** The scope's location variance says seed noise dominates: rho may rank seed noise. */
  seedNoiseDominates: boolean;
}

export interface SweetSpotLocation {
  options: LocationOptions;
  sources: string[];
  /** By source order, then the analysis' group order, then target order (a group in several sources where it first appears: location-groups.ts). */
  rows: LocationRow[];
  /** Over the seed-mean sweet spots of the rows. By scope (families sorted, 'all' last), then LOCATION_PROPERTIES order. */
  correlations: LocationCorrelation[];
  /** Within-group (seed) and between-group spread of the seeds' own sweet spots, by scope as correlations. */
  variance: LocationVariance[];
  /** The correlations over per-seed points (n = seeds x groups), in the same order: not independent within a group (see the header). */
  seedCorrelations: LocationCorrelation[];
}

export const ALL_SCOPE = 'all';
export const TOO_FEW_GROUPS = 'too few groups to say';

export function sweetSpotLocation(
  sources: readonly LocationSource[],
  envFacts: (env: string) => EnvFacts | null,
  options?: Partial<LocationOptions>,
): SweetSpotLocation {
  const opts = resolveLocationOptions(options);
  if (!Array.isArray(sources) || sources.length === 0) throw new InvalidArgumentError('sources', 'at least one analysed results folder', show(sources));
  const rows = distinctGroups(sources).flatMap(({ source, options, group, notes }) =>
    groupRows(source, options.keepFraction, group, envFacts(group.env), opts, notes),
  );
  const variance = scopes(rows).map((scope) =>
    locationVariance(
      scope,
      inScope(rows, scope).map((r) => ({ group: groupKey(r), located: located(r) })),
      opts.minGroups,
    ),
  );
  const noisy = new Set(variance.filter((v) => v.verdict === SEED_NOISE_DOMINATES).map((v) => v.scope));
  return {
    options: opts,
    sources: sources.map((s) => s.source),
    rows,
    correlations: correlations(rows, opts, noisy, ROW_POINTS),
    variance,
    seedCorrelations: correlations(rows, opts, noisy, SEED_POINTS),
  };
}

function resolveLocationOptions(options: Partial<LocationOptions> | undefined): LocationOptions {
  const o = { ...DEFAULT_LOCATION_OPTIONS, ...options };
  if (!(typeof o.slopeMaxSparsity === 'number' && o.slopeMaxSparsity > 0 && o.slopeMaxSparsity < 1)) {
    throw new InvalidArgumentError('options.slopeMaxSparsity', 'a sparsity in (0, 1)', show(o.slopeMaxSparsity));
  }
  if (!(Number.isInteger(o.minGroups) && o.minGroups >= 3)) {
    throw new InvalidArgumentError('options.minGroups', 'a whole number of groups >= 3 (Spearman needs 3 points)', show(o.minGroups));
  }
  return o;
}

function groupRows(source: string, keepFraction: number, g: GroupAnalysis, facts: EnvFacts | null, opts: LocationOptions, sourceNotes: readonly string[]): LocationRow[] {
  const groupNotes: string[] = [...sourceNotes];
  if (facts === null) groupNotes.push(`the env registry does not know ${g.env}: no observation width or default epsilon`);
  if (!g.baseline.isDense) groupNotes.push(`no sparsity 0: the lowest sparsity ${g.baseline.sparsity} stands in for the dense policy`);
  const knee = cleanKnee(g, keepFraction);
  if (knee.note) groupNotes.push(knee.note);
  const slope = cleanSlope(g, opts.slopeMaxSparsity);
  if (slope.note) groupNotes.push(slope.note);
  const seeds = [...new Set(g.conditions.flatMap((c) => c.seeds))].sort((a, b) => a - b);
  const dense = g.conditions[0]!;
  // A group run at one sparsity (a dense kappa sweep) has a sweet spot there by construction: no location.
  const oneSparsity = g.conditions.length < 2 ? `only sparsity ${g.conditions[0]!.sparsity} was run: the sweet spot has nowhere else to be, no location` : null;

  return g.targets.map((t, k) => {
    const spot = oneSparsity === null ? g.sweetSpots[k]! : unlocated(g.sweetSpots[k]!, oneSparsity);
    const notes = [...groupNotes];
    const eps = certificateEpsilon(t, g.targets);
    const multiple = eps === null || facts === null ? null : Number((eps / facts.defaultEpsilon).toPrecision(3));
    const cert = summaryAt(dense.certificates, eps);
    const crown = denseCrown(cert, eps, notes);
    return {
      source,
      env: g.env,
      kappa: g.kappa,
      criterion: g.criterion,
      mode: g.mode,
      structured: g.structured,
      target: t.key,
      attack: t.attack,
      epsilon: eps,
      epsilonMultiple: multiple,
      family: family(t, eps, multiple),
      seeds,
      keepFraction,
      sweetSpot: spot.spot?.sparsity ?? null,
      sweetSpotReason: spot.spot ? null : spot.reason,
      perSeed: spot.perSeed.map((p) => ({ seed: p.seed, ownBaseline: p.ownBaseline, sweetSpot: p.sparsity, reason: p.reason, cleanSlope: slope.bySeed.get(p.seed) ?? null })),
      seedLocation: stat(spot.perSeed.flatMap((p) => (p.sparsity === null ? [] : [p.sparsity]))),
      cleanKnee: knee.value,
      cleanSlope: slope.value,
      denseSurrogate: denseSurrogate(cert ?? dense.certificates[0] ?? null, notes),
      ...crown,
      observationDim: facts?.observationDim ?? null,
      notes,
    };
  });
}

/** The sweet spot without a location, the group's and every seed's, for `reason`. */
function unlocated(s: SweetSpotResult, reason: string): SweetSpotResult {
  return { ...s, spot: null, reason, perSeed: s.perSeed.map((p) => ({ ...p, sparsity: null, score: null, cleanRetention: null, reason })), locationRange: null };
}

/** 'mad@1x' when the env's default budget is known, else 'mad@0.075'; 'worst' for the worst case. */
function family(t: RobustTarget, eps: number | null, multiple: number | null): string {
  if (t.key === WORST_CASE_KEY) return WORST_CASE_KEY;
  return multiple !== null ? `${t.attack}@${formatNumber(multiple, 3)}x` : `${t.attack}@${formatNumber(eps)}`;
}

/** Largest sparsity whose seed-mean normalised clean return keeps keepFraction; the dense policy always does. */
function cleanKnee(g: GroupAnalysis, keepFraction: number): { value: number | null; note: string | null } {
  const normalised = g.conditions.filter((c) => c.cleanNormalised !== null);
  if (normalised.length === 0) return { value: null, note: 'the dense clean return is not positive: clean returns cannot be normalised, no knee' };
  const keeping = normalised.filter((c) => c.cleanNormalised!.mean >= keepFraction);
  if (keeping.length === 0) return { value: null, note: `no sparsity keeps ${formatNumber(keepFraction * 100, 4)}% of the dense clean return: no knee` };
  return { value: Math.max(...keeping.map((c) => c.sparsity)), note: null };
}

/** Ordinary least-squares slope of y on x; null when x does not vary. */
export function leastSquaresSlope(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Per seed, the slope of its normalised clean return over the sparsities <= maxSparsity; then over seeds. */
function cleanSlope(g: GroupAnalysis, maxSparsity: number): { value: Stat | null; bySeed: Map<number, number>; note: string | null } {
  const points = new Map<number, Array<[number, number]>>();
  for (const c of g.conditions) {
    if (c.sparsity > maxSparsity) continue;
    for (const s of c.perSeed) {
      if (s.cleanNormalised === null) continue;
      points.set(s.seed, [...(points.get(s.seed) ?? []), [c.sparsity, s.cleanNormalised]]);
    }
  }
  const bySeed = new Map<number, number>();
  for (const [seed, pts] of points) {
    const slope = leastSquaresSlope(
      pts.map((p) => p[0]),
      pts.map((p) => p[1]),
    );
    if (slope !== null) bySeed.set(seed, slope);
  }
  const value = stat([...bySeed.values()]);
  return { value, bySeed, note: value ? null : `no seed has normalised clean returns at two sparsities <= ${formatNumber(maxSparsity)}: no slope` };
}

function denseSurrogate(cert: CertifySummary | null, notes: string[]): Stat | null {
  if (cert === null) {
    notes.push('the dense policy was not certified: no surrogate bound');
    return null;
  }
  if (cert.constantSeeds.length > 0) {
    notes.push(`the dense policy is constant for seed(s) ${cert.constantSeeds.join(', ')}: no surrogate bound`);
    return null;
  }
  return cert.lipschitzSurrogate;
}

type CrownFields = Pick<LocationRow, 'denseCrownMeanTv' | 'denseCrownLabel' | 'denseCrownRadius'>;

/** The dense policy's CROWN mean TV (labelled as correlation.ts labels it) and mean certified radius at the target's certificate epsilon. */
function denseCrown(cert: CertifySummary | null, eps: number | null, notes: string[]): CrownFields {
  const crown = cert?.perState.find((p) => p.method === 'crown');
  if (cert === null || !crown) {
    notes.push(`the dense policy has no CROWN certificate at ε=${formatNumber(eps)}`);
    return { denseCrownMeanTv: null, denseCrownLabel: 'uncertified', denseCrownRadius: null };
  }
  const label = boundExclusion(cert, 'crown-mean-tv') ?? 'ok';
  if (label !== 'ok') notes.push(`the dense CROWN TV at ε=${formatNumber(eps)} is ${label} for some seed: left out of its correlations`);
  else if (crown.meanTv.mean >= VACUOUS_TV) {
    notes.push(`the dense CROWN mean TV at ε=${formatNumber(eps)} is ${formatNumber(crown.meanTv.mean, 4)} (>= ${VACUOUS_TV}): it says nothing at this budget, left out of its correlations`);
  }
  return { denseCrownMeanTv: crown.meanTv, denseCrownLabel: label, denseCrownRadius: label === 'constant' ? null : crown.meanCertifiedRadius };
}

/** A row's value of a property for correlating, or null when it has none or it may not take part. */
function propertyValue(r: LocationRow, p: LocationProperty): number | null {
  switch (p) {
    case 'cleanKnee':
      return r.cleanKnee;
    case 'cleanSlope':
      return r.cleanSlope?.mean ?? null;
    case 'denseSurrogate':
      return r.denseSurrogate?.mean ?? null;
    case 'denseCrownMeanTv':
      return r.denseCrownLabel === 'ok' && r.denseCrownMeanTv!.mean < VACUOUS_TV ? r.denseCrownMeanTv!.mean : null;
    case 'denseCrownRadius':
      return r.denseCrownRadius?.mean ?? null;
    case 'observationDim':
      return r.observationDim;
    case 'epsilon':
      return r.epsilon;
  }
}

/** Families sorted by name ('worst' last among them), then 'all'. */
function scopes(rows: readonly LocationRow[]): string[] {
  const families = [...new Set(rows.map((r) => r.family))].sort((a, b) => Number(a === WORST_CASE_KEY) - Number(b === WORST_CASE_KEY) || compareStrings(a, b));
  return [...families, ALL_SCOPE];
}

function inScope(rows: readonly LocationRow[], scope: string): LocationRow[] {
  return rows.filter((r) => scope === ALL_SCOPE || r.family === scope);
}

/** The sparsities of the row's seeds that have a sweet spot of their own. */
function located(r: LocationRow): number[] {
  return r.perSeed.flatMap((p) => (p.sweetSpot === null ? [] : [p.sweetSpot]));
}

/** A point of a correlation: a sweet-spot sparsity and the property's value beside it. */
interface LocationPoint {
  group: string;
  sweetSpot: number;
  value: number | null;
}

/** What a correlation's points are, and the word its reasons call one by. */
interface PointKind {
  unit: string;
  of: (r: LocationRow, p: LocationProperty) => LocationPoint[];
}

/** One point per row with a seed-mean sweet spot. */
const ROW_POINTS: PointKind = {
  unit: 'row',
  of: (r, p) => (r.sweetSpot === null ? [] : [{ group: groupKey(r), sweetSpot: r.sweetSpot, value: propertyValue(r, p) }]),
};

/** One point per seed with its own sweet spot; the clean slope is the seed's, every other property the row's. */
const SEED_POINTS: PointKind = {
  unit: 'seed',
  of: (r, p) =>
    r.perSeed.flatMap((s) => (s.sweetSpot === null ? [] : [{ group: groupKey(r), sweetSpot: s.sweetSpot, value: p === 'cleanSlope' ? s.cleanSlope : propertyValue(r, p) }])),
};

function correlations(
  rows: readonly LocationRow[],
  opts: LocationOptions,
  noisyScopes: ReadonlySet<string>,
  points: PointKind,
): LocationCorrelation[] {
  return scopes(rows).flatMap((scope) =>
    LOCATION_PROPERTIES.map((property) => {
      const usable = inScope(rows, scope)
        .flatMap((r) => points.of(r, property))
        .filter((u): u is LocationPoint & { value: number } => u.value !== null);
      const x = usable.map((u) => u.sweetSpot);
      const y = usable.map((u) => u.value);
      const groups = new Set(usable.map((u) => u.group)).size;
      const { rho, reason } = spearman(x, y);
      return {
        scope,
        property,
        rho,
        n: usable.length,
        groups,
        reason: rho === null ? constantReason(x, y, property, points.unit) ?? reason : null,
        tooFewGroups: groups < opts.minGroups,
        seedNoiseDominates: noisyScopes.has(scope),
      };
    }),
  );
}

/** spearman()'s own reason names the bound-decrease study; say which variable here never changes. */
function constantReason(x: readonly number[], y: readonly number[], property: LocationProperty, unit: string): string | null {
  const varies = (v: readonly number[]) => new Set(averageRanks(v)).size > 1;
  if (x.length < 3) return null;
  if (!varies(x)) return `the sweet-spot sparsity is the same in every ${unit}`;
  if (!varies(y)) return `${property} is the same in every ${unit}`;
  return null;
}
