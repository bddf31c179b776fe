// `rlprune locate` as text: one table row per group (named with its pruning arm unless micro-pruning
// elementwise: 'magnitude one-shot') and target (the sweet spot beside the group's
// properties, and each seed's own when a group has two or more), the rows without a sweet spot and
// what a reader must know listed below it, then how much of the location's spread is seed noise (per
// scope: within-group against between-group std), then the rank correlations as a matrix of scope by
// property, each cell "rho (n)", flagged; and the same matrix over per-seed points, said to be no
// stronger evidence.
import {
  criterionWithArm,
  groupKey,
  LOCATION_PROPERTIES,
  SEED_NOISE_DOMINATES,
  TOO_FEW_GROUPS,
  type LocationCorrelation,
  type LocationProperty,
  type LocationRow,
  type LocationVariance,
  type SweetSpotLocation,
  type Stat,
} from '@rlprune/analysis';
import { formatTable } from './table';

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '-' : Number(x.toPrecision(digits)).toString());
const spread = (s: Stat | null, digits = 3) => (s === null ? '-' : s.std === null ? num(s.mean, digits) : `${num(s.mean, digits)} ± ${num(s.std, 2)}`);

/** Column headings of the properties in the correlation matrix. */
const PROPERTY_HEADINGS: Record<LocationProperty, string> = {
  cleanKnee: 'knee',
  cleanSlope: 'clean slope',
  denseSurrogate: 'surrogate',
  denseCrownMeanTv: 'CROWN TV',
  denseCrownRadius: 'CROWN radius',
  observationDim: 'obs dim',
  epsilon: 'epsilon',
};

/**
 * "s1 0.1, s2 0.6" (* for a seed normalised by the dense seed mean); a seed without a sweet spot is
 * "none [k]" with its reason added to the footnotes; '-' for one seed, whose own is the row's.
 */
function perSeedCell(r: LocationRow, footnotes: string[]): string {
  if (r.perSeed.length < 2) return '-';
  return r.perSeed
    .map((p) => {
      const seed = `s${p.seed}${p.ownBaseline ? '' : '*'}`;
      if (p.sweetSpot !== null) return `${seed} ${p.sweetSpot}`;
      footnotes.push(`  [${footnotes.length + 1}] ${groupKey(r)} ${r.target} seed ${p.seed}: ${p.reason ?? 'no sweet spot'}`);
      return `${seed} none [${footnotes.length}]`;
    })
    .join(', ');
}

/** The scope's spread of the seeds' own sweet spots within and between groups, and what it says. */
function varianceTable(variance: readonly LocationVariance[]): string {
  return formatTable(
    ['scope', 'groups', 'within: groups (seeds)', 'within std', 'std of group means', 'seed noise of means', 'within / between', 'verdict'],
    variance.map((v) => [
      v.scope,
      String(v.groups),
      `${v.withinCells} (${v.withinSeeds})`,
      num(v.pooledWithinStd, 2),
      num(v.betweenStd, 2),
      num(v.seedNoiseOfMeansStd, 2),
      num(v.ratio, 2),
      v.tooFewGroups ? `${v.verdict}; ${TOO_FEW_GROUPS}` : v.verdict,
    ]),
  );
}

/** Scope by property, "rho (n)", with the scope's distinct groups and its flags. */
function correlationMatrix(correlations: readonly LocationCorrelation[]): string {
  const scopes = [...new Set(correlations.map((c) => c.scope))];
  return formatTable(
    ['scope', ...LOCATION_PROPERTIES.map((p) => PROPERTY_HEADINGS[p]), 'groups', ''],
    scopes.map((scope) => {
      const cells = correlations.filter((c) => c.scope === scope);
      const groups = Math.max(...cells.map((c) => c.groups));
      // a property whose usable rows cover fewer groups (e.g. CROWN TV, vacuous for some) is starred on its own
      // cell; the row's flag is for the scope as a whole
      const flags = [cells.every((c) => c.tooFewGroups) ? TOO_FEW_GROUPS : '', cells.some((c) => c.seedNoiseDominates) ? SEED_NOISE_DOMINATES : ''];
      return [
        scope,
        ...LOCATION_PROPERTIES.map((p) => {
          const c = cells.find((x) => x.property === p)!;
          return `${num(c.rho, 2)} (${c.n})${c.tooFewGroups && !cells.every((x) => x.tooFewGroups) ? '*' : ''}`;
        }),
        String(groups),
        flags.filter((f) => f !== '').join('; '),
      ];
    }),
  );
}

