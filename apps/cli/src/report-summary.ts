// `rlprune report ID` as text: where the report is, how far a partial one got, and the sweet spots
// as a table (the summary JSON the analyse stage writes; --json prints it whole), with each seed's
// own sweet spot under a row whose group has two or more seeds.
import path from 'node:path';
import { criterionWithArm, DEFAULT_ARM, type ReportSummary } from '@rlprune/analysis';
import { formatTable } from './table';

interface Paths {
  htmlPath: string;
  csvPath: string;
  jsonlPath: string;
  summaryJson: string;
  /** A results folder's figure files (figures/<id>.svg), when the report wrote them. */
  figures?: string[];
}

type Summary = Partial<ReportSummary> & {
  pending?: string;
  partial?: { state: string; stagesDone: number; stagesTotal: number; pointsReady: number; pointsTotal: number } | null;
};

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '-' : Number(x.toPrecision(digits)).toString());
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);

const percent = (fraction: number) => `${Number((fraction * 100).toPrecision(3))}%`;

type Spot = ReportSummary['sweetSpots'][number];

/**
 * "per seed: s1 10%, s2 60%" under a sweet spot whose group has >= 2 seeds (seed-sweet-spots.ts), so
 * the reader sees whether the seeds agree on the location; null for one seed (its own is the group's)
 * and for a summary written before per-seed sweet spots existed. A seed without one is "none [k]",
 * its reason added to the notes; * marks a seed normalised by the dense seed mean (no dense run).
 */
function perSeedLine(s: Spot, notes: string[]): string | null {
  const seeds = s.perSeed ?? [];
  if (seeds.length < 2) return null;
  const cells = seeds.map((p) => {
    const seed = `s${p.seed}${p.ownBaseline ? '' : '*'}`;
    if (p.sparsity !== null) return `${seed} ${percent(p.sparsity)}`;
    notes.push(`  [${notes.length + 1}] ${s.target} seed ${p.seed}: ${p.reason ?? 'no sparsity qualifies'}`);
    return `${seed} none [${notes.length}]`;
  });
  return `    per seed: ${cells.join(', ')}`;
}

/** The sweet spots as a table, each followed by its seeds' own when there are two or more; a condition without one is marked and its reason listed below. */
function sweetSpotTable(spots: ReportSummary['sweetSpots']): string {
  const notes: string[] = [];
  const table = formatTable(
    ['env', 'kappa', 'criterion', 'attack', 'sparsity', 'score', 'clean kept', 'robust gain', 'certified gain'],
    spots.map((s) => {
      if (s.sparsity === null) notes.push(`  [${notes.length + 1}] ${s.target}: ${s.reason ?? 'no sparsity qualifies'}`);
      return [
        s.env,
        String(s.kappa),
        // a summary names the arm only when it is not micro-pruning elementwise
        criterionWithArm({ ...DEFAULT_ARM, ...s }),
        s.target,
        s.sparsity === null ? `none [${notes.length}]` : String(s.sparsity),
        num(s.score),
        s.cleanRetention === null ? '-' : `${(s.cleanRetention * 100).toFixed(1)}%`,
        pct(s.robustnessGainPercent),
        s.certifiedGains.map((g) => `${g.method} ${pct(g.gainPercent)}`).join(', ') || '-',
      ];
    }),
  ).split('\n');
  // the heading and its rule, then each row with its per-seed line under it
  const lines = table.slice(0, 2);
  spots.forEach((s, i) => {
    lines.push(table[i + 2]!);
    const seeds = perSeedLine(s, notes);
    if (seeds !== null) lines.push(seeds);
  });
  if (spots.some((s) => (s.perSeed ?? []).length >= 2 && s.perSeed.some((p) => !p.ownBaseline))) {
    notes.push('  * a seed without a dense run of its own, normalised by the dense seed mean');
  }
  return [...lines, ...notes].join('\n');
}

export function reportText(paths: Paths): string {
  const lines = [`report: ${paths.htmlPath}`];
  if (paths.csvPath) lines.push(`data:   ${paths.csvPath}  ${paths.jsonlPath}`);
  if (paths.figures && paths.figures.length > 0) lines.push(`figures: ${path.dirname(paths.figures[0]!)} (${paths.figures.length} SVG files, one per figure of the report)`);
  let summary: Summary;
  try {
    summary = JSON.parse(paths.summaryJson) as Summary;
  } catch {
    return [...lines, paths.summaryJson].join('\n');
  }
  const p = summary.partial;
  if (p) lines.push(`partial: ${p.state}, ${p.stagesDone}/${p.stagesTotal} stages done, ${p.pointsReady}/${p.pointsTotal} grid points in the report`);
  if (summary.pending) lines.push(`pending: ${summary.pending}`);
  if (summary.sweetSpots) {
    lines.push('', `sweet spots (most sparsity keeping ${((summary.keepFraction ?? 0) * 100).toFixed(0)}% of clean return; scores ${summary.normalise ?? ''}):`);
    lines.push(summary.sweetSpots.length > 0 ? sweetSpotTable(summary.sweetSpots) : '  none yet');
  }
  const rb = summary.regretBounds;
  if (rb) {
    const held = (k: keyof typeof rb) => `${rb[k].holds}/${rb[k].rows}`;
    lines.push('', `regret bounds held: action shift ${held('actionShift')}, pruning loss ${held('pruningLoss')}, robustness gap ${held('robustnessGap')}`);
  }
  if (summary.monotonicity) lines.push(`mask updates raising the Lipschitz surrogate: ${summary.monotonicity.rises} of ${summary.monotonicity.updates}`);
  for (const w of summary.warnings ?? []) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
