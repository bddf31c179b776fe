// A freshly initialised policy artifact for tests that need one in the store.
import { createActorCritic, createObsNormalizer, encodePolicy } from '@rlprune/nn';

export function randomPolicyBytes(envId: string, obsDim: number, actDim: number, seed: number, hidden = [16, 16]): Buffer {
  return encodePolicy({
    metadata: { env: envId, seed, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer: createObsNormalizer(obsDim),
    model: createActorCritic({ obsDim, actDim, hidden, activation: 'tanh' }, seed),
  });
}
