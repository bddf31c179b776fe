// Normalised states for commands that need some (saliency pruning): either read from a JSON file
// (an array of normalised observations, the format `rlprune certify --states` reads), or gathered by
// rolling the policy out in its env with mean actions, as the policy would act when evaluated.
// Observations are normalised with the artifact's frozen normaliser, as the actor sees them.
import fs from 'node:fs';
import { createEnv } from '@rlprune/envs';
import { createKernelEngine, normalizeObs, type PolicyArtifact } from '@rlprune/nn';
import { UsageError } from './errors';

/** Reads `[[...obs], ...]` and checks every row has obsDim finite numbers; errors name the file and row. */
export function readStatesFile(file: string, obsDim: number, flag = '--states'): Float32Array {
  if (!fs.existsSync(file)) throw new UsageError(`${flag}: file ${file} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${flag}: ${file} is not JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new UsageError(`${flag}: ${file} must hold a non-empty JSON array of normalised observations`);
  const out = new Float32Array(parsed.length * obsDim);
  parsed.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== obsDim || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new UsageError(`${flag}: row ${i} of ${file} must be ${obsDim} finite numbers (the policy's observation size)`);
    }
    out.set(row as number[], i * obsDim);
  });
  return out;
}

/**
 * `count` normalised states visited by the policy acting with its mean action in `envId`, episodes
 * restarting as they end. Deterministic for a seed (the env's reset noise is the only randomness).
 */
export async function rolloutStates(artifact: PolicyArtifact, envId: string, count: number, seed: number): Promise<Float32Array> {
  const obsDim = artifact.model.actor.layers[0]!.inDim;
  const env = await createEnv(envId, { seed });
  if (env.spec.obsDim !== obsDim) {
    env.close();
    throw new UsageError(`--env: ${envId} observes ${env.spec.obsDim} numbers, the policy expects ${obsDim}`);
  }
  const engine = createKernelEngine();
  const out = new Float32Array(count * obsDim);
  const state = new Float32Array(obsDim);
  try {
    let obs = env.reset();
    for (let n = 0; n < count; n++) {
      normalizeObs(artifact.normalizer, obs, 1, state);
      out.set(state, n * obsDim);
      const action = engine.predict(artifact.model.actor, state, 1);
      const step = env.step(action);
      obs = step.terminated || step.truncated ? env.reset() : step.obs;
    }
  } finally {
    env.close();
  }
  return out;
}
