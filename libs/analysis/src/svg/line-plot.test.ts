import { describe, expect, it } from 'vitest';
import { formatDisplay, formatNumber, formatPercent } from '../format';
import { intersects, placeInRows } from './boxes';
import { linePlot } from './line-plot';
import { formatTick, niceTicks } from './ticks';
import { textWidth, wrapText } from './text-width';

describe('niceTicks', () => {
  it('covers the data with round steps', () => {
    expect(niceTicks(0, 0.9)).toEqual({ min: 0, max: 1, values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2 });
    expect(niceTicks(812, 3021).values).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500]);
    expect(niceTicks(0.1, 0.3).values).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('labels ticks with the decimals their step needs, so neighbours never read the same', () => {
    const t = niceTicks(0.998, 1);
    expect(t.values.map((v) => formatTick(v, t.step))).toEqual(['0.998', '0.9985', '0.999', '0.9995', '1']);
    expect(formatTick(2500, 500)).toBe('2500');
    expect(formatTick(-0.0000001, 0.1)).toBe('0');
  });

  it('opens an axis around a flat series', () => {
    const t = niceTicks(5, 5);
    expect(t.min).toBeLessThan(5);
    expect(t.max).toBeGreaterThan(5);
  });
});

describe('formatNumber and formatDisplay', () => {
  it('files: up to 10 significant digits, no trailing zeros, no -0', () => {
    expect(formatNumber(2383.1)).toBe('2383.1');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(123456789012)).toBe('1.23456789e+11');
    expect(formatNumber(null)).toBe('');
  });

  it('pages: 3 significant digits, whole numbers from 1000, float noise around 0 as 0', () => {
    expect(formatDisplay(1.516e-13)).toBe('0');
    expect(formatDisplay(-3e-12)).toBe('0');
    expect(formatDisplay(0.123456)).toBe('0.123');
    expect(formatDisplay(0.000123456)).toBe('0.000123');
    expect(formatDisplay(12.345)).toBe('12.3');
    expect(formatDisplay(3019.6)).toBe('3020');
    expect(formatDisplay(null)).toBe('–');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.12345)).toBe('12.3%');
  });
});

describe('text layout', () => {
  it('wraps at spaces within the width and keeps every word', () => {
    const lines = wrapText('worst case over attacks (identical to clean)', 11, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) if (l.includes(' ')) expect(textWidth(l, 11)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe('worst case over attacks (identical to clean)');
  });

  it('places overlapping labels in separate rows and keeps them inside the range', () => {
    const { rows, placed } = placeInRows([{ centre: 100, width: 80 }, { centre: 120, width: 80 }, { centre: 400, width: 80 }, { centre: 5, width: 60 }], 0, 450);
    expect(rows).toBe(2);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0, 1]);
    expect(placed[3]!.left).toBe(0);
    expect(placed[2]!.left).toBe(360);
    const box = (i: number) => ({ x: placed[i]!.left, y: placed[i]!.row * 20, width: 80, height: 16 });
    expect(intersects(box(0), box(1))).toBe(false);
  });
});

