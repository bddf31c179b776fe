// The report page: one self-contained HTML file (inline CSS and SVG, no scripts, no external
// resources). Top: what produced it, a partial-report banner while the experiment runs, the
// settings and warnings, sweet spots and correlations. Then per env the overlays (criteria, kappa)
// and per (env, kappa, criterion, pruning arm) its figures (comparison per attack epsilon, certificates per
// epsilon, monotonicity trace, training) and tables. Nothing depends on the clock, so the same
// analysis and meta always render to the same bytes.

import { sortPoints } from './aggregate';
import type { Analysis, CertifySummary, CorrelationResult, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { criterionWithArm } from './pruning-arm';
import { figureColours, figureElementId, figureId, renderFigure, type Figure } from './report-figure';
import { envOverlayFigures, groupFigures } from './report-plots';
import { partialHtml, provenanceHtml, type PartialState, type Provenance } from './report-provenance';
import { CERTIFIED_CORRELATION_HEAD, certifiedCorrelationRows } from './report-certified-correlation';
import { paperTermsSection } from './report-paper-terms';
import { isProse } from './report-prose';
import { PER_SEED_NOTE, perSeedCell, showsPerSeed } from './report-seed-spots';
import type { Stat } from './stats';
import { escapeXml as esc } from './svg/escape';
import type { GridPointResult } from './types';

export interface ReportMeta {
  /** Page heading, e.g. the experiment's name. */
  title: string;
  /** Experiment id in the ledger, shown under the heading. */
  experimentId?: string;
  /** Further facts to show (spec file, grid, ...). Never a timestamp: reports must be reproducible. */
  details?: Array<{ name: string; value: string }>;
  /** What produced the report (shown at the top and written to summary.json). */
  provenance?: Provenance;
  /** Set while the experiment has not finished. */
  partial?: PartialState;
}

export const REPORT_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; max-width: 1520px; }
h1 { margin-bottom: 4px; } h2 { margin-top: 36px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
h3 { margin-top: 24px; }
.meta { color: #555; margin: 2px 0; }
.warnings { background: #fff6e0; border: 1px solid #e6c36a; padding: 8px 16px; }
.partial { background: #e8f1fb; border: 1px solid #7aa7d6; padding: 8px 16px; margin: 12px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: right; white-space: nowrap; }
th { background: #f3f3f3; } td.text, th.text { text-align: left; }
table.facts td.text { white-space: normal; }
td.prose { white-space: normal; text-align: left; min-width: 14em; max-width: 30em; }
tr.sweet td { background: #fff3b0; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.plots { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure.figure { margin: 0; max-width: 720px; }
figure.figure svg { border: 1px solid #e0e0e0; max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #555; margin-top: 4px; }
.no { color: #b00020; } .yes { color: #006b3c; }
nav.toc a { margin-right: 12px; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  .table-wrap { overflow: visible; }
  table { font-size: 10px; }
  figure.figure, tr, .provenance { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  nav.toc { display: none; }
}
`;

export function renderReportHtml(analysis: Analysis, points: readonly GridPointResult[], meta: ReportMeta): string {
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  parts.push(`<title>${esc(meta.title)}</title>`, `<style>${REPORT_CSS}</style>`, '</head>', '<body>');
  parts.push(`<h1>${esc(meta.title)}</h1>`);
  if (meta.experimentId) parts.push(`<p class="meta">experiment <code>${esc(meta.experimentId)}</code></p>`);
  for (const d of meta.details ?? []) parts.push(`<p class="meta">${esc(d.name)}: ${esc(d.value)}</p>`);
  if (meta.partial) parts.push(partialHtml(meta.partial));
  if (meta.provenance) parts.push(provenanceHtml(meta.provenance));
  parts.push(settingsLine(analysis));
  if (analysis.warnings.length > 0) {
    parts.push('<div class="warnings"><strong>Read first</strong><ul>');
    for (const w of analysis.warnings) parts.push(`<li>${esc(w)}</li>`);
    parts.push('</ul></div>');
  }
  parts.push(
    `<nav class="toc">${analysis.envs.map((e) => `<a href="#${figureId('env', e)}">${esc(e)}</a>`).join('')}<a href="#grid-points">grid points</a></nav>`,
  );

  parts.push('<h2 id="sweet-spots">Sweet spots</h2>', sweetSpotSummary(analysis));
  parts.push('<h2 id="correlations">Do falling bounds predict robust-return gains?</h2>');
  parts.push(
    '<p>Spearman rank correlation between the relative decrease of a bound from the dense policy and the robust-return gain ' +
      '(percent of the dense robust return), across sparsities, each bound at its attack’s ε; the dense policy counts as the point (0, 0).</p>',
  );
  parts.push(correlationTable(analysis));
  const certifiedRows = certifiedCorrelationRows(analysis);
  if (certifiedRows.length > 0) {
    parts.push(
      '<p>And against the certified robustness gain: Spearman rank correlation between the fall of the Lipschitz surrogate ' +
        '(1 − L_pruned / L_dense) and the gain in certified robustness (mean over states of 1 − TV bound, in percentage points), ' +
        'across sparsities at the attack’s ε, on seed means and once per seed against its own dense run.</p>',
    );
    parts.push(table(CERTIFIED_CORRELATION_HEAD, certifiedRows));
  }
  parts.push(paperTermsSection(analysis));

  const colours = figureColours([analysis]);
  const overlays = envOverlayFigures(analysis, colours);
  for (const env of analysis.envs) {
    parts.push(`<h2 id="${figureId('env', env)}">${esc(env)}</h2>`);
    const mine = overlays.filter((f) => f.env === env);
    if (mine.length > 0) parts.push('<h3>Overlays</h3>', plots(mine));
    analysis.groups.forEach((g, gi) => {
      if (g.env === env) parts.push(groupSection(analysis, g, gi, colours));
    });
  }

  parts.push('<h2 id="grid-points">Grid points</h2>', '<details><summary>every grid point as given</summary>', pointTable(points), '</details>');
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

/** A page with the heading, provenance and partial state only, and why there is nothing more yet. */
export function renderPendingHtml(meta: ReportMeta, why: string): string {
  const parts = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">'];
  parts.push(`<title>${esc(meta.title)}</title>`, `<style>${REPORT_CSS}</style>`, '</head>', '<body>');
  parts.push(`<h1>${esc(meta.title)}</h1>`);
  if (meta.experimentId) parts.push(`<p class="meta">experiment <code>${esc(meta.experimentId)}</code></p>`);
  for (const d of meta.details ?? []) parts.push(`<p class="meta">${esc(d.name)}: ${esc(d.value)}</p>`);
  if (meta.partial) parts.push(partialHtml(meta.partial));
  if (meta.provenance) parts.push(provenanceHtml(meta.provenance));
  parts.push(`<p class="pending">No results to show yet: ${esc(why)}</p>`, '</body>', '</html>', '');
  return parts.join('\n');
}

function plots(figures: readonly Figure[], prefix = ''): string {
  return ['<div class="plots">', ...figures.map((f) => renderFigure(f, `${prefix}${figureElementId(f)}`)), '</div>'].join('\n');
}

function settingsLine(analysis: Analysis): string {
  const o = analysis.options;
  const norm =
    o.normalise === 'dense_clean'
      ? 'attacked returns divided by the dense clean return (dense_clean)'
      : 'attacked returns divided by the dense return under the same attack and ε (own_dense, the paper’s score)';
  return (
    `<p class="meta">${analysis.pointCount} grid points; envs ${esc(analysis.envs.join(', '))}. Score: ${norm}. ` +
    `The sweet spot is the best score among sparsities keeping ≥ ${formatPercent(o.keepFraction)} of the dense clean return; ` +
    `J* ${o.jStar === null ? 'is the best clean return of each env' : `= ${formatDisplay(o.jStar)}`}; ` +
    `bounds are correlated with the gain under ${esc(o.correlationAttack)}. Shaded bands in figures: mean ± 1 std over seeds.</p>`
  );
}

function pm(s: Stat | null): string {
  if (s === null) return '–';
  return s.std === null ? formatDisplay(s.mean) : `${formatDisplay(s.mean)} ± ${formatDisplay(s.std)}`;
}

function table(head: string[], rows: string[][], rowClasses: string[] = []): string {
  const th = head.map((h, i) => `<th${i === 0 ? ' class="text"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr${rowClasses[i] ? ` class="${rowClasses[i]}"` : ''}>${r.map((cell) => `<td${isProse(cell) ? ' class="prose"' : ''}>${cell}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function targetLabel(g: GroupAnalysis, key: string): string {
  return esc(g.targets.find((t) => t.key === key)?.label ?? key);
}

function gainText(percent: number | null, points: number | null, note: string | null): string {
  const pts = points === null ? '' : ` (${points >= 0 ? '+' : ''}${formatDisplay(points)} pp of dense clean)`;
  if (percent === null) return `${esc(note ?? '–')}${pts}`;
  return `${percent >= 0 ? '+' : ''}${formatDisplay(percent)}%${pts}`;
}

function sweetSpotSummary(analysis: Analysis): string {
  const rows: string[][] = [];
  const perSeed = showsPerSeed(analysis);
  for (const g of analysis.groups) {
    for (const s of g.sweetSpots) {
      const spot = s.spot;
      rows.push([
        esc(g.env), formatDisplay(g.kappa), esc(criterionWithArm(g)), targetLabel(g, s.target),
        spot ? formatPercent(spot.sparsity) : esc(s.reason ?? '–'),
        ...(perSeed ? [perSeedCell(s)] : []),
        spot ? formatDisplay(spot.score) : '–',
        spot ? formatPercent(spot.cleanRetention) : '–',
        spot ? formatDisplay(spot.robustReturn) : '–',
        spot ? formatDisplay(spot.baselineRobustReturn) : '–',
        spot ? gainText(spot.robustnessGainPercent, spot.robustnessGainPoints, spot.robustnessGainNote) : '–',
      ]);
    }
  }
  if (rows.length === 0) return '<p>No attacks were evaluated, so there is no sweet spot.</p>';
  return (perSeed ? PER_SEED_NOTE : '') + table(
    ['env', 'kappa', 'criterion', 'robust return under', 'sweet spot', ...(perSeed ? ['per seed'] : []), 'score', 'clean kept', 'J_attack (sweet)', 'J_attack (dense)', 'robust-return gain'],
    rows,
  );
}

function correlationTable(analysis: Analysis): string {
  const rows: string[][] = [];
  const row = (env: string, kappa: string, criterion: string, r: CorrelationResult): string[] => [
    env, kappa, criterion, esc(r.target), esc(r.bound), String(r.n),
    r.rho === null ? `– (${esc(r.reason ?? '')})` : formatDisplay(r.rho),
    esc(r.excluded.map((e) => `${formatPercent(e.sparsity)} ${e.why}`).join(', ')),
  ];
  for (const g of analysis.groups) {
    for (const r of g.correlations) rows.push(row(esc(g.env), formatDisplay(g.kappa), esc(criterionWithArm(g)), r));
  }
  for (const r of analysis.pooledCorrelations) rows.push(row('all (pooled)', '', '', r));
  if (rows.length === analysis.pooledCorrelations.length && analysis.pooledCorrelations.every((r) => r.n === 0)) {
    return `<p>No certified and ${esc(analysis.options.correlationAttack)}-attacked conditions to correlate.</p>`;
  }
  return table(['env', 'kappa', 'criterion', 'attack', 'bound', 'points', 'Spearman rho', 'left out'], rows);
}

function groupSection(analysis: Analysis, g: GroupAnalysis, gi: number, colours: ReturnType<typeof figureColours>): string {
  const out: string[] = [];
  const figures = groupFigures(analysis, g, colours);
  out.push(`<section class="group" id="group-${gi}">`);
  out.push(`<h3>${esc(g.env)}, kappa ${formatDisplay(g.kappa)}, ${esc(criterionWithArm(g))}</h3>`);
  out.push(
    `<p class="meta">baseline: sparsity ${formatPercent(g.baseline.sparsity)}${g.baseline.isDense ? ' (dense)' : ' (no dense run: lowest sparsity stands in)'}, ` +
      `clean return ${formatDisplay(g.baseline.cleanMean)}; J* = ${formatDisplay(g.jStar)} (${g.jStarSource === 'option' ? 'given' : 'best clean return of the env'})</p>`,
  );
  out.push(plots(figures.comparison));
  if (figures.certificates.length > 0) out.push('<h4>Certificates</h4>', plots(figures.certificates));
  const rest = [figures.monotonicity, figures.training].filter((f): f is Figure => f !== null);
  if (rest.length > 0) out.push('<h4>Training</h4>', plots(rest));

  const robustNorm = analysis.options.normalise === 'dense_clean' ? 'the dense clean return' : 'the dense return under the same attack';
  out.push(`<h4>Returns per condition (mean ± std over seeds; clean normalised by the dense clean return, attacked by ${robustNorm})</h4>`);
  const sweetSparsities = new Set(g.sweetSpots.flatMap((s) => (s.spot ? [s.spot.sparsity] : [])));
  // the sampled-action clean return sits beside the mean-action one when the spec asked for it
  const sampled = g.conditions.some((c) => c.cleanSampled !== undefined);
  out.push(
    table(
      [
        'sparsity', 'seeds', 'clean', 'clean (norm.)',
        ...(sampled ? ['clean, sampled actions', 'sampled (norm. by dense sampled)'] : []),
        ...g.targets.flatMap((t) => [esc(t.label), `${esc(t.label)} (norm.)`]),
      ],
      g.conditions.map((c) => [
        formatPercent(c.sparsity), esc(c.seeds.join(' ')), pm(c.clean), pm(c.cleanNormalised),
        ...(sampled ? [pm(c.cleanSampled ?? null), pm(c.cleanSampledNormalised ?? null)] : []),
        ...c.robust.flatMap((r) => [pm(r.return), pm(r.normalised)]),
      ]),
      g.conditions.map((c) => (sweetSparsities.has(c.sparsity) ? 'sweet' : '')),
    ),
  );

  out.push('<h4>Regret decomposition: J* − J_attack = baseline clean regret + pruning loss + robustness gap</h4>');
  if (figures.regret.length > 0) out.push(plots(figures.regret));
  out.push(
    table(
      ['sparsity', 'attack', 'J*', 'baseline clean regret', 'pruning loss', 'robustness gap', 'total J* − J_attack'],
      g.regret.map((r) => [formatPercent(r.sparsity), targetLabel(g, r.target), formatDisplay(r.jStar), pm(r.baselineCleanRegret), pm(r.pruningLoss), pm(r.robustnessGap), pm(r.total)]),
    ),
  );
  const certTable = certificateTable(g);
  if (certTable) out.push('<h4>Certified bounds, each at its ε</h4>', certTable);
  out.push('</section>');
  return out.join('\n');
}

function labelsText(cs: CertifySummary): string {
  const notes = cs.methods.flatMap((m) => {
    const odd = cs.seeds.flatMap((seed, i) => (m.labels[i] && m.labels[i] !== 'ok' ? [`${seed}`] : []));
    return odd.length === 0 ? [] : [`${m.method} ${m.labels.find((l) => l && l !== 'ok')} (seed ${odd.join(', ')})`];
  });
  return notes.length === 0 ? 'ok' : notes.join('; ');
}

function certificateTable(g: GroupAnalysis): string | null {
  const rows = g.conditions.flatMap((c) => c.certificates.map((cs) => ({ c, cs })));
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.cs.epsilon.mean - b.cs.epsilon.mean || a.c.sparsity - b.c.sparsity);
  const methods = [...new Set(rows.flatMap(({ cs }) => cs.perState.map((ps) => ps.method)))];
  return table(
    ['ε', 'sparsity', 'seeds', 'Lipschitz surrogate', 'spectral product', 'global TV', ...methods.flatMap((m) => [`${esc(m.toUpperCase())} mean TV`, `${esc(m.toUpperCase())} certified fraction`, `${esc(m.toUpperCase())} radius`]), 'labels'],
    rows.map(({ c, cs }) => [
      formatDisplay(cs.epsilon.mean), formatPercent(c.sparsity), esc(cs.seeds.join(' ')), pm(cs.lipschitzSurrogate), pm(cs.spectralProduct), pm(cs.globalTv),
      ...methods.flatMap((m) => {
        const ps = cs.perState.find((p) => p.method === m);
        return [pm(ps?.meanTv ?? null), pm(ps?.certifiedFraction ?? null), pm(ps?.meanCertifiedRadius ?? null)];
      }),
      esc(labelsText(cs)),
    ]),
  );
}

function pointTable(points: readonly GridPointResult[]): string {
  const sorted = sortPoints(points);
  return table(
    ['label', 'seed', 'sparsity', 'clean mean', 'clean std', 'episodes', 'attacks (mean return)', 'certificates (ε: surrogate, global TV)'],
    sorted.map((p) => [
      esc(p.label), String(p.seed), formatPercent(p.sparsity), formatDisplay(p.clean.meanReturn), formatDisplay(p.clean.stdReturn),
      String(p.clean.returns.length),
      esc(p.attacks.map((a) => `${a.attack}@${a.epsilon}: ${formatDisplay(a.result.meanReturn)}`).join('; ')),
      esc(p.certify.map((c) => `${c.epsilon}: ${formatDisplay(c.lipschitzSurrogate)}, ${formatDisplay(c.globalTv)}${c.constant ? ' (constant)' : ''}`).join('; ')),
    ]),
  );
}
