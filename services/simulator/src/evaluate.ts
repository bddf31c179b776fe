// Evaluate: K episodes of a policy in parallel envs, optionally under attack. The actor sees the
// (possibly perturbed) normalised observation; the env keeps the true state. Env i plays episodes
// i, i+N, i+2N, ... so the set of episodes does not depend on which ones end first (no bias toward
// short episodes), and results are deterministic for a seed.
import type * as grpc from '@grpc/grpc-js';
import { createVecEnv } from '@rlprune/envs';
import { createKernelEngine, decodePolicy, normalizeObs } from '@rlprune/nn';
import { encodeTensor } from '@rlprune/proto';
import type { EvaluateEvent, EvaluateRequest__Output } from '@rlprune/proto';
import { deriveSeed, Rng } from '@rlprune/random';
import { InvalidArgumentError, requireArtifactId, requireNonNegative, requirePositiveInt, requireString, type ArtifactClient, type DialAllowList } from '@rlprune/service-kit';
import { AttackStream } from './attack-stream';
import type { EnvBudget } from './budget';

export interface EvaluateDeps {
  /** Attacker addresses an Evaluate request may name. */
  dialable: DialAllowList;
  artifacts: ArtifactClient;
  budget: EnvBudget;
}

function summarise(returns: number[], lengths: number[]) {
  const n = returns.length;
  const mean = returns.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(returns.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const sorted = [...returns].sort((a, b) => a - b);
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    episodes: n,
    meanReturn: mean,
    stdReturn: std,
    medianReturn: median,
    minReturn: sorted[0]!,
    maxReturn: sorted[n - 1]!,
    meanLength: lengths.reduce((a, b) => a + b, 0) / n,
    returns,
    lengths,
  };
}

export async function runEvaluate(call: grpc.ServerWritableStream<EvaluateRequest__Output, EvaluateEvent>, deps: EvaluateDeps): Promise<void> {
  const req = call.request;
  const policyId = requireArtifactId(req.policy, 'policy');
  const envId = requireString(req.envId, 'env_id');
  const episodes = requirePositiveInt(req.episodes, 'episodes', 100_000);
  const numEnvs = Math.min(episodes, req.numEnvs ? requirePositiveInt(req.numEnvs, 'num_envs') : 16);
  const sampleSize = req.stateSampleSize;
  const binding = req.attack
    ? {
        // only an attacker of this simulator's configuration (ATTACKER_ADDRESSES, RLPRUNE_DIAL_ALLOW)
        address: deps.dialable.check(requireString(req.attack.address, 'attack.address'), 'attack.address'),
        attack: requireString(req.attack.attack, 'attack.attack'),
        epsilon: requireNonNegative(req.attack.epsilon, 'attack.epsilon'),
        preparedId: req.attack.prepared?.id || null,
        params: { ...req.attack.params },
      }
    : null;

  const policy = decodePolicy(await deps.artifacts.get(policyId));
  deps.budget.acquire(numEnvs);
  const env = await createVecEnv(envId, { numEnvs, seed: req.seed }).catch((err) => {
    deps.budget.release(numEnvs);
    throw err;
  });
  const { obsDim, actDim } = env.spec;
  if (policy.model.actor.layers[0]!.inDim !== obsDim) {
    env.close();
    deps.budget.release(numEnvs);
    throw new InvalidArgumentError('env_id', `the policy expects observations of width ${policy.model.actor.layers[0]!.inDim}, ${envId} gives ${obsDim}`);
  }
  let attack: AttackStream | null = null;
  const cancelled = () => call.cancelled;
  try {
    if (binding) attack = await AttackStream.open(binding, policyId, deriveSeed(req.seed, 'attack'), numEnvs, obsDim);
    const engine = createKernelEngine();
    const actionRng = new Rng(deriveSeed(req.seed, 'actions'));
    const sampleRng = new Rng(deriveSeed(req.seed, 'state-sample'));
    const std = Array.from(policy.model.logStd, Math.exp);
    const quota = Array.from({ length: numEnvs }, (_, i) => Math.floor((episodes - i + numEnvs - 1) / numEnvs));
    const played = new Array<number>(numEnvs).fill(0);
    const returns = new Array<number>(episodes);
    const lengths = new Array<number>(episodes);
    const sample: Float32Array[] = [];
    let seen = 0;
    let finished = 0;
    let raw = env.reset();
    let starts = new Array<boolean>(numEnvs).fill(true);
    const normed = new Float32Array(numEnvs * obsDim);
    const actions = new Float32Array(numEnvs * actDim);
    while (finished < episodes) {
      if (cancelled()) return;
      normalizeObs(policy.normalizer, raw, numEnvs, normed);
      for (let i = 0; i < numEnvs && sampleSize > 0; i++) {
        if (played[i]! >= quota[i]!) continue;
        // reservoir sampling of the true (unperturbed) normalised states visited
        seen++;
        const row = normed.slice(i * obsDim, (i + 1) * obsDim);
        if (sample.length < sampleSize) sample.push(row);
        else {
          const j = sampleRng.int(seen);
          if (j < sampleSize) sample[j] = row;
        }
      }
      const seenByActor = attack ? await attack.perturb(normed, starts) : normed;
      const mean = engine.predict(policy.model.actor, seenByActor, numEnvs);
      for (let k = 0; k < numEnvs * actDim; k++) actions[k] = req.deterministic ? mean[k]! : mean[k]! + std[k % actDim]! * actionRng.normal();
      const r = env.step(actions);
      starts = new Array<boolean>(numEnvs).fill(false);
      for (let i = 0; i < numEnvs; i++) {
        if (!r.terminated[i] && !r.truncated[i]) continue;
        starts[i] = true;
        if (played[i]! >= quota[i]!) continue;
        const index = i + played[i]! * numEnvs;
        played[i]!++;
        returns[index] = r.episodeReturns[i]!;
        lengths[index] = r.episodeLengths[i]!;
        finished++;
        call.write({ episode: { index, episodeReturn: r.episodeReturns[i]!, length: r.episodeLengths[i]!, terminated: r.terminated[i] === 1 } });
      }
      raw = r.obs;
    }
    const states = sample.length > 0 ? encodeTensor(concat(sample), [sample.length, obsDim]) : null;
    call.write({ summary: { ...summarise(returns, lengths), stateSample: states } });
  } finally {
    attack?.close();
    env.close();
    deps.budget.release(numEnvs);
  }
}

function concat(rows: Float32Array[]): Float32Array {
  const out = new Float32Array(rows.length * (rows[0]?.length ?? 0));
  rows.forEach((r, i) => out.set(r, i * r.length));
  return out;
}
