// Episodes of a policy, optionally under an attack, the way the simulator's Evaluate runs them:
// raw observation -> the policy's normaliser -> attack (normalised in, normalised out) -> actor.
// Used by the strength tests, the fixture script and the learned adversary's reports.
import { normalizeObs, type MlpEngine, type PolicyArtifact } from '@rlprune/nn';
import { deriveSeed, Rng } from '@rlprune/random';
import type { VecEnvLike } from './env-source';
import { InvalidArgumentError } from '@rlprune/errors';
import type { Perturber } from './types';
import { Victim } from './victim';

export interface EvaluateOptions {
  policy: PolicyArtifact;
  /** Environments to run in; left open (the caller owns them), and reset here. */
  env: VecEnvLike;
  /** Episodes per env; every env runs exactly this many, so short episodes are not over-represented. */
  episodesPerEnv: number;
  /** Attack applied to every observation; none for clean returns. */
  perturber?: Perturber;
  /** Mean actions (SA-PPO's evaluation) instead of samples. Default true. */
  deterministic?: boolean;
  /** Seed of action sampling when not deterministic. Default 0. */
  seed?: number;
  engine?: MlpEngine;
}

export interface EvaluateResult {
  /** Undiscounted return of every episode, env-major. */
  returns: number[];
  mean: number;
  /** Mean of the victim critic at the clean and at the perturbed observations over every step (NaN without an attack). */
  meanValueClean: number;
  meanValuePerturbed: number;
}

export async function evaluatePolicy(o: EvaluateOptions): Promise<EvaluateResult> {
  if (!Number.isSafeInteger(o.episodesPerEnv) || o.episodesPerEnv < 1) {
    throw new InvalidArgumentError('episodesPerEnv', 'an integer >= 1', String(o.episodesPerEnv));
  }
  const victim = new Victim(o.policy, o.engine);
  const N = o.env.numEnvs;
  const rng = new Rng(deriveSeed(o.seed ?? 0, 'evaluate'));
  const deterministic = o.deterministic ?? true;
  const perEnv: number[][] = Array.from({ length: N }, () => []);
  const running = new Float64Array(N);
  const episodeStart = new Array<boolean>(N).fill(true);
  let valueClean = 0;
  let valuePerturbed = 0;
  let valueCount = 0;
  let raw = await o.env.reset();
  while (perEnv.some((r) => r.length < o.episodesPerEnv)) {
    const s = normalizeObs(o.policy.normalizer, raw, N);
    const seen = o.perturber ? o.perturber.perturb(s, N, episodeStart) : s;
    if (o.perturber) {
      const v0 = victim.critic.predict(s, N);
      const v1 = victim.critic.predict(seen, N);
      for (let i = 0; i < N; i++) {
        valueClean += v0[i]!;
        valuePerturbed += v1[i]!;
      }
      valueCount += N;
    }
    const res = await o.env.step(victim.act(seen, N, rng, deterministic));
    for (let i = 0; i < N; i++) {
      running[i] = running[i]! + res.rewards[i]!;
      const ended = res.terminated[i] === 1 || res.truncated[i] === 1;
      episodeStart[i] = ended;
      if (ended) {
        if (perEnv[i]!.length < o.episodesPerEnv) perEnv[i]!.push(running[i]!);
        running[i] = 0;
      }
    }
    raw = res.obs;
  }
  const returns = perEnv.flat();
  return {
    returns,
    mean: returns.reduce((a, b) => a + b, 0) / returns.length,
    meanValueClean: valueCount > 0 ? valueClean / valueCount : NaN,
    meanValuePerturbed: valueCount > 0 ? valuePerturbed / valueCount : NaN,
  };
}
