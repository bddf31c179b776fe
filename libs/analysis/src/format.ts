// Number formatting. Files use up to 10 significant digits (stable across runs and readable in a
// spreadsheet); pages use 3, which is what a reader can take in, and print float noise around zero
// (an emptied layer's 1.5e-13) as 0.

/** Up to `digits` significant digits, trailing zeros dropped, never '-0'; '' for null. */
export function formatNumber(value: number | null, digits = 10): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0'; // also turns -0 into 0
  const [mantissa, exponent] = value.toPrecision(digits).split('e') as [string, string | undefined];
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/**
 * Magnitudes below this print as 0 on pages: every quantity the report shows (returns, ratios,
 * bounds, radii) is either of order 1e-6 or larger, or float noise of an exact 0.
 */
export const DISPLAY_ZERO = 1e-9;

/** For tables, tooltips and tick labels: whole numbers from 1000 up, else 3 significant digits; '–' for null. */
export function formatDisplay(value: number | null): string {
  if (value === null) return '–';
  if (Math.abs(value) < DISPLAY_ZERO) return '0';
  if (Math.abs(value) >= 1000 && Math.abs(value) < 1e9) return formatNumber(Math.round(value), 12);
  return formatNumber(value, 3);
}

/** 0.35 -> '35%' (3 significant digits, whole percent from 100% up). */
export function formatPercent(fraction: number): string {
  return `${formatDisplay(fraction * 100)}%`;
}