export function locationText(location: SweetSpotLocation, writtenTo: string | null): string {
  const footnotes: string[] = [];
  const seedColumn = location.rows.some((r) => r.perSeed.length >= 2);
  const rows = location.rows.map((r) => {
    let sweet = r.sweetSpot === null ? 'none' : String(r.sweetSpot);
    if (r.sweetSpot === null) {
      footnotes.push(`  [${footnotes.length + 1}] ${groupKey(r)} ${r.target}: ${r.sweetSpotReason ?? 'no sweet spot'}`);
      sweet += ` [${footnotes.length}]`;
    }
    const crownTv = r.denseCrownMeanTv === null ? '-' : `${spread(r.denseCrownMeanTv)}${r.denseCrownLabel === 'ok' ? '' : ` (${r.denseCrownLabel})`}`;
    return [
      r.env,
      String(r.kappa),
      criterionWithArm(r),
      r.target,
      r.epsilonMultiple === null ? num(r.epsilon) : `${num(r.epsilon)} (${num(r.epsilonMultiple)}x)`,
      sweet,
      ...(seedColumn ? [perSeedCell(r, footnotes)] : []),
      num(r.cleanKnee),
      spread(r.cleanSlope),
      spread(r.denseSurrogate, 4),
      crownTv,
      spread(r.denseCrownRadius),
      num(r.observationDim),
      r.seeds.join(','),
    ];
  });
  const table = formatTable(
    ['env', 'kappa', 'criterion', 'target', 'epsilon', 'sweet spot', ...(seedColumn ? ['per seed'] : []), 'knee', 'clean slope', 'dense surrogate', 'dense CROWN TV', 'CROWN radius', 'obs dim', 'seeds'],
    rows,
  );
  const notes = [...new Set(location.rows.flatMap((r) => r.notes.map((n) => `  ${groupKey(r)}: ${n}`)))];

  const keep = [...new Set(location.rows.map((r) => `${num(r.keepFraction * 100, 4)}%`))].join(' / ');
  const lines = [
    `sweet-spot location over ${location.sources.join(', ')}`,
    `(knee: largest sparsity keeping ${keep} of the dense clean return; clean slope: per seed over sparsities <= ${location.options.slopeMaxSparsity}, mean ± std over seeds)`,
    '',
    table,
  ];
  if (footnotes.length > 0) lines.push('', 'no sweet spot:', ...footnotes);
  if (location.rows.some((r) => r.perSeed.length >= 2 && r.perSeed.some((p) => !p.ownBaseline))) {
    lines.push('', 'per seed: * marks a seed without a dense run of its own, normalised by the dense seed mean');
  }
  if (notes.length > 0) lines.push('', 'notes:', ...notes);
  lines.push(
    '',
    "seed noise: std of the seeds' own sweet spots within a group (groups with >= 2 seeds that have one) against the std of the group means;",
    `'seed noise of means' is how far the means would spread from seed noise alone; '${SEED_NOISE_DOMINATES}' when within >= between:`,
    varianceTable(location.variance),
    '',
    `Spearman's rho of the sweet-spot sparsity (seed mean) against each property (n rows with both; fewer than ${location.options.minGroups} groups: ${TOO_FEW_GROUPS}, * for one property):`,
    correlationMatrix(location.correlations),
  );
  if (seedColumn) {
    lines.push(
      '',
      "the same over each seed's own sweet spot (n seeds; the properties but the clean slope repeat per seed, so these points are not independent and n is no more evidence):",
      correlationMatrix(location.seedCorrelations),
    );
  }
  if (writtenTo !== null) lines.push('', `written: ${writtenTo}/summary.json  ${writtenTo}/results.csv`);
  return lines.join('\n');
}
