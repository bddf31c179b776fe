// The convex (certified) estimate of SA-PPO's regulariser, over libs/certify's convexRegulariser,
// as SA-PPO's robust_ppo_step and convex_relaxation.py compute it (huanzhang12/SA_PPO): bounds on mu
// over the box by IBP and by CROWN-IBP (IBP for the hidden layers, one CROWN backward pass for the
// output; auto_LiRPA's compute_bounds(IBP=True) then method='backward'), mixed as
// beta * IBP + (1 - beta) * CROWN-IBP with beta following the epsilon ramp (0 -> 1, SA-PPO's
// robust_ppo_beta_scheduler_opts "same"), R = mean_s sum_j max(|lb_j - mu_j(s)|, |ub_j - mu_j(s)|)^2 / sigma_j^2.
// Like SA-PPO, mu(s) is not detached here (robust_ppo_step passes the minibatch's means with their
// gradient; only its SGLD estimate detaches them), and sigma is detached only with detachStdev.
// Full CROWN for every layer is the option bounds "crown".
// It works per state on a float64 tape, so it is much slower than SGLD; it draws no random numbers.
import { convexRegulariser } from '@rlprune/certify';
import type { ConvexBounds } from './config';
import type { SaGradientSink, SaRegulariser, SaRegulariserInput } from './sa-regulariser';

export interface ConvexSaOptions {
  /** The CROWN side of the mix. SA-PPO: "crown-ibp". */
  bounds: ConvexBounds;
  /** Hold sigma constant in R: no gradient reaches the log-std. SA-PPO's default: false. */
  detachStdev?: boolean;
}

export class ConvexSaRegulariser implements SaRegulariser {
  readonly method = 'convex' as const;

  constructor(readonly options: ConvexSaOptions = { bounds: 'crown-ibp' }) {}

  lossAndGrads(input: SaRegulariserInput, sink: SaGradientSink): number {
    const { actor, logStd, obs, batch, epsilon, ramp } = input;
    if (epsilon === 0) return 0;
    const d = obs.length / batch;
    const states: Float32Array[] = [];
    for (let n = 0; n < batch; n++) states.push(obs.subarray(n * d, (n + 1) * d));
    const result = convexRegulariser(actor, logStd, states, { epsilon, beta: ramp, bounds: this.options.bounds, detachMean: false });
    if (sink.weight !== 0) {
      result.grad.layers.forEach((g, l) => {
        addScaled(sink.actorGrads[2 * l]!, g.w, sink.weight);
        addScaled(sink.actorGrads[2 * l + 1]!, g.b, sink.weight);
      });
      if (!this.options.detachStdev) addScaled(sink.logStdGrad, result.grad.logStd, sink.weight);
    }
    return result.value;
  }
}

function addScaled(into: Float32Array, g: Float64Array, weight: number): void {
  for (let i = 0; i < into.length; i++) into[i] = into[i]! + weight * g[i]!;
}
