// What one iteration's update reports: means over its minibatches. UpdateStats is what every caller
// gets (IterationProgress); GradientDiagnostics is what only a test or a bench asks for, through the
// optional TrainHooks.onDiagnostics, so train() does not pay for it otherwise.

/** Sums of per-minibatch values, read back as means. */
export class UpdateStats {
  policyLoss = 0;
  valueLoss = 0;
  entropy = 0;
  saLoss = 0;
  approxKl = 0;
  clipFraction = 0;
  minibatches = 0;

  add(m: { policyLoss: number; valueLoss: number; entropy: number; saLoss: number; approxKl: number; clipFraction: number }): void {
    this.policyLoss += m.policyLoss;
    this.valueLoss += m.valueLoss;
    this.entropy += m.entropy;
    this.saLoss += m.saLoss;
    this.approxKl += m.approxKl;
    this.clipFraction += m.clipFraction;
    this.minibatches++;
  }

  means(): { policyLoss: number; valueLoss: number; entropy: number; saLoss: number; approxKl: number; clipFraction: number } {
    const n = this.minibatches;
    return {
      policyLoss: this.policyLoss / n, valueLoss: this.valueLoss / n, entropy: this.entropy / n,
      saLoss: this.saLoss / n, approxKl: this.approxKl / n, clipFraction: this.clipFraction / n,
    };
  }
}

/** Gradient diagnostics of one iteration, means over its minibatches (TrainHooks.onDiagnostics). */
export interface UpdateDiagnostics {
  /** 1-based iteration. */
  iteration: number;
  /** Global gradient norm before clipping (policy, value, log-std and SA terms together). */
  gradNorm: number;
  /** Global gradient norm of the PPO terms alone, before the SA term is added; equals gradNorm without SA. */
  ppoGradNorm: number;
  /** Norm of the SA term's gradient (kappa * dR over actor and log-std); 0 without SA. */
  saGradNorm: number;
  /** Clip factor applied to the policy's gradients (1 when the norm stays under maxGradNorm, or without a clip). */
  clipScale: number;
  /** Log-std of every action coordinate at the end of the iteration. */
  logStd: number[];
  /**
   * Log-std gradient per action coordinate (signed, before clipping): of the PPO terms, and of the
   * SA term (kappa * dR/dlogStd = -2 kappa R_j, which pushes sigma up).
   */
  logStdGradPpo: number[];
  logStdGradSa: number[];
  /** The same after each step's gradient-norm clip factor: what Adam is fed. */
  logStdGradPpoClipped: number[];
  logStdGradSaClipped: number[];
}

/**
 * Accumulates UpdateDiagnostics. The SA term's share of a gradient is measured as the change it
 * makes to the gradient buffers (copied before it is added), which leaves the arithmetic untouched.
 */
export class GradientDiagnostics {
  private gradNorm = 0;
  private ppoGradNorm = 0;
  private saGradNorm = 0;
  private clipScale = 0;
  private steps = 0;
  private readonly logStdGrad: { ppo: Float64Array; sa: Float64Array; ppoClipped: Float64Array; saClipped: Float64Array };
  private readonly beforeSa: Float32Array[];
  private stepPpoNorm = NaN;
  private stepSaNorm = 0;

  /** `saTouched` are the buffers the SA term adds into (the actor's gradients, then the log-std's). */
  constructor(private readonly saTouched: Float32Array[]) {
    const actDim = saTouched.at(-1)!.length;
    this.logStdGrad = { ppo: new Float64Array(actDim), sa: new Float64Array(actDim), ppoClipped: new Float64Array(actDim), saClipped: new Float64Array(actDim) };
    this.beforeSa = saTouched.map((g) => new Float32Array(g.length));
  }

  /** Right before the SA term is added: `ppoNorm` is the global norm of the PPO gradient alone. */
  beforeSaTerm(ppoNorm: number): void {
    this.stepPpoNorm = ppoNorm;
    this.saTouched.forEach((g, i) => this.beforeSa[i]!.set(g));
  }

  /** Right after the SA term was added. */
  afterSaTerm(): void {
    let sq = 0;
    this.saTouched.forEach((g, k) => {
      const before = this.beforeSa[k]!;
      for (let e = 0; e < g.length; e++) sq += (g[e]! - before[e]!) ** 2;
    });
    this.stepSaNorm = Math.sqrt(sq);
  }

  /** After the optimiser step: its global norm (before clipping) and the clip factor it applied. */
  afterStep(norm: number, clipScale: number): void {
    const logStdGrad = this.saTouched.at(-1)!;
    const sawSa = !Number.isNaN(this.stepPpoNorm);
    const ppoLogStd = sawSa ? this.beforeSa.at(-1)! : logStdGrad;
    for (let j = 0; j < logStdGrad.length; j++) {
      const ppoPart = ppoLogStd[j]!;
      const saPart = logStdGrad[j]! - ppoPart;
      this.logStdGrad.ppo[j] = this.logStdGrad.ppo[j]! + ppoPart;
      this.logStdGrad.sa[j] = this.logStdGrad.sa[j]! + saPart;
      this.logStdGrad.ppoClipped[j] = this.logStdGrad.ppoClipped[j]! + clipScale * ppoPart;
      this.logStdGrad.saClipped[j] = this.logStdGrad.saClipped[j]! + clipScale * saPart;
    }
    this.gradNorm += norm;
    this.ppoGradNorm += sawSa ? this.stepPpoNorm : norm;
    this.saGradNorm += sawSa ? this.stepSaNorm : 0;
    this.clipScale += clipScale;
    this.steps++;
    this.stepPpoNorm = NaN;
    this.stepSaNorm = 0;
  }

  result(iteration: number, logStd: Float32Array): UpdateDiagnostics {
    const n = this.steps;
    const mean = (a: Float64Array) => Array.from(a, (x) => x / n);
    return {
      iteration,
      gradNorm: this.gradNorm / n,
      ppoGradNorm: this.ppoGradNorm / n,
      saGradNorm: this.saGradNorm / n,
      clipScale: this.clipScale / n,
      logStd: Array.from(logStd),
      logStdGradPpo: mean(this.logStdGrad.ppo),
      logStdGradSa: mean(this.logStdGrad.sa),
      logStdGradPpoClipped: mean(this.logStdGrad.ppoClipped),
      logStdGradSaClipped: mean(this.logStdGrad.saClipped),
    };
  }
}
