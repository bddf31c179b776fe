// Complete stage results for tests that stand in for the services (runner, sweep, results): each has
// every field its stage kind's StageResult has, so the runner and the results decode them.
import type { StageResult } from './stage-types';

/** A train result with a one-point curve. */
export function trainResult(policy: string, extra: Partial<StageResult['train']> = {}): StageResult['train'] {
  return { policy, final_mean_return: 1, curve: [{ envSteps: 512, meanReturn: 1, sparsity: 0, lipschitzBound: 9 }], ...extra };
}

export function pruneResult(policy: string): StageResult['prune'] {
  return { policy, lipschitz_before: 9, lipschitz_after: 8, sparsity: 0.5 };
}

/** An evaluation of one episode per return given. */
export function evaluation(meanReturn: number, stdReturn = 0, states: string | null = null): StageResult['evaluate'] {
  return { episodes: 1, meanReturn, stdReturn, medianReturn: meanReturn, minReturn: meanReturn, maxReturn: meanReturn, meanLength: 1, returns: [meanReturn], lengths: [1], states };
}

export function certificate(epsilon: number, extra: Partial<StageResult['certify']> = {}): StageResult['certify'] {
  return { epsilon, global: { lipschitzSurrogate: 9, spectralProduct: 4, tv: 10 * epsilon }, perState: [], layers: [], constant: false, parameterPath: null, ...extra };
}
