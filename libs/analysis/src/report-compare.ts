// The compare page: several experiments (e.g. 64-64 against 256-256 actors, micro-pruning against
// one-shot, two code versions) on one self-contained HTML page. First what produced each, then
// their sweet spots side by side (with each seed's own for an experiment of >= 2 seeds), then overlays (one plot per env, kappa, criterion and attack with
// each experiment's clean curve solid and attacked curve dashed in its colour), and then every
// figure of the reports in a row, one column per experiment, on a shared y axis.
//
// Pruning arms: a group is (env, kappa, criterion, arm), but the page pairs groups ACROSS experiments
// by (env, kappa, criterion): the arm is what a micro-pruning against one-shot (or elementwise against
// neuron) comparison compares, as the actor width is for 64-64 against 256-256, so those groups share
// a table row, an overlay and a figure row, and the cell and legend entry of a group that is not
// micro-pruning elementwise name its arm ('one-shot: 50% (score 1.02)'), as its figures' titles do. Two arms of one
// experiment stay apart: both in one cell, each named; both in an overlay; one figure row per arm.
// Groups of one shared arm are not named per cell: the row's criterion (or the overlay's title) says it.

import { WORST_CASE_KEY } from './aggregate';
import { armName, criterionWithArm } from './pruning-arm';
import type { Analysis, GroupAnalysis, SweetSpotResult } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { figureColours, figureElementId, figureId, renderFigure, type Figure } from './report-figure';
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
    parts.push('<h2 id="overlays">Overlays</h2>', '<div class="plots">', ...overlays.map((f) => renderFigure(f, compareOverlayId(f))), '</div>');
  }

  parts.push('<h2 id="side-by-side">Every figure, side by side</h2>');
  parts.push(`<p class="meta">One column per experiment (${entries.map((e, i) => `${columnLabel(i)} = ${esc(e.name)}`).join(', ')}); figures in a row share their y axis and plot height.</p>`);
  const colours = figureColours(entries.map((e) => e.analysis));
  // an experiment's figures by key: one per arm of the group, in the analysis' (arm) order
  const perEntry = entries.map((e) => {
    const byKey = new Map<string, Figure[]>();
    for (const f of allFigures(e.analysis, colours)) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
    return byKey;
  });
  const rows: Array<{ key: string; nth: number }> = [];
  for (const m of perEntry) {
    for (const [key, figures] of m) {
      for (let nth = 0; nth < figures.length; nth++) if (!rows.some((r) => r.key === key && r.nth === nth)) rows.push({ key, nth });
    }
  }
  for (const { key, nth } of rows) {
    const figures = perEntry.map((m) => m.get(key)?.[nth] ?? null);
    const present = figures.filter((f): f is Figure => f !== null);
    const cover = sharedYRange(present.map((f) => f.spec));
    const plotHeight = Math.max(...present.map((f) => plotAreaHeight(f.spec)));
    parts.push(`<div class="compare-row" data-key="${esc(key)}" style="grid-template-columns: repeat(${entries.length}, 722px);">`);
    figures.forEach((f, i) => {
      if (f === null) parts.push(`<div class="missing">${esc(columnLabel(i))}: no such figure in ${esc(entries[i]!.name)}</div>`);
      else parts.push(renderFigure({ ...f, spec: { ...f.spec, title: `${columnLabel(i)} · ${f.spec.title}`, plotHeight } }, `c${i}-${figureElementId(f)}`, cover ?? undefined));
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
 * The row's criterion names the arm its groups share; groups of different arms in a row are named in
 * their cells ('one-shot: 50% (score 1.02)'), two of one experiment one under the other.
 */
function sweetSpotTable(entries: readonly CompareEntry[]): string {
  const seedColumns = entries.map((e) => showsPerSeed(e.analysis));
  const byRow = new Map<string, Array<{ i: number; g: GroupAnalysis; s: SweetSpotResult }>>();
  entries.forEach((e, i) => {
    for (const g of e.analysis.groups) {
      for (const s of g.sweetSpots) {
        const key = JSON.stringify([g.env, g.kappa, g.criterion, s.target]);
        byRow.set(key, [...(byRow.get(key) ?? []), { i, g, s }]);
      }
    }
  });
  if (byRow.size === 0) return '<p>No experiment has attacked results, so there are no sweet spots.</p>';
  const rows = [...byRow].map(([key, members]) => {
    const [env, kappa, , target] = JSON.parse(key) as [string, number, string, string];
    const sharedArm = new Set(members.map((m) => armName(m.g))).size === 1;
    const cells = entries.map((_, j) => (seedColumns[j] ? ['–', '–'] : ['–']));
    for (const { i, g, s } of members) {
      const named = (text: string) => (sharedArm || armName(g) === '' ? text : `${esc(armName(g))}: ${text}`);
      const values = [named(s.spot ? `${formatPercent(s.spot.sparsity)} (score ${formatDisplay(s.spot.score)})` : esc(s.reason ?? 'none'))];
      if (seedColumns[i]) values.push(named(perSeedCell(s)));
      const first = members.find((m) => m.i === i)!.g === g;
      values.forEach((v, k) => (cells[i]![k] = first ? v : `${cells[i]![k]}<br>${v}`));
    }
    const criterion = sharedArm ? criterionWithArm(members[0]!.g) : members[0]!.g.criterion;
    return [esc(env), formatDisplay(kappa), esc(criterion), esc(target), ...cells.flat()];
  });
  const heads = entries.flatMap((e, i) => [`${columnLabel(i)}: ${esc(e.name)}`, ...(seedColumns[i] ? [`${columnLabel(i)}: per seed`] : [])]);
  return (seedColumns.some((x) => x) ? PER_SEED_NOTE : '') + tableHtml(['env', 'kappa', 'criterion', 'target', ...heads], rows);
}

/**
 * One overlay per (env, kappa, criterion, attack target) found in two or more groups (experiments, or
 * arms of one): each group's curves in its own colour, named by its column and its arm.
 */
export function compareOverlays(entries: readonly CompareEntry[]): Figure[] {
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
    // an experiment's first group takes its column's colour; a second arm of it, the next free one
    let extra = entries.length;
    const seen = new Set<number>();
    const sharedArm = new Set(members.map((m) => armName(m.g))).size === 1;
    const drawn = members.map(({ i, g }) => {
      const colour = seen.has(i) ? extra++ : i;
      seen.add(i);
      const arm = armName(g);
      return { i, g, colour, name: sharedArm || arm === '' ? columnLabel(i) : `${columnLabel(i)} ${arm}` };
    });
    for (const key of targets) {
      const target = members.flatMap((m) => m.g.targets).find((t) => t.key === key)!;
      const series: PlotSeries[] = [];
      for (const { g, colour, name } of drawn) {
        series.push(cleanSeries(g, normalised, `${name}: clean`, colour, colour));
        const k = g.targets.findIndex((t) => t.key === key);
        if (k >= 0) series.push(robustSeries(g, k, normalised, `${name}: ${target.attack}`, colour, true, colour));
      }
      figures.push({
        env: first.env,
        key: figureId('compare', first.env, first.kappa, first.criterion, key),
        arm: '',
        spec: {
          id: '',
          className: 'plot-overlay plot-compare',
          title: `${first.env} · κ ${first.kappa} · ${sharedArm ? criterionWithArm(first) : first.criterion} · ${target.attack} at ε = ${target.epsilon}`,
          xLabel: 'sparsity',
          yLabel: normalised ? 'return / dense clean return' : 'mean episode return',
          series,
          notes: [BAND_NOTE, 'solid: clean; dashed: attacked'],
          formatX: formatPercent,
        },
        caption: `Each experiment's clean return (solid) and return under ${target.label} (dashed) against sparsity${normalised ? ', each divided by its own dense clean return' : ''}; experiments: ${drawn.map(({ i, name }) => `${name} = ${entries[i]!.name}`).join(', ')}.`,
      });
    }
  }
  return figures;
}

/** An overlay's element id in the compare page (and its figure file's name). */
export function compareOverlayId(f: Pick<Figure, 'key'>): string {
  return `cmp-${f.key}`;
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
