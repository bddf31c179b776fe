// The report page: one self-contained HTML file (inline CSS and SVG, no scripts, no external
// resources) with the sweet spots and correlations up front, then one section per
// (env, kappa, criterion) with its plots and a table of every condition. Nothing in it depends
// on the clock, so the same analysis always renders to the same bytes.

import { sortPoints } from './aggregate';
import type { Analysis, CorrelationResult, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { lipschitzPlot, returnsPlot, trainingPlot, tvPlot } from './report-plots';
import { paperTermsSection } from './report-paper-terms';
import type { Stat } from './stats';
import { escapeXml as esc } from './svg/escape';
import type { GridPointResult } from './types';

export interface ReportMeta {
  /** Page heading, e.g. the experiment's name. */
  title: string;
  /** Experiment id in the ledger, shown under the heading. */
  experimentId?: string;
  /** Further facts to show (spec file, code version, ...). Never a timestamp: reports must be reproducible. */
  details?: Array<{ name: string; value: string }>;
}

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; max-width: 1400px; }
h1 { margin-bottom: 4px; } h2 { margin-top: 40px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
h3 { margin-top: 24px; }
.meta { color: #555; margin: 2px 0; }
.warnings { background: #fff6e0; border: 1px solid #e6c36a; padding: 8px 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: right; white-space: nowrap; }
th { background: #f3f3f3; } td.text, th.text { text-align: left; }
tr.sweet td { background: #fff3b0; }
.table-wrap { overflow-x: auto; }
.plots { display: flex; flex-wrap: wrap; gap: 12px; }
.plots svg { border: 1px solid #e0e0e0; }
.no { color: #b00020; } .yes { color: #006b3c; }
`;

export function renderReportHtml(analysis: Analysis, points: readonly GridPointResult[], meta: ReportMeta): string {
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  parts.push(`<title>${esc(meta.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  parts.push(`<h1>${esc(meta.title)}</h1>`);
  if (meta.experimentId) parts.push(`<p class="meta">experiment <code>${esc(meta.experimentId)}</code></p>`);
  for (const d of meta.details ?? []) parts.push(`<p class="meta">${esc(d.name)}: ${esc(d.value)}</p>`);
  const o = analysis.options;
  parts.push(
    `<p class="meta">${analysis.pointCount} grid points; envs ${esc(analysis.envs.join(', '))}; ` +
      `sweet spot must keep ${formatPercent(o.keepFraction)} of the dense clean return; ` +
      `J* ${o.jStar === null ? 'is the best clean return of each env' : `= ${formatDisplay(o.jStar)}`}; ` +
      `bounds are correlated with the gain under ${esc(o.correlationAttack)}.</p>`,
  );
  if (analysis.warnings.length > 0) {
    parts.push('<div class="warnings"><strong>Read first</strong><ul>');
    for (const w of analysis.warnings) parts.push(`<li>${esc(w)}</li>`);
    parts.push('</ul></div>');
  }

  parts.push('<h2 id="sweet-spots">Sweet spots</h2>', sweetSpotSummary(analysis));
  parts.push('<h2 id="correlations">Do falling bounds predict robust-return gains?</h2>');
  parts.push(
    '<p>Spearman rank correlation between the relative decrease of a bound from the dense policy and the robust-return gain ' +
      '(percent of the dense robust return), across sparsities; the dense policy counts as the point (0, 0).</p>',
  );
  parts.push(correlationTable(analysis));
  parts.push(paperTermsSection(analysis));

  analysis.groups.forEach((g, gi) => parts.push(groupSection(g, gi)));

  parts.push('<h2 id="grid-points">Grid points</h2>', '<details><summary>every grid point as given</summary>', pointTable(points), '</details>');
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function pm(s: Stat | null): string {
  if (s === null) return '–';
  return s.std === null ? formatDisplay(s.mean) : `${formatDisplay(s.mean)} ± ${formatDisplay(s.std)}`;
}

function table(head: string[], rows: string[][], rowClasses: string[] = []): string {
  const th = head.map((h, i) => `<th${i === 0 ? ' class="text"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr${rowClasses[i] ? ` class="${rowClasses[i]}"` : ''}>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function targetLabel(g: GroupAnalysis, key: string): string {
  return esc(g.targets.find((t) => t.key === key)?.label ?? key);
}

function yesNo(ok: boolean): string {
  return ok ? '<span class="yes">yes</span>' : '<span class="no">no</span>';
}

function sweetSpotSummary(analysis: Analysis): string {
  const rows: string[][] = [];
  for (const g of analysis.groups) {
    for (const s of g.sweetSpots) {
      const spot = s.spot;
      rows.push([
        esc(g.env), formatDisplay(g.kappa), esc(g.criterion), targetLabel(g, s.target),
        spot ? formatPercent(spot.sparsity) : esc(s.reason ?? '–'),
        spot ? formatDisplay(spot.score) : '–',
        spot ? formatPercent(spot.cleanRetention) : '–',
        spot ? yesNo(spot.keepsClean) : '–',
        spot ? formatDisplay(spot.robustReturn) : '–',
        spot ? formatDisplay(spot.baselineRobustReturn) : '–',
        spot && spot.robustnessGainPercent !== null ? `${formatDisplay(spot.robustnessGainPercent)}%` : '–',
      ]);
    }
  }
  if (rows.length === 0) return '<p>No attacks were evaluated, so there is no sweet spot.</p>';
  return table(
    ['env', 'kappa', 'criterion', 'robust return under', 'sweet spot', 'score', 'clean kept', `keeps ≥ ${formatPercent(analysis.options.keepFraction)}`, 'J_attack (sweet)', 'J_attack (dense)', 'robustness gain'],
    rows,
  );
}

function correlationTable(analysis: Analysis): string {
  const rows: string[][] = [];
  const row = (env: string, kappa: string, criterion: string, r: CorrelationResult): string[] => [
    env, kappa, criterion, esc(r.target), esc(r.bound), String(r.n),
    r.rho === null ? `– (${esc(r.reason ?? '')})` : formatDisplay(r.rho),
  ];
  for (const g of analysis.groups) {
    for (const r of g.correlations) rows.push(row(esc(g.env), formatDisplay(g.kappa), esc(g.criterion), r));
  }
  for (const r of analysis.pooledCorrelations) rows.push(row('all (pooled)', '', '', r));
  if (rows.length === analysis.pooledCorrelations.length && analysis.pooledCorrelations.every((r) => r.n === 0)) {
    return `<p>No certified and ${esc(analysis.options.correlationAttack)}-attacked conditions to correlate.</p>`;
  }
  return table(['env', 'kappa', 'criterion', 'attack', 'bound', 'points', 'Spearman rho'], rows);
}

function groupSection(g: GroupAnalysis, gi: number): string {
  const out: string[] = [];
  out.push(`<section class="group" id="group-${gi}">`);
  out.push(`<h2>${esc(g.env)}, kappa ${formatDisplay(g.kappa)}, ${esc(g.criterion)}</h2>`);
  out.push(
    `<p class="meta">baseline: sparsity ${formatPercent(g.baseline.sparsity)}${g.baseline.isDense ? ' (dense)' : ' (no dense run: lowest sparsity stands in)'}, ` +
      `clean return ${formatDisplay(g.baseline.cleanMean)}; J* = ${formatDisplay(g.jStar)} (${g.jStarSource === 'option' ? 'given' : 'best clean return of the env'})</p>`,
  );
  const plots = [
    ...g.targets.map((_, k) => returnsPlot(g, gi, k)),
    lipschitzPlot(g, gi),
    tvPlot(g, gi),
    trainingPlot(g, gi),
  ].filter((p): p is string => p !== null);
  out.push('<div class="plots">', ...plots, '</div>');

  out.push('<h3>Returns per condition (mean ± std over seeds; normalised by the dense clean return)</h3>');
  const sweetSparsities = new Set(g.sweetSpots.flatMap((s) => (s.spot ? [s.spot.sparsity] : [])));
  out.push(
    table(
      ['sparsity', 'seeds', 'clean', 'clean (norm.)', ...g.targets.flatMap((t) => [esc(t.label), `${esc(t.label)} (norm.)`])],
      g.conditions.map((c) => [
        formatPercent(c.sparsity), esc(c.seeds.join(' ')), pm(c.clean), pm(c.cleanNormalised),
        ...c.robust.flatMap((r) => [pm(r.return), pm(r.normalised)]),
      ]),
      g.conditions.map((c) => (sweetSparsities.has(c.sparsity) ? 'sweet' : '')),
    ),
  );

  out.push('<h3>Regret decomposition: J* − J_attack = baseline clean regret + pruning loss + robustness gap</h3>');
  out.push(
    table(
      ['sparsity', 'attack', 'J*', 'baseline clean regret', 'pruning loss', 'robustness gap', 'total J* − J_attack'],
      g.regret.map((r) => [formatPercent(r.sparsity), targetLabel(g, r.target), formatDisplay(r.jStar), pm(r.baselineCleanRegret), pm(r.pruningLoss), pm(r.robustnessGap), pm(r.total)]),
    ),
  );

  const certified = g.conditions.filter((c) => c.certify !== null);
  if (certified.length > 0) {
    const methods = [...new Set(certified.flatMap((c) => c.certify!.perState.map((ps) => ps.method)))];
    out.push('<h3>Certified bounds</h3>');
    out.push(
      table(
        ['sparsity', 'ε', 'Lipschitz surrogate', 'spectral product', 'global TV', ...methods.flatMap((m) => [`${esc(m.toUpperCase())} mean TV`, `${esc(m.toUpperCase())} certified fraction`])],
        certified.map((c) => {
          const cert = c.certify!;
          return [
            formatPercent(c.sparsity), pm(cert.epsilon), pm(cert.lipschitzSurrogate), pm(cert.spectralProduct), pm(cert.globalTv),
            ...methods.flatMap((m) => {
              const ps = cert.perState.find((p) => p.method === m);
              return [pm(ps?.meanTv ?? null), pm(ps?.certifiedFraction ?? null)];
            }),
          ];
        }),
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function pointTable(points: readonly GridPointResult[]): string {
  const sorted = sortPoints(points);
  return table(
    ['label', 'seed', 'sparsity', 'clean mean', 'clean std', 'episodes', 'attacks (mean return)', 'surrogate', 'global TV'],
    sorted.map((p) => [
      esc(p.label), String(p.seed), formatPercent(p.sparsity), formatDisplay(p.clean.meanReturn), formatDisplay(p.clean.stdReturn),
      String(p.clean.returns.length),
      esc(p.attacks.map((a) => `${a.attack}@${a.epsilon}: ${formatDisplay(a.result.meanReturn)}`).join('; ')),
      formatDisplay(p.certify[0]?.lipschitzSurrogate ?? null), formatDisplay(p.certify[0]?.globalTv ?? null),
    ]),
  );
}
