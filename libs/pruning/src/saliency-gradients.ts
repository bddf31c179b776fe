// Saliency needs dL/dW. For one-shot pruning (the pruner service and `rlprune prune`) it is taken
// from the policy's own log-likelihood:
// L = -mean_n log pi(a_n | s_n) with a_n ~ pi(. | s_n) drawn with a seed (at a_n = mu(s_n) the
// gradient would vanish). Returns actor weight gradients aligned with the layers.
import { createGrads, createKernelEngine, gaussianLogProbGrad, type ActorCritic } from '@rlprune/nn';
import { deriveSeed, Rng } from '@rlprune/random';

export function logLikelihoodGradients(model: ActorCritic, states: Float32Array, n: number, seed: number): Float32Array[] {
  const engine = createKernelEngine();
  const pass = engine.forward(model.actor, states, n);
  const d = model.logStd.length;
  const rng = new Rng(deriveSeed(seed, 'saliency-actions'));
  const actions = new Float32Array(n * d);
  for (let k = 0; k < n * d; k++) actions[k] = pass.output[k]! + Math.exp(model.logStd[k % d]!) * rng.normal();
  // d(-mean log pi)/d logpi_n = -1/n
  const upstream = new Float32Array(n).fill(-1 / n);
  const g = gaussianLogProbGrad(pass.output, model.logStd, actions, upstream);
  const grads = createGrads(model.actor);
  engine.backward(model.actor, pass, g.mean, grads);
  // weights only: [gw0, gb0, gw1, gb1, ...] -> [gw0, gw1, ...]
  return grads.filter((_, i) => i % 2 === 0);
}
