// SGLD estimate of SA-PPO's inner maximisation, as in SA-PPO's get_state_kl_bound_sgld: start from a
// random corner step s + sign(noise) * eps/K, take K signed-gradient ascent steps of size eps/K on
// sum_j ((mu_j(s') - mu_j(s)) / sigma_j)^2 with Langevin noise of std sqrt(2 (eps/K) beta) / (i + 2),
// projected onto the box [s - eps, s + eps]. Then R = mean over the batch at the final s', with
// mu(s) constant and the gradient through mu(s') and sigma (libs/nn's saKlTerm), or through mu(s')
// alone with detachStdev (SA-PPO's robust_ppo_detach_stdev: sigma detached in R).
import { createGrads, saKlTerm, type ForwardPass, type Mlp } from '@rlprune/nn';
import type { SaGradientSink, SaRegulariser, SaRegulariserInput } from './sa-regulariser';

export interface SgldOptions {
  /** Ascent steps. SA-PPO: 10. */
  steps: number;
  /** Inverse temperature of the Langevin noise. SA-PPO: 1e-5. */
  beta: number;
  /** Hold sigma constant in R: no gradient reaches the log-std. SA-PPO's default: false. */
  detachStdev?: boolean;
}

export class SgldRegulariser implements SaRegulariser {
  readonly method = 'sgld' as const;
  /** The perturbed observations of the last call (for tests and diagnostics). */
  lastPerturbed: Float32Array | null = null;
  private scratchGrads: Float32Array[] | null = null;

  constructor(readonly options: SgldOptions) {}

  lossAndGrads(input: SaRegulariserInput, sink: SaGradientSink): number {
    const { actor, logStd, obs, batch, epsilon, rng, engine } = input;
    const actDim = logStd.length;
    if (epsilon === 0) {
      // The ball is the point itself: R = 0 with zero gradient; draw nothing.
      this.lastPerturbed = obs.slice();
      return 0;
    }
    const meanClean = engine.predict(actor, obs, batch).slice();
    const invVar = new Float64Array(actDim);
    for (let j = 0; j < actDim; j++) invVar[j] = Math.exp(-2 * logStd[j]!);
    const { steps, beta } = this.options;
    const stepSize = epsilon / steps;
    const noiseScale = Math.sqrt(2 * stepSize * beta);

    // Random-sign start one step away from s (sign of zero-mean noise is a fair coin).
    const x = new Float32Array(obs.length);
    for (let k = 0; k < x.length; k++) x[k] = obs[k]! + (rng.normal() >= 0 ? stepSize : -stepSize);

    const scratch = this.scratch(actor);
    const gradOut = new Float32Array(batch * actDim);
    const gx = new Float32Array(obs.length);
    let pass: ForwardPass | undefined;
    for (let i = 0; i < steps; i++) {
      pass = engine.forward(actor, x, batch, pass);
      const mu = pass.output;
      for (let n = 0; n < batch; n++) {
        for (let j = 0; j < actDim; j++) {
          const k = n * actDim + j;
          gradOut[k] = (2 * (mu[k]! - meanClean[k]!) * invVar[j]!) / batch;
        }
      }
      engine.backward(actor, pass, gradOut, scratch, { inputGrad: gx });
      const noise = noiseScale / (i + 2);
      for (let k = 0; k < x.length; k++) {
        const g = gx[k]! + noise * rng.normal();
        const moved = x[k]! + Math.sign(g) * stepSize;
        const lo = obs[k]! - epsilon;
        const hi = obs[k]! + epsilon;
        x[k] = moved < lo ? lo : moved > hi ? hi : moved;
      }
    }

    const final = engine.forward(actor, x, batch);
    const term = saKlTerm({ meanPerturbed: final.output, meanClean, logStd });
    if (sink.weight !== 0) {
      const g = term.gradMeanPerturbed;
      for (let k = 0; k < g.length; k++) g[k] = g[k]! * sink.weight;
      engine.backward(actor, final, g, sink.actorGrads, { accumulate: true });
      if (!this.options.detachStdev) {
        for (let j = 0; j < actDim; j++) sink.logStdGrad[j] = sink.logStdGrad[j]! + sink.weight * term.gradLogStd[j]!;
      }
    }
    this.lastPerturbed = x;
    return term.loss;
  }

  /** Parameter-gradient buffers the ascent steps write into and ignore (only the input gradient is used). */
  private scratch(actor: Mlp): Float32Array[] {
    const fits = this.scratchGrads && this.scratchGrads.length === 2 * actor.layers.length &&
      actor.layers.every((l, i) => this.scratchGrads![2 * i]!.length === l.w.length);
    if (!fits) this.scratchGrads = createGrads(actor);
    return this.scratchGrads!;
  }
}
