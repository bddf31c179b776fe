// The convex (certified) estimate of SA-PPO's regulariser, over libs/certify's convexRegulariser:
// bounds on mu over the box by IBP and CROWN, mixed as beta * IBP + (1 - beta) * CROWN with beta
// following the epsilon ramp (0 -> 1), R = mean_s sum_j max(|lb_j - mu_j|, |ub_j - mu_j|)^2 / sigma_j^2.
// It works per state on a float64 tape, so it is much slower than SGLD; it draws no random numbers.
import { convexRegulariser } from '@rlprune/certify';
import type { SaGradientSink, SaRegulariser, SaRegulariserInput } from './sa-regulariser';

export class ConvexSaRegulariser implements SaRegulariser {
  readonly method = 'convex' as const;

  lossAndGrads(input: SaRegulariserInput, sink: SaGradientSink): number {
    const { actor, logStd, obs, batch, epsilon, ramp } = input;
    if (epsilon === 0) return 0;
    const d = obs.length / batch;
    const states: Float32Array[] = [];
    for (let n = 0; n < batch; n++) states.push(obs.subarray(n * d, (n + 1) * d));
    const result = convexRegulariser(actor, logStd, states, { epsilon, beta: ramp });
    if (sink.weight !== 0) {
      result.grad.layers.forEach((g, l) => {
        addScaled(sink.actorGrads[2 * l]!, g.w, sink.weight);
        addScaled(sink.actorGrads[2 * l + 1]!, g.b, sink.weight);
      });
      addScaled(sink.logStdGrad, result.grad.logStd, sink.weight);
    }
    return result.value;
  }
}

function addScaled(into: Float32Array, g: Float64Array, weight: number): void {
  for (let i = 0; i < into.length; i++) into[i] = into[i]! + weight * g[i]!;
}
