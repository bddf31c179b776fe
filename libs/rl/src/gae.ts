// Generalised advantage estimation over a rollout of T steps x N envs (row t*N + i), with the two
// ways an episode can end kept apart: a terminated transition has no future (next value 0), a
// truncated one (time limit) is bootstrapped from the value of its final observation, which the
// caller computed before the env auto-reset. Either way the lambda-chain stops at the episode end.

export interface GaeInput {
  numSteps: number;
  numEnvs: number;
  /** Scaled rewards, [T * N]. */
  rewards: Float32Array;
  /** V(s_t) at rollout time, [T * N]. */
  values: Float32Array;
  /** 1 where the transition from s_t terminated the episode, [T * N]. */
  terminated: Uint8Array;
  /** 1 where it was truncated by the time limit (and not terminated), [T * N]. */
  truncated: Uint8Array;
  /** V(final observation) where truncated, [T * N] (ignored elsewhere). */
  truncationValues: Float32Array;
  /** V(s_T), the observation after the last step of the rollout, [N]. */
  nextValues: Float32Array;
  gamma: number;
  lambda: number;
}

/** Advantages and returns (= advantages + values), [T * N] each. */
export function computeGae(input: GaeInput): { advantages: Float32Array; returns: Float32Array } {
  const { numSteps: T, numEnvs: N, rewards, values, terminated, truncated, truncationValues, nextValues, gamma, lambda } = input;
  const advantages = new Float32Array(T * N);
  const returns = new Float32Array(T * N);
  for (let i = 0; i < N; i++) {
    let lastGae = 0;
    for (let t = T - 1; t >= 0; t--) {
      const k = t * N + i;
      let nextValue: number;
      let continues: number;
      if (terminated[k]) {
        nextValue = 0;
        continues = 0;
      } else if (truncated[k]) {
        nextValue = truncationValues[k]!;
        continues = 0;
      } else {
        nextValue = t === T - 1 ? nextValues[i]! : values[k + N]!;
        continues = 1;
      }
      const delta = rewards[k]! + gamma * nextValue - values[k]!;
      lastGae = delta + gamma * lambda * continues * lastGae;
      advantages[k] = lastGae;
      returns[k] = lastGae + values[k]!;
    }
  }
  return { advantages, returns };
}
