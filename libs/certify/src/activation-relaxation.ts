// Linear lower and upper bounds of tanh and ReLU on an interval [l, u], as CROWN needs them
// (Zhang et al. 2018, "Efficient Neural Network Robustness Certification with General Activation
// Functions"; auto_LiRPA builds the same tangent/secant lines for S-shaped functions).
// Each line also carries its derivatives with respect to l and u, which the convex SA-PPO
// regulariser needs to differentiate through the relaxation.
import type { Activation } from '@rlprune/nn';

/** y = slope * z + intercept, with d(slope)/dl, d(slope)/du, d(intercept)/dl, d(intercept)/du. */
export interface RelaxedLine {
  slope: number;
  intercept: number;
  dSlopeDl: number;
  dSlopeDu: number;
  dInterceptDl: number;
  dInterceptDu: number;
}

/** lower.slope * z + lower.intercept <= act(z) <= upper.slope * z + upper.intercept on [l, u]. */
export interface NeuronRelaxation {
  lower: RelaxedLine;
  upper: RelaxedLine;
}

/** Below this width a neuron is bounded by constants; a secant over a tinier interval loses digits. */
const DEGENERATE_WIDTH = 1e-7;

/**
 * Outward shift of every line that touches the curve, per unit of (1 + |l| + |u|). Tangents and
 * chords meet the function, so float64 rounding could otherwise put a line a few ulps on the wrong
 * side; 1e-12 is far above that and far below any bound width that matters. (Its dependence on l
 * and u is left out of the derivatives: it changes them by 1e-12.)
 */
const ROUNDING_SLACK = 1e-12;

function slack(l: number, u: number): number {
  return ROUNDING_SLACK * (1 + Math.abs(l) + Math.abs(u));
}

/** Iteration cap and relative bracket width for the tangent point of the crossing case. */
const TANGENT_SEARCH_STEPS = 60;
const TANGENT_TOLERANCE = 1e-13;

export function relaxActivation(activation: Activation, l: number, u: number): NeuronRelaxation {
  if (!(l <= u)) throw new Error(`relaxActivation: lower bound ${l} exceeds upper bound ${u}`);
  return activation === 'relu' ? relaxRelu(l, u) : relaxTanh(l, u);
}

function line(slope: number, intercept: number, dSlopeDl = 0, dSlopeDu = 0, dInterceptDl = 0, dInterceptDu = 0): RelaxedLine {
  return { slope, intercept, dSlopeDl, dSlopeDu, dInterceptDl, dInterceptDu };
}

function relaxRelu(l: number, u: number): NeuronRelaxation {
  if (u <= 0) return { lower: line(0, 0), upper: line(0, 0) };
  if (l >= 0) return { lower: line(1, 0), upper: line(1, 0) };
  // Crossing: the chord from (l, 0) to (u, u) above; below, the slope 0 or 1 whose line is closer
  // on average (CROWN's adaptive choice).
  const w = u - l;
  const s = u / w;
  const upper = line(s, -s * l + slack(l, u), u / (w * w), -l / (w * w), -(u * u) / (w * w), (l * l) / (w * w));
  return { lower: line(u >= -l ? 1 : 0, 0), upper };
}

// tanh and its first two derivatives.
const f = Math.tanh;
function f1(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}
function f2(z: number): number {
  const t = Math.tanh(z);
  return -2 * t * (1 - t * t);
}

function relaxTanh(l: number, u: number): NeuronRelaxation {
  if (u - l < DEGENERATE_WIDTH) {
    // tanh is increasing, so tanh(l) <= tanh(z) <= tanh(u).
    return {
      lower: line(0, f(l) - slack(l, u), 0, 0, f1(l), 0),
      upper: line(0, f(u) + slack(l, u), 0, 0, 0, f1(u)),
    };
  }
  const upper = tanhUpper(l, u);
  // tanh is odd: a lower line on [l, u] is the reflection of an upper line on [-u, -l].
  const r = tanhUpper(-u, -l);
  const lower = line(r.slope, -r.intercept, -r.dSlopeDu, -r.dSlopeDl, r.dInterceptDu, r.dInterceptDl);
  upper.intercept += slack(l, u);
  lower.intercept -= slack(l, u);
  return { lower, upper };
}

/** Chord through (l, tanh l) and (u, tanh u). */
function secant(l: number, u: number): RelaxedLine {
  const w = u - l;
  const k = (f(u) - f(l)) / w;
  const dkDl = (k - f1(l)) / w;
  const dkDu = (f1(u) - k) / w;
  return line(k, f(l) - k * l, dkDl, dkDu, f1(l) - k - l * dkDl, -l * dkDu);
}

/** Tangent at d, where d depends on (l, u) with the given derivatives. */
function tangent(d: number, dDl: number, dDu: number): RelaxedLine {
  const s = f1(d);
  const dsDd = f2(d);
  const dcDd = -f2(d) * d;
  return line(s, f(d) - s * d, dsDd * dDl, dsDd * dDu, dcDd * dDl, dcDd * dDu);
}

/** An upper line of tanh on [l, u], l < u. */
function tanhUpper(l: number, u: number): RelaxedLine {
  // Concave part: any tangent lies above; the midpoint's is a good compromise.
  if (l >= 0) return tangent((l + u) / 2, 0.5, 0.5);
  // Convex part: the chord lies above.
  if (u <= 0) return secant(l, u);
  // Crossing zero. A tangent at d in [0, u] lies above tanh on [0, u] (concave there) and above it
  // on [l, 0] as soon as it is above at l (tanh is convex there and the line is above at 0).
  // gap(d) = tangent_d(l) - tanh(l) increases with d and gap(0) = l - tanh(l) < 0.
  const tl = f(l);
  const gap = (d: number): number => {
    const t = f(d);
    return t + (1 - t * t) * (l - d) - tl;
  };
  if (gap(u) < 0) {
    // No tangent in [0, u] clears the curve at l; then the chord does: tanh - chord is zero at l
    // and u, convex on [l, 0] and concave on [0, u], and negative just left of u (tanh'(u) exceeds
    // the chord's slope exactly when gap(u) < 0), which together force it to be <= 0 on [l, u].
    return secant(l, u);
  }
  // Root of gap on [0, u] by Newton's method kept inside a bracket [lo, hi] with gap(hi) >= 0.
  let lo = 0;
  let hi = u;
  let x = u;
  for (let it = 0; it < TANGENT_SEARCH_STEPS; it++) {
    const t = f(x);
    const g = t + (1 - t * t) * (l - x) - tl;
    if (g >= 0) hi = Math.min(hi, x);
    else lo = Math.max(lo, x);
    const slope = -2 * t * (1 - t * t) * (l - x); // gap'(x) = tanh''(x) (l - x) > 0 for x > 0
    let next = slope > 0 ? x - g / slope : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const moved = Math.abs(next - x);
    x = next;
    if (moved <= TANGENT_TOLERANCE * (1 + x)) break;
  }
  // The line is valid only where gap >= 0: step right from x until it is, else keep hi.
  let d = hi;
  for (let k = 0, probe = x; k < 8 && probe < hi; k++, probe = x + TANGENT_TOLERANCE * (1 + x) * 4 ** k)
    if (gap(probe) >= 0) {
      d = probe;
      break;
    }
  // Implicit function theorem on gap(d, l) = 0: dd/dl = -(f1(d) - f1(l)) / (f2(d) (l - d)).
  const denom = f2(d) * (l - d);
  const dDl = denom !== 0 ? -(f1(d) - f1(l)) / denom : 0;
  return tangent(d, dDl, 0);
}
