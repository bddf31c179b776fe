import { describe, expect, it } from 'vitest';
import { createGrads, createKernelEngine, createMlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { ConvexSaRegulariser } from './convex-sa-regulariser';
import { SgldRegulariser } from './sgld-regulariser';
import { train } from './ppo';
import { PointEnv } from './testing/point-env';

const engine = createKernelEngine();

describe('ConvexSaRegulariser', () => {
  it('bounds from above what SGLD finds (IBP, CROWN and mixed), and adds weight * gradients', () => {
    const actor = createMlp({ inDim: 4, hidden: [12, 12], outDim: 2, outputGain: 1 }, 8);
    const logStd = Float32Array.of(-0.3, 0.2);
    const rng = new Rng(1);
    const batch = 8;
    const obs = Float32Array.from({ length: batch * 4 }, () => rng.normal());
    const noSink = () => ({ weight: 0, actorGrads: createGrads(actor), logStdGrad: new Float32Array(2) });
    const attack = new SgldRegulariser({ steps: 10, beta: 1e-5 }).lossAndGrads(
      { actor, logStd, obs, batch, epsilon: 0.1, ramp: 1, rng: new Rng(2), engine }, noSink());
    const convex = new ConvexSaRegulariser();
    for (const ramp of [0, 0.5, 1]) {
      const bound = convex.lossAndGrads({ actor, logStd, obs, batch, epsilon: 0.1, ramp, rng: new Rng(3), engine }, noSink());
      expect(bound).toBeGreaterThanOrEqual(attack);
    }
    const sink = { weight: 2, actorGrads: createGrads(actor), logStdGrad: new Float32Array(2) };
    const one = { weight: 1, actorGrads: createGrads(actor), logStdGrad: new Float32Array(2) };
    convex.lossAndGrads({ actor, logStd, obs, batch, epsilon: 0.1, ramp: 1, rng: new Rng(3), engine }, sink);
    convex.lossAndGrads({ actor, logStd, obs, batch, epsilon: 0.1, ramp: 1, rng: new Rng(3), engine }, one);
    expect(sink.actorGrads[0]!.some((g) => g !== 0)).toBe(true);
    sink.actorGrads.forEach((g, t) => g.forEach((v, i) => expect(v).toBeCloseTo(2 * one.actorGrads[t]![i]!, 5)));
    sink.logStdGrad.forEach((v, j) => expect(v).toBeCloseTo(2 * one.logStdGrad[j]!, 5));
  });

  it('plugs into train() through the same interface', async () => {
    const result = await train(
      { envId: 'Point-v0', seed: 1, numEnvs: 1, numSteps: 16, numMinibatches: 2, updateEpochs: 1, totalTimesteps: 48, hidden: [6], sa: { kappa: 0.5, epsilon: 0.1, method: 'convex' } },
      new PointEnv({ numEnvs: 1, seed: 1 }),
      { onIteration: (p) => void (p.iteration > 1 && expect(p.saLoss).toBeGreaterThan(0)) },
    );
    expect(result.iterations).toBe(3);
  });
});
