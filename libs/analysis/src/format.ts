// Number formatting. Files use up to 10 significant digits (stable across runs and readable in a
// spreadsheet); pages use 4, which is what a reader can take in.

/** Up to `digits` significant digits, trailing zeros dropped, never '-0'; '' for null. */
export function formatNumber(value: number | null, digits = 10): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0'; // also turns -0 into 0
  const [mantissa, exponent] = value.toPrecision(digits).split('e') as [string, string | undefined];
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/** For tables and tick labels: whole numbers from 1000 up, else 4 significant digits. */
export function formatDisplay(value: number | null): string {
  if (value === null) return '–';
  if (Math.abs(value) >= 1000 && Math.abs(value) < 1e9) return formatNumber(Math.round(value), 12);
  return formatNumber(value, 4);
}

/** 0.35 -> '35%'. */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 4)}%`;
}
