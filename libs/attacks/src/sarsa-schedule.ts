// Robust sarsa's schedules, as SA-PPO's test.py sets them up (huanzhang12/SA_PPO src/test.py, the
// `--sarsa-enable` branch, and auto_LiRPA's LinearScheduler that it uses):
// - learning rate: constant for the first 2/3 of the iterations, then linearly down, stepped once per
//   iteration: factor(k) = 1 if k < d, else (N - k) / (N - d), d = N * 2/3 (N = 30: 1, ..., 1, 1.0,
//   0.9, ..., 0.1 at iterations 20..29);
// - eps_q (the smoothness ball): 0 for the first third, then ramped linearly minibatch by minibatch
//   over the next third, full for the last third (LinearScheduler "start=N/3,length=N/3", epochs
//   counted from 1, one epoch = one iteration's epochs x minibatches).

/** Learning-rate factor at iteration `k` (0-based) of `iterations`, decaying linearly from `decayFrom` (a fraction). */
export function sarsaLrFactor(k: number, iterations: number, decayFrom: number): number {
  const point = iterations * decayFrom;
  const decreasing = iterations - point;
  if (k < point || decreasing <= 0) return 1;
  return Math.max(0, (decreasing - k + point) / decreasing);
}

/**
 * Radius of the smoothness ball at minibatch `batch` (0-based) of `batches` in iteration `k` (0-based):
 * LinearScheduler(epsQ, start = floor(N * rampStart), length = floor(N * rampLength)).
 */
export function sarsaEpsilon(epsQ: number, k: number, batch: number, batches: number, iterations: number, rampStart: number, rampLength: number): number {
  const start = Math.floor(iterations * rampStart);
  const length = Math.floor(iterations * rampLength);
  const epoch = k + 1;
  if (epoch < start) return 0;
  if (length === 0) return epsQ;
  const step = epsQ / length;
  const epochStart = Math.min((epoch - start) * step, epsQ);
  const epochEnd = Math.min((epoch - start + 1) * step, epsQ);
  return epochStart + ((epochEnd - epochStart) / batches) * batch;
}
