import { describe, expect, it } from 'vitest';
import { formatNumber } from '../format';
import { linePlot } from './line-plot';
import { niceTicks } from './ticks';

describe('niceTicks', () => {
  it('covers the data with round steps', () => {
    expect(niceTicks(0, 0.9)).toEqual({ min: 0, max: 1, values: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceTicks(812, 3021).values).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500]);
    expect(niceTicks(0.1, 0.3).values).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('opens an axis around a flat series', () => {
    const t = niceTicks(5, 5);
    expect(t.min).toBeLessThan(5);
    expect(t.max).toBeGreaterThan(5);
  });
});

describe('formatNumber', () => {
  it('uses up to 10 significant digits, no trailing zeros, no -0', () => {
    expect(formatNumber(2383.1)).toBe('2383.1');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(123456789012)).toBe('1.23456789e+11');
    expect(formatNumber(null)).toBe('');
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
      { name: 'clean', points: [{ x: 0.5, y: 0.9, err: 0.05 }, { x: 0, y: 1, err: null }, { x: 0.9, y: 0.6, err: 0.1 }] },
      { name: 'mad "ε"', points: [{ x: 0, y: 0.3 }, { x: 0.5, y: 0.5 }], dashed: true },
    ],
    highlights: [{ x: 0.5, y: 0.7, label: 'sweet spot 50%', legend: 'sweet spot', className: 'sweet-spot' }],
  });

  it('draws one marker per data point with its values, sorted by x', () => {
    const points = [...svg.matchAll(/<circle class="point"[^>]*data-x="([^"]+)" data-y="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(points).toEqual([['0', '1'], ['0.5', '0.9'], ['0.9', '0.6'], ['0', '0.3'], ['0.5', '0.5']]);
    expect(svg.match(/<polyline class="line"/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('draws error bars only where a spread is given', () => {
    expect(svg.match(/class="error-bar"/g)).toHaveLength(2);
  });

  it('marks the highlight and names it in the legend', () => {
    expect(svg).toMatch(/<g class="highlight sweet-spot" data-x="0.5" data-y="0.7">/);
    expect(svg).toContain('>sweet spot 50%<');
    expect(svg).toMatch(/<g class="legend"[\s\S]*>sweet spot<\/text>/);
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
});
