// Seed statistics. Every aggregate of the analysis is a Stat so a reader always sees how many
// seeds stand behind a mean and how far they spread.

export interface Stat {
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); null with a single seed, where it is undefined. */
  std: number | null;
  n: number;
}

/** Mean, sample std and count of the values; null when there are none. */
export function stat(values: readonly number[]): Stat | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { mean, std: null, n };
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(squares / (n - 1)), n };
}

/** Stat of the non-null values. */
export function statOfPresent(values: ReadonlyArray<number | null>): Stat | null {
  return stat(values.filter((v): v is number => v !== null));
}
