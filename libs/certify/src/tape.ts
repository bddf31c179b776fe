// A small reverse-mode tape over float64 matrices, just large enough to differentiate IBP and CROWN
// bounds for the convex SA-PPO regulariser. Nodes are row-major [rows, cols] (vectors are [n, 1]);
// each op records a closure that pushes its output gradient to its inputs.
import type { Activation } from '@rlprune/nn';
import { relaxActivation } from './activation-relaxation';

export class Node {
  grad: Float64Array | null = null;
  backward: (() => void) | null = null;
  constructor(
    readonly value: Float64Array,
    readonly rows: number,
    readonly cols: number,
    readonly requiresGrad: boolean,
  ) {}

  /** The gradient buffer, allocated on first use. */
  g(): Float64Array {
    if (!this.grad) this.grad = new Float64Array(this.value.length);
    return this.grad;
  }
}

export class Tape {
  private readonly nodes: Node[] = [];

  constant(value: Float64Array, rows: number, cols: number): Node {
    return new Node(value, rows, cols, false);
  }

  /** A leaf whose gradient is wanted. */
  param(value: Float64Array, rows: number, cols: number): Node {
    return new Node(value, rows, cols, true);
  }

  /** Seeds d(out)/d(out) = 1 for a 1x1 node and runs every recorded closure in reverse order. */
  backward(out: Node): void {
    if (out.value.length !== 1) throw new Error('Tape.backward: output must be a scalar');
    out.g()[0] = 1;
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const n = this.nodes[i]!;
      if (n.grad && n.backward) n.backward();
    }
  }

  private record(value: Float64Array, rows: number, cols: number, parents: Node[], backward: (out: Node) => void): Node {
    const needs = parents.some((p) => p.requiresGrad);
    const out = new Node(value, rows, cols, needs);
    if (needs) {
      out.backward = () => backward(out);
      this.nodes.push(out);
    }
    return out;
  }

  matmul(a: Node, b: Node): Node {
    if (a.cols !== b.rows) throw new Error(`Tape.matmul: ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
    const { rows } = a;
    const n = a.cols;
    const m = b.cols;
    const y = new Float64Array(rows * m);
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < n; k++) {
        const av = a.value[r * n + k]!;
        if (av === 0) continue;
        for (let c = 0; c < m; c++) y[r * m + c]! += av * b.value[k * m + c]!;
      }
    return this.record(y, rows, m, [a, b], (out) => {
      const gy = out.grad!;
      if (a.requiresGrad) {
        const ga = a.g();
        for (let r = 0; r < rows; r++)
          for (let k = 0; k < n; k++) {
            let s = 0;
            for (let c = 0; c < m; c++) s += gy[r * m + c]! * b.value[k * m + c]!;
            ga[r * n + k]! += s;
          }
      }
      if (b.requiresGrad) {
        const gb = b.g();
        for (let r = 0; r < rows; r++)
          for (let k = 0; k < n; k++) {
            const av = a.value[r * n + k]!;
            if (av === 0) continue;
            for (let c = 0; c < m; c++) gb[k * m + c]! += av * gy[r * m + c]!;
          }
      }
    });
  }

  /** alpha * a + beta * b, same shapes. */
  combine(a: Node, alpha: number, b: Node, beta: number): Node {
    const y = a.value.map((v, i) => alpha * v + beta * b.value[i]!);
    return this.record(y, a.rows, a.cols, [a, b], (out) => {
      const gy = out.grad!;
      if (a.requiresGrad) {
        const ga = a.g();
        for (let i = 0; i < gy.length; i++) ga[i]! += alpha * gy[i]!;
      }
      if (b.requiresGrad) {
        const gb = b.g();
        for (let i = 0; i < gy.length; i++) gb[i]! += beta * gy[i]!;
      }
    });
  }

  add(a: Node, b: Node): Node {
    return this.combine(a, 1, b, 1);
  }

  /** Elementwise activation. */
  activation(a: Node, act: Activation): Node {
    const y = a.value.map((z) => (act === 'tanh' ? Math.tanh(z) : Math.max(0, z)));
    return this.record(y, a.rows, a.cols, [a], (out) => {
      const ga = a.g();
      for (let i = 0; i < y.length; i++) {
        const d = act === 'tanh' ? 1 - y[i]! * y[i]! : a.value[i]! > 0 ? 1 : 0;
        ga[i]! += d * out.grad![i]!;
      }
    });
  }

  /** Per-row sum of absolute values times eps: [rows, cols] -> [rows, 1]. */
  rowAbsSum(a: Node, eps: number): Node {
    const y = new Float64Array(a.rows);
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) y[r]! += eps * Math.abs(a.value[r * a.cols + c]!);
    return this.record(y, a.rows, 1, [a], (out) => {
      const ga = a.g();
      for (let r = 0; r < a.rows; r++)
        for (let c = 0; c < a.cols; c++) ga[r * a.cols + c]! += eps * Math.sign(a.value[r * a.cols + c]!) * out.grad![r]!;
    });
  }

  /** |W| x for a constant-sign-pattern |W|: [rows, n] by [n, 1]. */
  absMatmul(w: Node, x: Node): Node {
    const absW = w.value.map(Math.abs);
    const y = new Float64Array(w.rows);
    for (let r = 0; r < w.rows; r++) for (let c = 0; c < w.cols; c++) y[r]! += absW[r * w.cols + c]! * x.value[c]!;
    return this.record(y, w.rows, 1, [w, x], (out) => {
      const gy = out.grad!;
      for (let r = 0; r < w.rows; r++)
        for (let c = 0; c < w.cols; c++) {
          const k = r * w.cols + c;
          if (w.requiresGrad) w.g()[k]! += Math.sign(w.value[k]!) * x.value[c]! * gy[r]!;
          if (x.requiresGrad) x.g()[c]! += absW[k]! * gy[r]!;
        }
    });
  }

  /**
   * Replaces each coefficient a[r, c] of an activation output by its relaxation line: returns
   * (A', c') with A'[r, c] = a[r, c] * slope and c'[r] = sum_c a[r, c] * intercept, where the line is
   * `pos` when a[r, c] >= 0 and `neg` otherwise (sign pattern held fixed, as in the forward pass).
   */
  relaxThrough(a: Node, posSlope: Node, posIntercept: Node, negSlope: Node, negIntercept: Node): [Node, Node] {
    const { rows, cols } = a;
    const isPos = (k: number): boolean => a.value[k]! >= 0;
    const ya = new Float64Array(rows * cols);
    const yc = new Float64Array(rows);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const k = r * cols + c;
        const av = a.value[k]!;
        ya[k] = av * (isPos(k) ? posSlope : negSlope).value[c]!;
        yc[r]! += av * (isPos(k) ? posIntercept : negIntercept).value[c]!;
      }
    const parentsA = [a, posSlope, negSlope];
    const parentsC = [a, posIntercept, negIntercept];
    const outA = this.record(ya, rows, cols, parentsA, (out) => {
      const gy = out.grad!;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const k = r * cols + c;
          const s = isPos(k) ? posSlope : negSlope;
          if (a.requiresGrad) a.g()[k]! += gy[k]! * s.value[c]!;
          if (s.requiresGrad) s.g()[c]! += gy[k]! * a.value[k]!;
        }
    });
    const outC = this.record(yc, rows, 1, parentsC, (out) => {
      const gy = out.grad!;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const k = r * cols + c;
          const i = isPos(k) ? posIntercept : negIntercept;
          if (a.requiresGrad) a.g()[k]! += gy[r]! * i.value[c]!;
          if (i.requiresGrad) i.g()[c]! += gy[r]! * a.value[k]!;
        }
    });
    return [outA, outC];
  }

  /** CROWN relaxation lines of every neuron from its bounds [l, u] (vectors [n, 1]). */
  relax(
    l: Node,
    u: Node,
    act: Activation,
  ): { lowerSlope: Node; lowerIntercept: Node; upperSlope: Node; upperIntercept: Node } {
    const n = l.rows;
    const rel = Array.from(l.value, (lv, i) => relaxActivation(act, lv, u.value[i]!));
    const make = (side: 'lower' | 'upper', part: 'slope' | 'intercept'): Node => {
      const y = Float64Array.from(rel, (x) => x[side][part]);
      const dl = part === 'slope' ? 'dSlopeDl' : 'dInterceptDl';
      const du = part === 'slope' ? 'dSlopeDu' : 'dInterceptDu';
      return this.record(y, n, 1, [l, u], (out) => {
        for (let i = 0; i < n; i++) {
          const g = out.grad![i]!;
          if (l.requiresGrad) l.g()[i]! += g * rel[i]![side][dl];
          if (u.requiresGrad) u.g()[i]! += g * rel[i]![side][du];
        }
      });
    };
    return {
      lowerSlope: make('lower', 'slope'),
      lowerIntercept: make('lower', 'intercept'),
      upperSlope: make('upper', 'slope'),
      upperIntercept: make('upper', 'intercept'),
    };
  }

  /**
   * sum_j max(|lower_j - mu_j|, |upper_j - mu_j|)^2 exp(-2 logStd_j): the per-state SA-PPO convex
   * regulariser (mu a constant node when the mean is detached).
   */
  worstCaseMahalanobisSq(lower: Node, upper: Node, muNode: Node, logStd: Node): Node {
    const mu = muNode.value;
    const n = mu.length;
    const dev = new Float64Array(n);
    const fromUpper: boolean[] = [];
    let y = 0;
    for (let j = 0; j < n; j++) {
      const du = Math.abs(upper.value[j]! - mu[j]!);
      const dl = Math.abs(lower.value[j]! - mu[j]!);
      fromUpper.push(du >= dl);
      dev[j] = Math.max(du, dl);
      y += dev[j]! ** 2 * Math.exp(-2 * logStd.value[j]!);
    }
    return this.record(Float64Array.of(y), 1, 1, [lower, upper, muNode, logStd], (out) => {
      const g = out.grad![0]!;
      for (let j = 0; j < n; j++) {
        const inv = Math.exp(-2 * logStd.value[j]!);
        const dDev = 2 * dev[j]! * inv * g;
        const side = fromUpper[j] ? upper : lower;
        const sign = Math.sign(side.value[j]! - mu[j]!);
        if (side.requiresGrad) side.g()[j]! += dDev * sign;
        if (muNode.requiresGrad) muNode.g()[j]! -= dDev * sign;
        if (logStd.requiresGrad) logStd.g()[j]! += -2 * dev[j]! ** 2 * inv * g;
      }
    });
  }
}
