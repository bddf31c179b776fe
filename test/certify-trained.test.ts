// CROWN against IBP and the global Lipschitz bound on *trained* InvertedPendulum policies (issue 8):
// the soundness tests in libs/certify use random nets, whose pre-activations and weight scales are
// unlike those of a policy that balances a pole. Here the states are the policy's own deterministic
// rollouts, normalised with its own normaliser, at several budgets. On each policy and budget:
// - CROWN's mean bound width is below IBP's (tighter on average; not per state, which CROWN does not promise);
// - at every state CROWN's worst-case TV is at most the global surrogate TV, and its box lies inside
//   the global box mu +- L eps2;
// - no sampled perturbation (uniform, corners) and no signed-gradient attack leaves CROWN's bounds.
// Policies: the 16-16 fixture of libs/attacks (PPO, 123k steps) and a 64-64 PPO policy trained here
// (about 4 s on a free core).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certifyPolicy, forwardMean, inputJacobian, perStateTv, sigmaFromLogStd, toFloat64Mlp, type Mlp64,
} from '@rlprune/certify';
import { decodePolicy, type PolicyArtifact } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { createLocalVecEnv, train } from '@rlprune/rl';
import { ownRollouts } from './helpers/rollout';

const ENV_ID = 'InvertedPendulum-v4';
/** L-inf budgets in normalised units: a tenth of, at and twice the env's default attack budget (0.05). */
const EPSILONS = [0.005, 0.05, 0.1];
/** Episodes (deterministic actions, own seeds) whose states are certified; every STATE_STRIDE-th step is kept. */
const EPISODES = 2;
const STATE_STRIDE = 10;
/** States per policy and budget on which perturbations are sampled and attacked. */
const ATTACKED_STATES = 40;
const SAMPLES_PER_STATE = 500;
/** Relative slack for float64 rounding when comparing a forward pass with a bound. */
const TOL = 1e-9;

interface Subject {
  name: string;
  policy: PolicyArtifact;
  states: Float64Array[];
  returns: number[];
}

/** The policy's own deterministic episodes: returns and every STATE_STRIDE-th normalised state (float64). */
async function statesOf(policy: PolicyArtifact, seed: number): Promise<{ returns: number[]; states: Float64Array[] }> {
  const r = await ownRollouts(policy, { envId: ENV_ID, seed, episodes: EPISODES, stride: STATE_STRIDE });
  return { returns: r.returns, states: r.states.map((x) => Float64Array.from(x)) };
}

/** Signed-gradient ascent (direction 1) or descent (-1) of mu_j over the L-inf ball; the extreme value seen. */
function attackCoordinate(net: Mlp64, center: Float64Array, eps: number, j: number, direction: 1 | -1, start: Float64Array): number {
  const x = Float64Array.from(start);
  const d = center.length;
  let best = forwardMean(net, x)[j]!;
  for (let it = 0; it < 30; it++) {
    const jac = inputJacobian(net, x);
    for (let i = 0; i < d; i++) {
      const moved = x[i]! + (eps / 10) * Math.sign(direction * jac[j * d + i]!);
      x[i] = Math.min(center[i]! + eps, Math.max(center[i]! - eps, moved));
    }
    const v = forwardMean(net, x)[j]!;
    best = direction === 1 ? Math.max(best, v) : Math.min(best, v);
  }
  return best;
}

function within(v: number, lo: number, hi: number): boolean {
  return v >= lo - TOL * (1 + Math.abs(lo)) && v <= hi + TOL * (1 + Math.abs(hi));
}

const subjects: Subject[] = [];

beforeAll(async () => {
  const fixture = decodePolicy(readFileSync(join(__dirname, '..', 'libs', 'attacks', 'src', 'fixtures', 'inverted-pendulum-16x16.policy')));
  subjects.push({ name: 'fixture 16-16 (PPO, 123k steps)', policy: fixture, ...(await statesOf(fixture, 500)) });

  // 64-64 CleanRL shapes, shortened: 20 iterations of 2048 steps, 4 epochs (measured: balances for 1000 steps).
  const env = await createLocalVecEnv(ENV_ID, { numEnvs: 1, seed: 1 });
  const result = await train({ envId: ENV_ID, seed: 1, totalTimesteps: 40_960, hidden: [64, 64], updateEpochs: 4 }, env);
  env.close();
  const trained = decodePolicy(result.policy);
  subjects.push({ name: 'trained here 64-64 (PPO, 41k steps)', policy: trained, ...(await statesOf(trained, 600)) });
}, 120_000);

