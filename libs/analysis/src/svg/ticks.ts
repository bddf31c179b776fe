// "Nice" axis ticks (1, 2, 5 times a power of ten) covering a data range, so tick labels read as
// round numbers.

export interface Ticks {
  /** Axis range, widened to whole ticks. */
  min: number;
  max: number;
  values: number[];
  /** Distance between neighbouring ticks. */
  step: number;
}

export function niceTicks(dataMin: number, dataMax: number, targetCount = 5): Ticks {
  let lo = dataMin;
  let hi = dataMax;
  if (lo === hi) {
    // A flat series still needs an axis: open it by 10% of the value (or 1 around zero).
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, targetCount));
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const values: number[] = [];
  const count = Math.round((max - min) / step);
  for (let i = 0; i <= count; i++) values.push(roundToStep(min + i * step, step));
  return { min: values[0]!, max: values[values.length - 1]!, values, step };
}

function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Removes float noise such as 0.30000000000000004 from tick values. */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(20, decimals)));
}

/**
 * A tick label with as many decimals as the step needs, so neighbouring ticks never read the same
 * (0.9985 and 0.999, not 0.998 and 0.999); whole numbers from 1000 up.
 */
export function formatTick(value: number, step: number): string {
  if (Math.abs(value) >= 1000 && step >= 1) return String(Math.round(value));
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const text = value.toFixed(Math.min(20, decimals)); // steps are 1, 2 or 5 times a power of ten
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}
