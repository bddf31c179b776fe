// Whether an actor's action mean can depend on the observation at all. A policy whose mean does not
// is "constant": every bound says it moves by 0 under any perturbation, which is true and says
// nothing about robustness (issue 15 item 6: 80% global magnitude pruning empties a Hopper actor's
// head), so results must label it instead of reading TV = 0 as a certificate.
//
// Definition (structural, for any activation): the actor is constant iff no chain of nonzero
// effective weights (W ⊙ M) leads from an input to an output. Then mu(s) is the same for every s,
// whatever the weights' values. It covers a layer with every weight zero (the case where the
// surrogate prod_l min(||W||_F, ...) is 0) and also layers that are non-empty but disconnected
// (structured or global pruning can leave layer 1's surviving units feeding no surviving weight of
// layer 2). Not covered, and not flagged: nets whose paths exist but cancel or whose ReLU units are
// dead on every input; those are value facts, not structure, and their bounds are ordinary bounds.
import type { Mlp64 } from './float64-mlp';

/** True when no input reaches an output through nonzero weights: the action mean is constant. */
export function isConstantPolicy(net: Mlp64): boolean {
  let reached: boolean[] = new Array<boolean>(net.layers[0]!.inDim).fill(true);
  for (const layer of net.layers) {
    const next = new Array<boolean>(layer.outDim).fill(false);
    for (let o = 0; o < layer.outDim; o++) {
      const off = o * layer.inDim;
      for (let i = 0; i < layer.inDim; i++)
        if (reached[i] && layer.w[off + i] !== 0) {
          next[o] = true;
          break;
        }
    }
    reached = next;
  }
  return !reached.some(Boolean);
}
