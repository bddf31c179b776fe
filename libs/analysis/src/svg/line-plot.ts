// A small SVG line-plot writer: one string of markup per plot, no scripts, no external libraries.
// Axes with nice ticks and grid lines; per series a shaded band (the seed spread), a polyline and a
// marker at every point, each marker holding a <title> tooltip; vertical bands (the sweet spot)
// with their labels in a strip between the title and the plot area; horizontal reference lines
// (e.g. the vacuous TV bound); a legend to the right. No text is ever drawn inside the plot area,
// so no label can cover a line, and the strip's labels are placed in rows so none covers another.
// A series whose points equal an earlier series' is drawn dashed with hollow markers and named
// "identical to <that series>" in the legend, so it does not vanish under the first.
// Elements carry classes and data-* attributes so tests and readers can find them: svg.plot,
// g.series[data-series], polygon.band, .point[data-x][data-y], rect.x-band, g.highlight, g.legend.

import { escapeXml } from './escape';
import { markerGeometry, markerShape } from './markers';
import { seriesColour } from './palette';
import { formatTick, niceTicks } from './ticks';
import { placeInRows } from './boxes';
import { textWidth, wrapText } from './text-width';
import { formatDisplay, formatNumber } from '../format';

export interface PlotPoint {
  x: number;
  y: number;
  /** Lower and upper edge of the spread band at x (e.g. min and max over seeds); no band where either is null or absent. */
  lo?: number | null;
  hi?: number | null;
  /** Tooltip of the marker: the exact value and what it is over (seeds). Default "<series>: x, y". */
  tooltip?: string;
  /** Extra class of the marker; 'vacuous' and 'constant' markers are drawn hollow. */
  className?: string;
}

export interface PlotSeries {
  name: string;
  points: PlotPoint[];
  /** Dashed line, e.g. for a second quantity of the same colour. */
  dashed?: boolean;
  /** Palette index; default the series' position. Lets one quantity keep its colour across figures. */
  colour?: number;
  /** Marker shape index; default the colour index. */
  marker?: number;
  /** Markers only, no line and no band: points that are not a curve (e.g. a scatter of seeds). */
  markersOnly?: boolean;
}

/** A shaded vertical band over [x0, x1] (at least a few pixels wide), labelled above the plot area. */
export interface PlotBand {
  x0: number;
  x1: number;
  label: string;
  /** Legend entry, e.g. 'sweet spot'. */
  legend: string;
  /** Class of the band's group, e.g. 'sweet-spot'; its label gets '<class>-label'. */
  className: string;
  tooltip: string;
}

/** A marked data location (e.g. an attack's own sweet spot on its curve), drawn as a gold diamond. */
export interface PlotHighlight {
  x: number;
  y: number;
  className: string;
  tooltip: string;
}

/** A horizontal line across the plot area, named in the legend (e.g. TV = 1, the vacuous bound). */
export interface ReferenceLine {
  y: number;
  legend: string;
  className: string;
}

export interface LinePlotSpec {
  /** Unique element id within the page. */
  id: string;
  /** Extra classes of the <svg>, e.g. 'plot-returns'. */
  className: string;
  title: string;
  /** A <desc> after the title (a standalone figure file carries its caption there); none in a page. */
  description?: string;
  xLabel: string;
  yLabel: string;
  series: PlotSeries[];
  bands?: PlotBand[];
  highlights?: PlotHighlight[];
  referenceLines?: ReferenceLine[];
  /** Lines under the legend, e.g. what the shaded bands are. */
  notes?: string[];
  /** Tick label of an x value (default: formatDisplay). */
  formatX?: (x: number) => string;
  /** The y axis covers at least this range (figures placed side by side share one). */
  yCover?: { min: number; max: number };
  /** The x axis covers at least this range. */
  xCover?: { min: number; max: number };
  /** Pixel width of the whole figure (default 720). */
  width?: number;
  /** Pixel height of the plot area (default 250); grows when the legend needs more. */
  plotHeight?: number;
}