describe('CROWN vs IBP and the global bound on trained InvertedPendulum policies', () => {
  it('the policies are trained: deterministic episodes balance for (nearly) 1000 steps', () => {
    for (const s of subjects) {
      const mean = s.returns.reduce((a, b) => a + b, 0) / s.returns.length;
      expect(mean, `${s.name}: returns ${s.returns.join(', ')}`).toBeGreaterThanOrEqual(950);
      expect(s.states.length).toBeGreaterThanOrEqual(180);
    }
  });

  it('CROWN is tighter than IBP on average, and never looser than the global bound at any state', () => {
    for (const s of subjects)
      for (const epsilon of EPSILONS) {
        const where = `${s.name}, eps ${epsilon}`;
        const { actor, logStd } = s.policy.model;
        const res = certifyPolicy({ actor, logStd, states: s.states, epsilon, methods: ['lipschitz', 'ibp', 'crown'], includeBounds: true });
        const [, ibp, crown] = res.perState;
        expect(crown!.meanWidth, where).toBeLessThan(ibp!.meanWidth);
        expect(crown!.meanTv, where).toBeLessThan(ibp!.meanTv);

        const net = toFloat64Mlp(actor);
        const tv = perStateTv(net, sigmaFromLogStd(logStd), s.states, epsilon, 'crown', 'linf');
        const globalTv = res.global.tv.surrogate;
        const change = res.global.actionChange.surrogate;
        tv.tv.forEach((v, k) => {
          expect(v, `${where}, state ${k}`).toBeLessThanOrEqual(globalTv);
          const b = tv.bounds[k]!;
          b.lower.forEach((lo, j) => {
            expect(lo, `${where}, state ${k}`).toBeGreaterThanOrEqual(tv.means[k]![j]! - change);
            expect(b.upper[j]!, `${where}, state ${k}`).toBeLessThanOrEqual(tv.means[k]![j]! + change);
          });
        });
        // The global bound is not vacuous here, so "never looser" is a real comparison.
        expect(crown!.maxTv, where).toBeLessThan(globalTv);
      }
  });

  it('no sampled or attacked perturbation leaves the CROWN (or IBP) bounds', () => {
    const rng = new Rng('certify-trained-samples');
    for (const s of subjects)
      for (const epsilon of EPSILONS) {
        const net = toFloat64Mlp(s.policy.model.actor);
        const sigma = sigmaFromLogStd(s.policy.model.logStd);
        const picked = s.states.filter((_, k) => k % Math.ceil(s.states.length / ATTACKED_STATES) === 0);
        const crown = perStateTv(net, sigma, picked, epsilon, 'crown', 'linf').bounds;
        const ibp = perStateTv(net, sigma, picked, epsilon, 'ibp', 'linf').bounds;
        let violations = 0;
        let checks = 0;
        const check = (k: number, j: number, v: number) => {
          checks++;
          if (!within(v, crown[k]!.lower[j]!, crown[k]!.upper[j]!)) violations++;
          if (!within(v, ibp[k]!.lower[j]!, ibp[k]!.upper[j]!)) violations++;
        };
        picked.forEach((center, k) => {
          for (let n = 0; n < SAMPLES_PER_STATE; n++) {
            // Half on corners of the box, where a near-linear net takes its extremes.
            const corner = n % 2 === 0;
            const x = center.map((c) => c + (corner ? (rng.uniform() < 0.5 ? -epsilon : epsilon) : rng.range(-epsilon, epsilon)));
            forwardMean(net, x).forEach((v, j) => check(k, j, v));
          }
          for (let j = 0; j < crown[k]!.lower.length; j++)
            for (const direction of [1, -1] as const) {
              const start = center.map((c) => c + rng.range(-epsilon, epsilon));
              check(k, j, attackCoordinate(net, center, epsilon, j, direction, start));
            }
        });
        expect(checks).toBeGreaterThan(picked.length * SAMPLES_PER_STATE);
        expect(violations, `${s.name}, eps ${epsilon}`).toBe(0);
      }
  });
});