describe('linePlot', () => {
  const svg = linePlot({
    id: 'p1',
    className: 'plot-returns',
    title: 'Hopper <v4> & co',
    xLabel: 'sparsity',
    yLabel: 'return',
    series: [
      { name: 'clean', points: [{ x: 0.5, y: 0.9, lo: 0.85, hi: 0.95, tooltip: 'clean at 50%: 0.9' }, { x: 0, y: 1, lo: 1, hi: 1 }, { x: 0.9, y: 0.6, lo: 0.5, hi: 0.7 }] },
      { name: 'mad "ε"', points: [{ x: 0, y: 0.3 }, { x: 0.5, y: 0.5 }], dashed: true },
      { name: 'random', points: [{ x: 0, y: 1 }, { x: 0.5, y: 0.9 }, { x: 0.9, y: 0.6 + 1e-14 }] },
    ],
    bands: [{ x0: 0.5, x1: 0.5, label: 'sweet spot 50%', legend: 'sweet spot', className: 'sweet-spot', tooltip: 'best score' }],
    highlights: [{ x: 0.5, y: 0.5, className: 'sweet-spot', tooltip: 'mad sweet spot' }],
    referenceLines: [{ y: 1, legend: 'TV = 1: vacuous', className: 'vacuous-line' }],
  });

  it('draws one marker per data point with its values and a tooltip, sorted by x', () => {
    const points = [...svg.matchAll(/class="point"[^>]*data-x="([^"]+)" data-y="([^"]+)"><title>/g)].map((m) => [m[1], m[2]]);
    expect(points).toEqual([['0', '1'], ['0.5', '0.9'], ['0.9', '0.6'], ['0', '0.3'], ['0.5', '0.5'], ['0', '1'], ['0.5', '0.9'], ['0.9', '0.6']]);
    expect(svg).toContain('<title>clean at 50%: 0.9</title>');
    expect(svg).toContain('<title>mad &quot;ε&quot;: 0, 0.3</title>');
    expect(svg.match(/<polyline class="line"/g)).toHaveLength(3);
  });

  it('shades the spread of a series that has one, and only there', () => {
    expect(svg.match(/<polygon class="band" data-series="clean"/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<polygon class="band" data-series="random"/);
  });

  it('draws a markers-only series (a scatter) without line, band or legend line, and carries a <desc> when given one', () => {
    const scatter = linePlot({
      id: 's1',
      className: 'plot-location',
      title: 'scatter',
      description: 'caption <here>',
      xLabel: 'x',
      yLabel: 'y',
      series: [{ name: 'seeds', points: [{ x: 0, y: 0.1, lo: 0, hi: 0.2 }, { x: 1, y: 0.6, lo: 0.5, hi: 0.7 }], markersOnly: true }],
    });
    expect(scatter.match(/class="point"/g)).toHaveLength(2);
    expect(scatter).not.toContain('<polyline');
    expect(scatter).not.toContain('<polygon class="band"');
    const legend = /<g class="legend"[\s\S]*?<\/g>/.exec(scatter)![0];
    expect(legend).not.toContain('<line');
    expect(legend).toContain('>seeds<');
    expect(scatter).toContain('</title>\n<desc>caption &lt;here&gt;</desc>');
    expect(svg).not.toContain('<desc>');
  });

  it('keeps an identical curve visible and says so in the legend', () => {
    expect(svg).toContain('random (identical to clean)');
    const random = /<g class="series" data-series="random"[\s\S]*?<\/g>/.exec(svg)![0];
    expect(random).toContain('stroke-dasharray="6 4"');
    expect(random).toContain('fill="none"');
    expect(svg).not.toContain('mad &quot;ε&quot; (identical');
  });

  it('marks the band with its label above the plot area, and the highlight', () => {
    expect(svg).toMatch(/<g class="x-band-group sweet-spot" data-x0="0.5" data-x1="0.5">/);
    const frameTop = Number(/<rect class="frame" x="70" y="([^"]+)"/.exec(svg)![1]);
    const labelY = Number(/<text class="band-label sweet-spot-label" x="[^"]+" y="([^"]+)"/.exec(svg)![1]);
    expect(labelY).toBeLessThan(frameTop);
    expect(svg).toMatch(/<g class="highlight sweet-spot" data-x="0.5" data-y="0.5">/);
    expect(svg).toMatch(/<g class="legend"[\s\S]*>sweet spot<\/tspan>/);
    expect(svg).toContain('TV = 1: vacuous');
  });

  it('escapes text so labels cannot break the markup', () => {
    expect(svg).toContain('Hopper &lt;v4&gt; &amp; co');
    expect(svg).toContain('data-series="mad &quot;ε&quot;"');
    expect(svg).not.toContain('<v4>');
  });

  it('places larger y values higher on the page', () => {
    const cy = (x: string, y: string): number => Number(new RegExp(`cy="([^"]+)" r="3.5" data-x="${x}" data-y="${y}"`).exec(svg)![1]);
    expect(cy('0', '1')).toBeLessThan(cy('0.9', '0.6'));
  });

  it('covers a given y range, so side-by-side figures can share an axis', () => {
    const wide = linePlot({ id: 'p2', className: 'x', title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', points: [{ x: 0, y: 0.5 }, { x: 1, y: 0.6 }] }], yCover: { min: 0, max: 2 } });
    const ticks = [...wide.matchAll(/<text class="tick-label" x="64" y="[^"]+" text-anchor="end" dominant-baseline="middle">([^<]+)</g)].map((m) => Number(m[1]));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(2);
  });
});