const DEFAULT_WIDTH = 720;
const DEFAULT_PLOT_HEIGHT = 250;
const LEFT = 70;
const BOTTOM = 50;
const LEGEND_WIDTH = 230;
/** Legend text starts 16 + 30 px into the legend column and keeps 4 px from the edge. */
const LEGEND_TEXT_WIDTH = LEGEND_WIDTH - 50;
const TITLE_FONT = 14;
const LABEL_FONT = 11;
const LEGEND_FONT = 11;
const LEGEND_LINE = 14;
const MARKER_R = 3.5;
/** Relative tolerance under which two series count as identical (float noise of the same numbers). */
const IDENTICAL_TOLERANCE = 1e-9;

interface Prepared {
  series: PlotSeries;
  colour: string;
  marker: number;
  points: PlotPoint[];
  identicalTo: string | null;
}

export function linePlot(spec: LinePlotSpec): string {
  const width = spec.width ?? DEFAULT_WIDTH;
  const bands = spec.bands ?? [];
  const highlights = spec.highlights ?? [];
  const refs = spec.referenceLines ?? [];
  const formatX = spec.formatX ?? formatDisplay;
  const formatXTick = spec.formatX ?? ((x: number) => formatTick(x, xTicks.step));
  const plotW = width - LEFT - LEGEND_WIDTH;
  const legendX = LEFT + plotW + 16;

  const prepared = prepareSeries(spec.series);

  // Title lines, then the label strip, then the plot area.
  const titleLines = wrapText(spec.title, TITLE_FONT, width - 16);
  const titleBottom = 8 + titleLines.length * (TITLE_FONT + 4);
  const bandLabels = bands.map((b) => ({ band: b, width: textWidth(b.label, LABEL_FONT) }));

  // Domain: every point with its band, every band, highlight and reference line must be visible.
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of prepared.flatMap((s) => s.points)) {
    xs.push(p.x);
    ys.push(p.y);
    if (p.lo !== undefined && p.lo !== null) ys.push(p.lo);
    if (p.hi !== undefined && p.hi !== null) ys.push(p.hi);
  }
  for (const b of bands) xs.push(b.x0, b.x1);
  for (const h of highlights) {
    xs.push(h.x);
    ys.push(h.y);
  }
  for (const r of refs) ys.push(r.y);
  if (spec.yCover) ys.push(spec.yCover.min, spec.yCover.max);
  if (spec.xCover) xs.push(spec.xCover.min, spec.xCover.max);
  const xTicks = niceTicks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1);
  const yTicks = niceTicks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
  const sx = (x: number): number => LEFT + ((x - xTicks.min) / (xTicks.max - xTicks.min)) * plotW;

  const rowPlacement = placeInRows(
    bandLabels.map((l) => ({ centre: sx((l.band.x0 + l.band.x1) / 2), width: l.width })),
    LEFT,
    LEFT + plotW,
  );
  const rowH = LABEL_FONT + 5;
  // Baseline of the lowest label row above the plot area: clear of a marker on the top edge.
  const labelGap = 10;
  const top = titleBottom + 6 + rowPlacement.rows * rowH + (rowPlacement.rows > 0 ? labelGap - 4 : 0);

  // Legend entries (wrapped), which may make the plot area taller.
  const legend = legendEntries(prepared, bands, highlights, refs, spec.notes ?? [], LEGEND_TEXT_WIDTH);
  const plotH = Math.max(spec.plotHeight ?? DEFAULT_PLOT_HEIGHT, legendHeight(legend));
  const height = top + plotH + BOTTOM;
  const sy = (y: number): number => top + plotH - ((y - yTicks.min) / (yTicks.max - yTicks.min)) * plotH;

  const out: string[] = [];
  const titleId = `${spec.id}-title`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(spec.id)}" class="plot ${escapeXml(spec.className)}" ` +
      `viewBox="0 0 ${width} ${c(height)}" width="${width}" height="${c(height)}" font-family="DejaVu Sans, Verdana, sans-serif" ` +
      `role="img" aria-labelledby="${escapeXml(titleId)}">`,
  );
  out.push(`<title id="${escapeXml(titleId)}">${escapeXml(spec.title)}</title>`);
  if (spec.description !== undefined) out.push(`<desc>${escapeXml(spec.description)}</desc>`);
  out.push(`<rect class="background" x="0" y="0" width="${width}" height="${c(height)}" fill="#ffffff"/>`);
  out.push(
    `<text class="plot-title" x="8" y="${8 + TITLE_FONT}" font-size="${TITLE_FONT}" font-weight="600" fill="#222">` +
      titleLines.map((l, i) => `<tspan x="8"${i === 0 ? '' : ` dy="${TITLE_FONT + 4}"`}>${escapeXml(l)}</tspan>`).join('') +
      '</text>',
  );

  // Grid and axes.
  out.push('<g class="axis y-axis" font-size="11" fill="#444">');
  for (const v of yTicks.values) {
    const y = c(sy(v));
    out.push(`<line class="grid" x1="${LEFT}" x2="${LEFT + plotW}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    out.push(`<text class="tick-label" x="${LEFT - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatTick(v, yTicks.step))}</text>`);
  }
  out.push(
    `<text class="axis-label" transform="translate(16 ${c(top + plotH / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(spec.yLabel)}</text>`,
  );
  out.push('</g>');
  out.push('<g class="axis x-axis" font-size="11" fill="#444">');
  for (const v of xTicks.values) {
    const x = c(sx(v));
    out.push(`<line class="grid" x1="${x}" x2="${x}" y1="${c(top)}" y2="${c(top + plotH)}" stroke="#f0f0f0"/>`);
    out.push(`<text class="tick-label" x="${x}" y="${c(top + plotH + 16)}" text-anchor="middle">${escapeXml(formatXTick(v))}</text>`);
  }
  out.push(`<text class="axis-label" x="${c(LEFT + plotW / 2)}" y="${c(height - 12)}" text-anchor="middle" font-size="12">${escapeXml(spec.xLabel)}</text>`);
  out.push('</g>');

  // Vertical bands under everything, their labels in the strip.
  bands.forEach((b, i) => {
    const x0 = sx(Math.min(b.x0, b.x1));
    const x1 = sx(Math.max(b.x0, b.x1));
    const widthPx = Math.max(12, x1 - x0);
    const left = Math.max(LEFT, Math.min(LEFT + plotW - widthPx, (x0 + x1) / 2 - widthPx / 2));
    const place = rowPlacement.placed[i]!;
    const labelY = top - labelGap - place.row * rowH;
    out.push(`<g class="x-band-group ${escapeXml(b.className)}" data-x0="${formatNumber(b.x0)}" data-x1="${formatNumber(b.x1)}">`);
    out.push(
      `<rect class="x-band" x="${c(left)}" y="${c(top)}" width="${c(widthPx)}" height="${c(plotH)}" fill="#FFD700" fill-opacity="0.28" stroke="#C9A800" stroke-dasharray="3 3"><title>${escapeXml(b.tooltip)}</title></rect>`,
    );
    out.push(
      `<text class="band-label ${escapeXml(b.className)}-label" x="${c(place.left)}" y="${c(labelY)}" font-size="${LABEL_FONT}" fill="#222">${escapeXml(b.label)}</text>`,
    );
    out.push('</g>');
  });

  out.push(`<rect class="frame" x="${LEFT}" y="${c(top)}" width="${plotW}" height="${c(plotH)}" fill="none" stroke="#888"/>`);

  for (const r of refs) {
    const y = c(sy(r.y));
    out.push(
      `<line class="reference ${escapeXml(r.className)}" x1="${LEFT}" x2="${LEFT + plotW}" y1="${y}" y2="${y}" stroke="#b00020" stroke-width="1.5" stroke-dasharray="8 3 2 3"><title>${escapeXml(r.legend)}</title></line>`,
    );
  }

  // Series: band, line, then markers on top.
  for (const s of prepared) {
    const dashed = s.series.dashed || s.identicalTo !== null;
    out.push(`<g class="series" data-series="${escapeXml(s.series.name)}" stroke="${s.colour}" fill="${s.colour}">`);
    for (const run of s.series.markersOnly ? [] : spreadRuns(s.points)) {
      const upper = run.map((p) => `${c(sx(p.x))},${c(sy(p.hi!))}`);
      const lower = [...run].reverse().map((p) => `${c(sx(p.x))},${c(sy(p.lo!))}`);
      out.push(`<polygon class="band" data-series="${escapeXml(s.series.name)}" points="${[...upper, ...lower].join(' ')}" fill-opacity="0.16" stroke="none"/>`);
    }
    if (s.points.length > 1 && !s.series.markersOnly) {
      const path = s.points.map((p) => `${c(sx(p.x))},${c(sy(p.y))}`).join(' ');
      out.push(`<polyline class="line" points="${path}" fill="none" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const p of s.points) {
      const hollow = s.identicalTo !== null || p.className === 'vacuous' || p.className === 'constant';
      const r = s.identicalTo !== null ? MARKER_R + 2 : MARKER_R;
      const m = markerGeometry(markerShape(s.marker), sx(p.x), sy(p.y), r, c);
      const cls = `point${p.className ? ` ${escapeXml(p.className)}` : ''}`;
      // An identical series' marker is an empty outline around the first series' filled one.
      const fill = s.identicalTo !== null ? ' fill="none" stroke-width="1.5"' : hollow ? ' fill="#ffffff" stroke-width="1.5"' : '';
      const tip = p.tooltip ?? `${s.series.name}: ${formatX(p.x)}, ${formatDisplay(p.y)}`;
      out.push(
        `<${m.tag} class="${cls}" ${m.attrs}${fill} data-x="${formatNumber(p.x)}" data-y="${formatNumber(p.y)}"><title>${escapeXml(tip)}</title></${m.tag}>`,
      );
    }
    out.push('</g>');
  }

  for (const h of highlights) {
    const px = sx(h.x);
    const py = sy(h.y);
    const d = 7;
    out.push(`<g class="highlight ${escapeXml(h.className)}" data-x="${formatNumber(h.x)}" data-y="${formatNumber(h.y)}">`);
    out.push(
      `<path class="marker" d="M ${c(px)} ${c(py - d)} L ${c(px + d)} ${c(py)} L ${c(px)} ${c(py + d)} L ${c(px - d)} ${c(py)} Z" fill="#FFD700" stroke="#222" stroke-width="1.5"><title>${escapeXml(h.tooltip)}</title></path>`,
    );
    out.push('</g>');
  }

  out.push(renderLegend(legend, legendX, top));
  out.push('</svg>');
  return out.join('\n');
}

function legendHeight(entries: readonly LegendEntry[]): number {
  return entries.reduce((h, e) => h + e.lines.length * LEGEND_LINE + 6, 0);
}

/** The height of the plot area linePlot will draw for this spec (figures in a row can then share one). */
export function plotAreaHeight(spec: LinePlotSpec): number {
  const legend = legendEntries(prepareSeries(spec.series), spec.bands ?? [], spec.highlights ?? [], spec.referenceLines ?? [], spec.notes ?? [], LEGEND_TEXT_WIDTH);
  return Math.max(spec.plotHeight ?? DEFAULT_PLOT_HEIGHT, legendHeight(legend));
}

function prepareSeries(series: readonly PlotSeries[]): Prepared[] {
  const prepared: Prepared[] = [];
  series.forEach((s, i) => {
    const points = [...s.points].sort((a, b) => a.x - b.x);
    const twin = prepared.find((p) => sameCurve(p.points, points));
    const colour = s.colour ?? i;
    prepared.push({ series: s, colour: seriesColour(colour), marker: s.marker ?? colour, points, identicalTo: twin ? twin.series.name : null });
  });
  return prepared;
}

function sameCurve(a: readonly PlotPoint[], b: readonly PlotPoint[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    return p.x === q.x && Math.abs(p.y - q.y) <= IDENTICAL_TOLERANCE * Math.max(1, Math.abs(p.y), Math.abs(q.y));
  });
}

/** Maximal runs of consecutive points that have a spread, each at least two points long. */
function spreadRuns(points: readonly PlotPoint[]): PlotPoint[][] {
  const runs: PlotPoint[][] = [];
  let run: PlotPoint[] = [];
  for (const p of points) {
    if (p.lo !== undefined && p.lo !== null && p.hi !== undefined && p.hi !== null) run.push(p);
    else {
      if (run.length > 1) runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

interface LegendEntry {
  kind: 'series' | 'band' | 'highlight' | 'reference' | 'note';
  lines: string[];
  colour: string;
  dashed: boolean;
  markersOnly: boolean;
  marker: number;
  hollow: boolean;
}

function legendEntries(
  series: readonly Prepared[],
  bands: readonly PlotBand[],
  highlights: readonly PlotHighlight[],
  refs: readonly ReferenceLine[],
  notes: readonly string[],
  textW: number,
): LegendEntry[] {
  const entries: LegendEntry[] = series.map((s) => ({
    kind: 'series',
    lines: wrapText(s.identicalTo === null ? s.series.name : `${s.series.name} (identical to ${s.identicalTo})`, LEGEND_FONT, textW),
    colour: s.colour,
    dashed: s.series.dashed === true || s.identicalTo !== null,
    markersOnly: s.series.markersOnly === true,
    marker: s.marker,
    hollow: s.identicalTo !== null,
  }));
  const none = { colour: '#222', dashed: false, markersOnly: false, marker: 0, hollow: false };
  for (const legendName of [...new Set(bands.map((b) => b.legend))]) entries.push({ kind: 'band', lines: wrapText(legendName, LEGEND_FONT, textW), ...none });
  if (highlights.length > 0) entries.push({ kind: 'highlight', lines: wrapText("an attack's own sweet spot", LEGEND_FONT, textW), ...none });
  for (const r of refs) entries.push({ kind: 'reference', lines: wrapText(r.legend, LEGEND_FONT, textW), ...none });
  for (const n of notes) entries.push({ kind: 'note', lines: wrapText(n, LEGEND_FONT - 1, textW + 28), ...none });
  return entries;
}

function renderLegend(entries: readonly LegendEntry[], lx: number, top: number): string {
  const out: string[] = [`<g class="legend" font-size="${LEGEND_FONT}" fill="#222">`];
  let y = top + 8;
  for (const e of entries) {
    const textX = e.kind === 'note' ? lx : lx + 30;
    const mid = y;
    if (e.kind === 'series') {
      const dash = e.dashed ? ' stroke-dasharray="6 4"' : '';
      if (!e.markersOnly) {
        out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${c(mid)}" y2="${c(mid)}" stroke="${e.colour}" stroke-width="2"${dash}/>`);
        out.push(`<rect x="${lx}" y="${c(mid - 5)}" width="24" height="10" fill="${e.colour}" fill-opacity="0.16"/>`);
      }
      const m = markerGeometry(markerShape(e.marker), lx + 12, mid, e.hollow ? MARKER_R + 2 : MARKER_R, c);
      out.push(`<${m.tag} ${m.attrs} fill="${e.hollow ? '#ffffff' : e.colour}" stroke="${e.colour}"/>`);
    } else if (e.kind === 'band') {
      out.push(`<rect x="${lx + 4}" y="${c(mid - 6)}" width="16" height="12" fill="#FFD700" fill-opacity="0.28" stroke="#C9A800" stroke-dasharray="3 3"/>`);
    } else if (e.kind === 'highlight') {
      out.push(`<path d="M ${lx + 12} ${c(mid - 6)} L ${lx + 18} ${c(mid)} L ${lx + 12} ${c(mid + 6)} L ${lx + 6} ${c(mid)} Z" fill="#FFD700" stroke="#222"/>`);
    } else if (e.kind === 'reference') {
      out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${c(mid)}" y2="${c(mid)}" stroke="#b00020" stroke-width="1.5" stroke-dasharray="8 3 2 3"/>`);
    }
    const fontSize = e.kind === 'note' ? LEGEND_FONT - 1 : LEGEND_FONT;
    const fill = e.kind === 'note' ? ' fill="#555"' : '';
    out.push(
      `<text class="legend-text" x="${textX}" y="${c(mid)}" dominant-baseline="middle" font-size="${fontSize}"${fill}>` +
        e.lines.map((l, i) => `<tspan x="${textX}"${i === 0 ? '' : ` dy="${LEGEND_LINE}"`}>${escapeXml(l)}</tspan>`).join('') +
        '</text>',
    );
    y += e.lines.length * LEGEND_LINE + 6;
  }
  out.push('</g>');
  return out.join('\n');
}

/** Pixel coordinates with two decimals: enough for the eye, and identical text on every run. */
function c(v: number): string {
  return formatNumber(Math.round(v * 100) / 100, 12);
}
