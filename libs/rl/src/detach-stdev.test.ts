// detachStdev (SA-PPO's robust_ppo_detach_stdev): R and its gradient on the actor are unchanged;
// only the gradient through sigma (dR/dlogStd = -2 R_j, which pushes sigma up) is gone.
import { describe, expect, it } from 'vitest';
import { createGrads, createKernelEngine, createMlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { ConvexSaRegulariser } from './convex-sa-regulariser';
import { SgldRegulariser } from './sgld-regulariser';
import type { SaRegulariser } from './sa-regulariser';

const engine = createKernelEngine();

function run(reg: SaRegulariser) {
  const actor = createMlp({ inDim: 4, hidden: [10, 10], outDim: 2, outputGain: 1 }, 5);
  const rng = new Rng(6);
  const obs = Float32Array.from({ length: 8 * 4 }, () => rng.normal());
  const sink = { weight: 0.7, actorGrads: createGrads(actor), logStdGrad: new Float32Array(2) };
  const r = reg.lossAndGrads({ actor, logStd: Float32Array.of(-0.4, 0.2), obs, batch: 8, epsilon: 0.1, ramp: 0.5, rng: new Rng(7), engine }, sink);
  return { r, sink };
}

describe('detachStdev', () => {
  const pairs: Array<[string, (detach: boolean) => SaRegulariser]> = [
    ['SGLD', (detachStdev) => new SgldRegulariser({ steps: 10, beta: 1e-5, detachStdev })],
    ['convex', (detachStdev) => new ConvexSaRegulariser({ bounds: 'crown-ibp', detachStdev })],
  ];
  for (const [name, make] of pairs) {
    it(`${name}: removes the sigma gradient of R and nothing else`, () => {
      const kept = run(make(false));
      const detached = run(make(true));
      expect(detached.r).toBe(kept.r);
      expect(kept.r).toBeGreaterThan(0);
      // Through sigma: -2 kappa R_j per coordinate, negative; detached: zero.
      kept.sink.logStdGrad.forEach((g) => expect(g).toBeLessThan(0));
      expect(Array.from(detached.sink.logStdGrad)).toEqual([0, 0]);
      detached.sink.actorGrads.forEach((g, t) => expect(Array.from(g)).toEqual(Array.from(kept.sink.actorGrads[t]!)));
      expect(detached.sink.actorGrads.some((g) => g.some((v) => v !== 0))).toBe(true);
    });
  }
});
