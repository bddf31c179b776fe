// Random victims and prepared artifacts for the property tests: real nets with random weights, not stubs.
import { createActorCritic, createMlp, encodePolicy, type PolicyArtifact } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { encodePrepared } from '../prepared-artifact';
import { RS_ARTIFACT_KIND } from '../rs';

export function randomPolicy(seed: number, obsDim: number, actDim: number, activation?: 'tanh' | 'relu'): PolicyArtifact {
  const rng = new Rng(seed);
  // Larger output gains than PPO's init, so actions and values actually depend on the input.
  const model = createActorCritic({ obsDim, actDim, hidden: [16, 16], actorOutputGain: 1, activation: activation ?? (rng.uniform() < 0.5 ? 'tanh' : 'relu') }, seed);
  for (let j = 0; j < actDim; j++) model.logStd[j] = rng.range(-1, 0.5);
  return {
    metadata: { env: 'test', seed, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer: { mean: new Float64Array(obsDim), var: new Float64Array(obsDim).fill(1), count: 1, clip: 10, eps: 1e-8 },
    model,
  };
}

export function randomBatch(rng: Rng, n: number, obsDim: number, scale = 3): Float32Array {
  return Float32Array.from({ length: n * obsDim }, () => rng.range(-scale, scale));
}

/** A prepared artifact of the right kind for attacks that need one, with random nets. */
export function randomPrepared(attack: string, seed: number, obsDim: number, actDim: number): Buffer | undefined {
  if (attack === 'rs' || attack === 'rs_mad') {
    const q = createMlp({ inDim: obsDim + actDim, hidden: [16, 16], outDim: 1 }, seed);
    return encodePrepared({ attack: RS_ARTIFACT_KIND, envId: 'test', epsilon: 0.1, obsDim, actDim, nets: { q }, tensors: {}, metrics: {} });
  }
  if (attack === 'learned') {
    // The adversary is a policy whose actions live in observation space.
    const adversary = encodePolicy(randomPolicy(seed, obsDim, obsDim));
    return encodePrepared({ attack: 'learned', envId: 'test', epsilon: 0.1, obsDim, actDim, nets: {}, tensors: {}, metrics: {}, blobs: { adversary } });
  }
  return undefined;
}
