// Turns seed statistics into plot points: the line at the seed mean, the shaded band at mean ± 1
// sample standard deviation over seeds (TensorBoard's and W&B's reading of "spread"; a single seed
// has no band), and a tooltip with the exact value, the spread and the seeds it is over.

import { formatDisplay, formatPercent } from './format';
import type { Stat } from './stats';
import type { PlotPoint } from './svg/line-plot';

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
    tooltip: `${what}: ${formatDisplay(s.mean)} ${spread}, mean over ${over}${extra ? `; ${extra}` : ''}`,
  };
}

/** Where a tooltip says the point lies on a sparsity axis. */
export function atSparsity(name: string, sparsity: number): string {
  return `${name} at sparsity ${formatPercent(sparsity)}`;
}

export function present<T>(values: ReadonlyArray<T | null>): T[] {
  return values.filter((v): v is T => v !== null);
}
