// The compare page: several experiments (e.g. 64-64 against 256-256 actors, micro-pruning against
// one-shot, two code versions) on one self-contained HTML page. First what produced each, then
// their sweet spots side by side (with each seed's own for an experiment of >= 2 seeds), then overlays (one plot per env, kappa, criterion and attack with
// each experiment's clean curve solid and attacked curve dashed in its colour), and then every
// figure of the reports in a row, one column per experiment, on a shared y axis.

import { WORST_CASE_KEY } from './aggregate';
import type { Analysis, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { figureColours, figureId, renderFigure, type Figure } from './report-figure';
import { REPORT_CSS } from './report-html';
import { isProse } from './report-prose';
import { PER_SEED_NOTE, perSeedCell, showsPerSeed } from './report-seed-spots';
import { allFigures } from './report-plots';
import type { PartialState, Provenance } from './report-provenance';
import { cleanSeries, normalisable, robustSeries } from './report-returns-figures';
import { BAND_NOTE } from './report-series';
import { escapeXml as esc } from './svg/escape';
import { plotAreaHeight, type LinePlotSpec, type PlotSeries } from './svg/line-plot';

export interface CompareEntry {
  id: string;
  /** The experiment's name. */
  name: string;
  analysis: Analysis;
  provenance?: Provenance;
  partial?: PartialState;
}

const COMPARE_CSS = `
body { max-width: none; }
.compare-row { display: grid; gap: 12px; overflow-x: auto; margin-bottom: 18px; }
.compare-row .missing { border: 1px dashed #ccc; color: #777; padding: 16px; font-size: 13px; }
@media print { .compare-row { overflow: visible; } }
`;

/** 'A', 'B', ... then 'AA': the short name of an experiment in titles and legends. */
export function columnLabel(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function renderComparePage(entries: readonly CompareEntry[], title: string): string {
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  parts.push(`<title>${esc(title)}</title>`, `<style>${REPORT_CSS}${COMPARE_CSS}</style>`, '</head>', '<body>');
  parts.push(`<h1>${esc(title)}</h1>`);
  parts.push('<h2 id="experiments">Experiments</h2>', experimentsTable(entries));
  parts.push('<h2 id="sweet-spots">Sweet spots side by side</h2>', sweetSpotTable(entries));

  const overlays = compareOverlays(entries);
  if (overlays.length > 0) {
    parts.push('<h2 id="overlays">Overlays</h2>', '<div class="plots">', ...overlays.map((f) => renderFigure(f, `cmp-${f.key}`)), '</div>');
  }

  parts.push('<h2 id="side-by-side">Every figure, side by side</h2>');
  parts.push(`<p class="meta">One column per experiment (${entries.map((e, i) => `${columnLabel(i)} = ${esc(e.name)}`).join(', ')}); figures in a row share their y axis and plot height.</p>`);
  const colours = figureColours(entries.map((e) => e.analysis));
  const perEntry = entries.map((e) => new Map(allFigures(e.analysis, colours).map((f) => [f.key, f])));
  const keys: string[] = [];
  for (const m of perEntry) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
  for (const key of keys) {
    const figures = perEntry.map((m) => m.get(key) ?? null);
    const present = figures.filter((f): f is Figure => f !== null);
    const cover = sharedYRange(present.map((f) => f.spec));
    const plotHeight = Math.max(...present.map((f) => plotAreaHeight(f.spec)));
    parts.push(`<div class="compare-row" data-key="${esc(key)}" style="grid-template-columns: repeat(${entries.length}, 722px);">`);
    figures.forEach((f, i) => {
      if (f === null) parts.push(`<div class="missing">${esc(columnLabel(i))}: no such figure in ${esc(entries[i]!.name)}</div>`);
      else parts.push(renderFigure({ ...f, spec: { ...f.spec, title: `${columnLabel(i)} · ${f.spec.title}`, plotHeight } }, `c${i}-${key}`, cover ?? undefined));
    });
    parts.push('</div>');
  }
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function experimentsTable(entries: readonly CompareEntry[]): string {
  const head = ['', 'id', 'name', 'grid points', 'state', 'git commit', 'spec hash', 'NN kernels', 'stages (run / cached / failed)'];
  const rows = entries.map((e, i) => {
    const p = e.provenance;
    return [
      columnLabel(i), `<code>${esc(e.id)}</code>`, esc(e.name), String(e.analysis.pointCount),
      e.partial ? `partial (${esc(e.partial.state)}, ${e.partial.stagesDone}/${e.partial.stagesTotal} stages)` : 'finished',
      p ? (p.gitCommit === null ? '–' : `<code>${esc(p.gitCommit.slice(0, 12))}</code>${p.gitDirty ? ' (dirty)' : ''}`) : '–',
      p ? `<code>${esc(p.specHash)}</code>` : '–',
      p ? esc(p.nnKernels) : '–',
      p ? `${p.stages.run} / ${p.stages.cached} / ${p.stages.failed}` : '–',
    ];
  });
  return tableHtml(head, rows);
}

function tableHtml(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th class="text">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td class="${isProse(c) ? 'prose' : 'text'}">${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/**
 * One row per (env, kappa, criterion, target), one column per experiment; an experiment with a group
 * of >= 2 seeds also gets its "per seed" column beside its own, as in its report's sweet-spot table.
 */
function sweetSpotTable(entries: readonly CompareEntry[]): string {
  const rowKeys: string[] = [];
  const seedColumns = entries.map((e) => showsPerSeed(e.analysis));
  const cells = new Map<string, string[][]>();
  entries.forEach((e, i) => {
    for (const g of e.analysis.groups) {
      for (const s of g.sweetSpots) {
        const key = JSON.stringify([g.env, g.kappa, g.criterion, s.target]);
        if (!cells.has(key)) {
          rowKeys.push(key);
          cells.set(
            key,
            entries.map((_, j) => (seedColumns[j] ? ['–', '–'] : ['–'])),
          );
        }
        const cell = cells.get(key)![i]!;
        cell[0] = s.spot ? `${formatPercent(s.spot.sparsity)} (score ${formatDisplay(s.spot.score)})` : esc(s.reason ?? 'none');
        if (seedColumns[i]) cell[1] = perSeedCell(s);
      }
    }
  });
  if (rowKeys.length === 0) return '<p>No experiment has attacked results, so there are no sweet spots.</p>';
  const heads = entries.flatMap((e, i) => [`${columnLabel(i)}: ${esc(e.name)}`, ...(seedColumns[i] ? [`${columnLabel(i)}: per seed`] : [])]);
  return (
    (seedColumns.some((x) => x) ? PER_SEED_NOTE : '') +
    tableHtml(
      ['env', 'kappa', 'criterion', 'target', ...heads],
      rowKeys.map((key) => {
        const [env, kappa, criterion, target] = JSON.parse(key) as [string, number, string, string];
        return [esc(env), formatDisplay(kappa), esc(criterion), esc(target), ...cells.get(key)!.flat()];
      }),
    )
  );
}

/** One overlay per (env, kappa, criterion, attack target) found in two or more experiments. */
function compareOverlays(entries: readonly CompareEntry[]): Figure[] {
  const byKey = new Map<string, Array<{ i: number; g: GroupAnalysis }>>();
  entries.forEach((e, i) => {
    for (const g of e.analysis.groups) {
      const key = JSON.stringify([g.env, g.kappa, g.criterion]);
      byKey.set(key, [...(byKey.get(key) ?? []), { i, g }]);
    }
  });
  const figures: Figure[] = [];
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    const first = members[0]!.g;
    const normalised = members.every((m) => normalisable(m.g));
    const targets = [...new Set(members.flatMap((m) => m.g.targets.filter((t) => t.key !== WORST_CASE_KEY).map((t) => t.key)))];
    for (const key of targets) {
      const target = members.flatMap((m) => m.g.targets).find((t) => t.key === key)!;
      const series: PlotSeries[] = [];
      for (const { i, g } of members) {
        series.push(cleanSeries(g, normalised, `${columnLabel(i)}: clean`, i, i));
        const k = g.targets.findIndex((t) => t.key === key);
        if (k >= 0) series.push(robustSeries(g, k, normalised, `${columnLabel(i)}: ${target.attack}`, i, true, i));
      }
      figures.push({
        env: first.env,
        key: figureId('compare', first.env, first.kappa, first.criterion, key),
        spec: {
          id: '',
          className: 'plot-overlay plot-compare',
          title: `${first.env} · κ ${first.kappa} · ${first.criterion} · ${target.attack} at ε = ${target.epsilon}`,
          xLabel: 'sparsity',
          yLabel: normalised ? 'return / dense clean return' : 'mean episode return',
          series,
          notes: [BAND_NOTE, 'solid: clean; dashed: attacked'],
          formatX: formatPercent,
        },
        caption: `Each experiment's clean return (solid) and return under ${target.label} (dashed) against sparsity${normalised ? ', each divided by its own dense clean return' : ''}; experiments: ${members.map(({ i }) => `${columnLabel(i)} = ${entries[i]!.name}`).join(', ')}.`,
      });
    }
  }
  return figures;
}

/** The y range covering every point, band, highlight and reference line of the specs. */
export function sharedYRange(specs: readonly LinePlotSpec[]): { min: number; max: number } | null {
  const ys: number[] = [];
  for (const s of specs) {
    for (const series of s.series) {
      for (const p of series.points) {
        ys.push(p.y);
        if (p.lo !== undefined && p.lo !== null) ys.push(p.lo);
        if (p.hi !== undefined && p.hi !== null) ys.push(p.hi);
      }
    }
    for (const h of s.highlights ?? []) ys.push(h.y);
    for (const r of s.referenceLines ?? []) ys.push(r.y);
  }
  return ys.length === 0 ? null : { min: Math.min(...ys), max: Math.max(...ys) };
}
