// Turns seed statistics into plot points: the line at the seed mean, the shaded band at mean ± 1
// sample standard deviation over seeds (TensorBoard's and W&B's reading of "spread"; a single seed
// has no band), and a tooltip with the exact value, the spread and the seeds it is over.

import { formatDisplay, formatNumber, formatPercent } from './format';
import { stat, type Stat } from './stats';
import type { PlotPoint } from './svg/line-plot';

/** Significant digits of the exact values in tooltips. */
const TOOLTIP_DIGITS = 6;

/** One seed's value of a plotted quantity. */
export interface SeedValue {
  seed: number;
  value: number;
}

/** What every report and compare page says the bands are. */
export const BAND_NOTE = 'shaded: mean ± 1 std over seeds';

/** A point at the seed mean with its ± 1 std band; null when there is no statistic. */
export function statPoint(x: number, s: Stat | null, what: string, seeds: readonly number[] | null, extra = ''): PlotPoint | null {
  if (s === null) return null;
  const spread = s.std === null ? 'one seed, no spread' : `± ${formatDisplay(s.std)} (1 std)`;
  const over = seeds && seeds.length > 0 ? `seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}` : `${s.n} seed${s.n > 1 ? 's' : ''}`;
  return {
    x,
    y: s.mean,
    lo: s.std === null ? null : s.mean - s.std,
    hi: s.std === null ? null : s.mean + s.std,
    tooltip: `${what}: ${formatNumber(s.mean, TOOLTIP_DIGITS)} ${spread}, mean over ${over}${extra ? `; ${extra}` : ''}`,
  };
}

/** statPoint of per-seed values, whose tooltip also lists every seed's value. */
export function seedPoint(x: number, values: readonly SeedValue[], what: string, extra = ''): PlotPoint | null {
  const each = values.length > 1 ? values.map((v) => `seed ${v.seed}: ${formatNumber(v.value, TOOLTIP_DIGITS)}`).join(', ') : '';
  return statPoint(x, stat(values.map((v) => v.value)), what, values.map((v) => v.seed), [each, extra].filter((t) => t !== '').join('; '));
}

/** Where a tooltip says the point lies on a sparsity axis. */
export function atSparsity(name: string, sparsity: number): string {
  return `${name} at sparsity ${formatPercent(sparsity)}`;
}

export function present<T>(values: ReadonlyArray<T | null>): T[] {
  return values.filter((v): v is T => v !== null);
}
