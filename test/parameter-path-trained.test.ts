// The parameter-path bound ||mu_pruned(s) - mu_dense(s)|| <= L_par * ||theta_pruned - theta_dense|| on
// *trained* InvertedPendulum policies (libs/certify's parameter-path tests use random nets): the
// pairs the experiment grid compares. States are the pruned policy's own deterministic rollouts, as
// the certify stage takes them from its clean evaluation.
// Pairs: (a) the 16-16 fixture of libs/attacks (PPO, 123k steps) and the same policy magnitude-pruned
// after training at 50% and 80% (the post_hoc arm); (b) a 16-16 PPO run and a run of the same seed
// micro-pruned to 70% during training (the during arm), trained here in a few seconds each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterPath } from '@rlprune/certify';
import { decodePolicy, type Mlp, type PolicyArtifact } from '@rlprune/nn';
import { createLocalVecEnv, train } from '@rlprune/rl';
import { ownRollouts } from './helpers/rollout';

const ENV_ID = 'InvertedPendulum-v4';

/** Layer-wise magnitude pruning of every actor layer to `sparsity` (mask and weight). */
function magnitudePruned(actor: Mlp, sparsity: number): Mlp {
  return {
    activation: actor.activation,
    layers: actor.layers.map((l) => {
      const w = Float32Array.from(l.w);
      const mask = Float32Array.from(l.mask);
      const order = Array.from(w.keys()).sort((a, b) => Math.abs(w[a]!) - Math.abs(w[b]!));
      for (const i of order.slice(0, Math.floor(sparsity * w.length))) {
        w[i] = 0;
        mask[i] = 0;
      }
      return { ...l, w, mask, b: Float32Array.from(l.b) };
    }),
  };
}

async function trained(pruning: Parameters<typeof train>[0]['pruning']): Promise<PolicyArtifact> {
  const env = await createLocalVecEnv(ENV_ID, { numEnvs: 1, seed: 1 });
  const result = await train({ envId: ENV_ID, seed: 1, totalTimesteps: 20_480, hidden: [16, 16], updateEpochs: 4, pruning }, env);
  env.close();
  return decodePolicy(result.policy);
}

const pairs: { name: string; dense: PolicyArtifact; pruned: { actor: Mlp; logStd: ArrayLike<number> }; states: Float32Array[] }[] = [];

beforeAll(async () => {
  const fixture = decodePolicy(readFileSync(join(__dirname, '..', 'libs', 'attacks', 'src', 'fixtures', 'inverted-pendulum-16x16.policy')));
  for (const sparsity of [0.5, 0.8]) {
    const actor = magnitudePruned(fixture.model.actor, sparsity);
    const pruned: PolicyArtifact = { ...fixture, model: { ...fixture.model, actor } };
    const { states } = await ownRollouts(pruned, { envId: ENV_ID, seed: 700, episodes: 2, stride: 5, maxStates: 200 });
    pairs.push({ name: `fixture pruned post hoc to ${sparsity}`, dense: fixture, pruned: { actor, logStd: fixture.model.logStd }, states });
  }
  const dense = await trained(null);
  const during = await trained({ criterion: 'magnitude', finalSparsity: 0.7, interval: 15 });
  const { states } = await ownRollouts(during, { envId: ENV_ID, seed: 800, episodes: 2, stride: 5, maxStates: 200 });
  pairs.push({ name: 'PPO vs PPO micro-pruned to 0.7 (same seed)', dense, pruned: during.model, states });
}, 180_000);

describe('parameter path on trained policy pairs', () => {
  it('L_par * ||delta theta|| bounds the mean action shift, and every state\'s shift by its own path integral', () => {
    for (const pair of pairs) {
      const r = parameterPath(pair.dense.model, pair.pruned, pair.states);
      expect(pair.states.length, pair.name).toBeGreaterThan(10);
      expect(r.deltaNorm, pair.name).toBeGreaterThan(0);
      expect(r.measuredActionShift, pair.name).toBeGreaterThan(0);
      expect(r.measuredActionShift, pair.name).toBeLessThanOrEqual(r.lPar * r.deltaNorm);
      for (let s = 0; s < pair.states.length; s++)
        expect(r.perState.actionShift[s]!, `${pair.name}, state ${s}`).toBeLessThanOrEqual(r.perState.lPar[s]! * r.deltaNorm);
      // the trapezoid average is converged: doubling the intervals moves L_par by < 1%
      const fine = parameterPath(pair.dense.model, pair.pruned, pair.states, { steps: 20 });
      expect(Math.abs(fine.lPar - r.lPar) / fine.lPar, pair.name).toBeLessThan(0.01);
    }
  });
});
