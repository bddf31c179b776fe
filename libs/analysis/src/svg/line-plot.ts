// A small SVG line-plot writer: one string of markup per plot, no scripts, no external libraries.
// Axes with nice ticks and grid lines, one polyline per series with a marker at every data point,
// vertical error bars (the seed spread), optional highlighted markers (the sweet spot), and a
// legend to the right of the plot area. Elements carry classes and data-* attributes so tests and
// readers can find them: svg.plot, g.series[data-series], circle.point[data-x][data-y],
// line.error-bar, g.highlight.

import { escapeXml } from './escape';
import { seriesColour } from './palette';
import { niceTicks } from './ticks';
import { formatDisplay, formatNumber } from '../format';

export interface PlotPoint {
  x: number;
  y: number;
  /** Half-length of the error bar, e.g. the seed standard deviation; none when null or absent. */
  err?: number | null;
}

export interface PlotSeries {
  name: string;
  points: PlotPoint[];
  /** Dashed line, for derived series such as a score. */
  dashed?: boolean;
}

/** A highlighted location, drawn as a vertical guide and a large diamond with a label. */
export interface PlotHighlight {
  x: number;
  y: number;
  label: string;
  /** Short name in the legend, e.g. 'sweet spot'. */
  legend: string;
  /** Extra class on the group, e.g. 'sweet-spot'. */
  className: string;
}

export interface LinePlotSpec {
  /** Unique element id within the page. */
  id: string;
  /** Extra classes of the <svg>, e.g. 'plot-returns'. */
  className: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: PlotSeries[];
  highlights?: PlotHighlight[];
  /** Tick label of an x value (default: 4 significant digits). */
  formatX?: (x: number) => string;
  /** Pixel width of the whole figure (default 640). */
  width?: number;
  /** Pixel height of the whole figure (default 340). */
  height?: number;
}

const MARGIN = { top: 34, right: 200, bottom: 50, left: 70 };

export function linePlot(spec: LinePlotSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 340;
  const highlights = spec.highlights ?? [];
  const formatX = spec.formatX ?? formatDisplay;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;

  // Domain: every point with its error bar and every highlight must be visible.
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of spec.series) {
    for (const p of s.points) {
      xs.push(p.x);
      const e = p.err ?? 0;
      ys.push(p.y - e, p.y + e);
    }
  }
  for (const h of highlights) {
    xs.push(h.x);
    ys.push(h.y);
  }
  const xTicks = niceTicks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1);
  const yTicks = niceTicks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
  const sx = (x: number): number => MARGIN.left + ((x - xTicks.min) / (xTicks.max - xTicks.min)) * plotW;
  const sy = (y: number): number => MARGIN.top + plotH - ((y - yTicks.min) / (yTicks.max - yTicks.min)) * plotH;

  const out: string[] = [];
  const titleId = `${spec.id}-title`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(spec.id)}" class="plot ${escapeXml(spec.className)}" ` +
      `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${escapeXml(titleId)}">`,
  );
  out.push(`<title id="${escapeXml(titleId)}">${escapeXml(spec.title)}</title>`);
  out.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text class="plot-title" x="${MARGIN.left}" y="20" font-size="14" font-weight="600" fill="#222">${escapeXml(spec.title)}</text>`,
  );

  // Grid and axes.
  out.push('<g class="axis y-axis" font-size="11" fill="#444">');
  for (const v of yTicks.values) {
    const y = c(sy(v));
    out.push(`<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatDisplay(v))}</text>`);
  }
  out.push(
    `<text class="axis-label" transform="translate(16 ${c(MARGIN.top + plotH / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(spec.yLabel)}</text>`,
  );
  out.push('</g>');
  out.push('<g class="axis x-axis" font-size="11" fill="#444">');
  for (const v of xTicks.values) {
    const x = c(sx(v));
    out.push(`<line class="grid" x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${x}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${escapeXml(formatX(v))}</text>`);
  }
  out.push(
    `<text class="axis-label" x="${c(MARGIN.left + plotW / 2)}" y="${height - 10}" text-anchor="middle" font-size="12">${escapeXml(spec.xLabel)}</text>`,
  );
  out.push('</g>');
  out.push(
    `<rect class="frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
  );

  // Series: line, error bars, then points on top.
  spec.series.forEach((s, i) => {
    const colour = seriesColour(i);
    const points = [...s.points].sort((a, b) => a.x - b.x);
    out.push(`<g class="series" data-series="${escapeXml(s.name)}" stroke="${colour}" fill="${colour}">`);
    if (points.length > 1) {
      const path = points.map((p) => `${c(sx(p.x))},${c(sy(p.y))}`).join(' ');
      const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
      out.push(`<polyline class="line" points="${path}" fill="none" stroke-width="2"${dash}/>`);
    }
    for (const p of points) {
      if (p.err === undefined || p.err === null || p.err === 0) continue;
      const x = c(sx(p.x));
      out.push(`<line class="error-bar" x1="${x}" x2="${x}" y1="${c(sy(p.y - p.err))}" y2="${c(sy(p.y + p.err))}" stroke-width="1.5"/>`);
    }
    for (const p of points) {
      out.push(
        `<circle class="point" cx="${c(sx(p.x))}" cy="${c(sy(p.y))}" r="3.5" data-x="${formatNumber(p.x)}" data-y="${formatNumber(p.y)}"/>`,
      );
    }
    out.push('</g>');
  });

  // Highlights (sweet spots) above the series.
  for (const h of highlights) {
    const px = sx(h.x);
    const py = sy(h.y);
    const d = 8;
    out.push(`<g class="highlight ${escapeXml(h.className)}" data-x="${formatNumber(h.x)}" data-y="${formatNumber(h.y)}">`);
    out.push(`<line x1="${c(px)}" x2="${c(px)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#222" stroke-dasharray="2 3"/>`);
    out.push(
      `<path class="marker" d="M ${c(px)} ${c(py - d)} L ${c(px + d)} ${c(py)} L ${c(px)} ${c(py + d)} L ${c(px - d)} ${c(py)} Z" fill="#FFD700" stroke="#222" stroke-width="1.5"/>`,
    );
    out.push(`<text x="${c(px + 10)}" y="${c(py - 10)}" font-size="11" fill="#222">${escapeXml(h.label)}</text>`);
    out.push('</g>');
  }

  // Legend to the right.
  const lx = MARGIN.left + plotW + 16;
  out.push(`<g class="legend" font-size="11" fill="#222">`);
  spec.series.forEach((s, i) => {
    const y = MARGIN.top + 8 + i * 18;
    const colour = seriesColour(i);
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"${dash}/>`);
    out.push(`<circle cx="${lx + 11}" cy="${y}" r="3.5" fill="${colour}"/>`);
    out.push(`<text x="${lx + 28}" y="${y}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  if (highlights.length > 0) {
    const y = MARGIN.top + 8 + spec.series.length * 18;
    out.push(`<path d="M ${lx + 11} ${y - 6} L ${lx + 17} ${y} L ${lx + 11} ${y + 6} L ${lx + 5} ${y} Z" fill="#FFD700" stroke="#222"/>`);
    out.push(`<text x="${lx + 28}" y="${y}" dominant-baseline="middle">${escapeXml(highlights[0]!.legend)}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

/** Pixel coordinates with two decimals: enough for the eye, and identical text on every run. */
function c(v: number): string {
  return formatNumber(Math.round(v * 100) / 100, 12);
}
