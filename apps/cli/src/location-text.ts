// `rlprune locate` as text: one table row per group and target (the sweet spot beside the group's
// properties), the rows without a sweet spot and what a reader must know listed below it, then the
// rank correlations as a matrix of scope by property, each cell "rho (n)".
import { LOCATION_PROPERTIES, TOO_FEW_GROUPS, type LocationProperty, type SweetSpotLocation, type Stat } from '@rlprune/analysis';
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

export function locationText(location: SweetSpotLocation, writtenTo: string | null): string {
  const footnotes: string[] = [];
  const rows = location.rows.map((r) => {
    let sweet = r.sweetSpot === null ? 'none' : String(r.sweetSpot);
    if (r.sweetSpot === null) {
      footnotes.push(`  [${footnotes.length + 1}] ${r.env} kappa=${r.kappa} ${r.criterion} ${r.target}: ${r.sweetSpotReason ?? 'no sweet spot'}`);
      sweet += ` [${footnotes.length}]`;
    }
    const crownTv = r.denseCrownMeanTv === null ? '-' : `${spread(r.denseCrownMeanTv)}${r.denseCrownLabel === 'ok' ? '' : ` (${r.denseCrownLabel})`}`;
    return [
      r.env,
      String(r.kappa),
      r.criterion,
      r.target,
      r.epsilonMultiple === null ? num(r.epsilon) : `${num(r.epsilon)} (${num(r.epsilonMultiple)}x)`,
      sweet,
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
    ['env', 'kappa', 'criterion', 'target', 'epsilon', 'sweet spot', 'knee', 'clean slope', 'dense surrogate', 'dense CROWN TV', 'CROWN radius', 'obs dim', 'seeds'],
    rows,
  );
  const notes = [...new Set(location.rows.flatMap((r) => r.notes.map((n) => `  ${r.env} kappa=${r.kappa} ${r.criterion}: ${n}`)))];

  const keep = [...new Set(location.rows.map((r) => `${num(r.keepFraction * 100, 4)}%`))].join(' / ');
  const scopes = [...new Set(location.correlations.map((c) => c.scope))];
  const matrix = formatTable(
    ['scope', ...LOCATION_PROPERTIES.map((p) => PROPERTY_HEADINGS[p]), 'groups', ''],
    scopes.map((scope) => {
      const cells = location.correlations.filter((c) => c.scope === scope);
      const groups = Math.max(...cells.map((c) => c.groups));
      return [
        scope,
        ...LOCATION_PROPERTIES.map((p) => {
          const c = cells.find((x) => x.property === p)!;
          return `${num(c.rho, 2)} (${c.n})`;
        }),
        String(groups),
        cells.some((c) => c.tooFewGroups) ? TOO_FEW_GROUPS : '',
      ];
    }),
  );
  const lines = [
    `sweet-spot location over ${location.sources.join(', ')}`,
    `(knee: largest sparsity keeping ${keep} of the dense clean return; clean slope: per seed over sparsities <= ${location.options.slopeMaxSparsity}, mean ± std over seeds)`,
    '',
    table,
  ];
  if (footnotes.length > 0) lines.push('', 'no sweet spot:', ...footnotes);
  if (notes.length > 0) lines.push('', 'notes:', ...notes);
  lines.push(
    '',
    `Spearman's rho of the sweet-spot sparsity against each property (n rows with both; fewer than ${location.options.minGroups} groups: ${TOO_FEW_GROUPS}):`,
    matrix,
  );
  if (writtenTo !== null) lines.push('', `written: ${writtenTo}/summary.json  ${writtenTo}/results.csv`);
  return lines.join('\n');
}
