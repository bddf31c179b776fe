import { describe, expect, it } from 'vitest';
import { createGrads, createKernelEngine, createMlp, saKlTerm, type Mlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { SgldRegulariser } from './sgld-regulariser';

const engine = createKernelEngine();
const obsDim = 5;
const actDim = 3;
const batch = 16;

function setup(seed: number): { actor: Mlp; logStd: Float32Array; obs: Float32Array } {
  const actor = createMlp({ inDim: obsDim, hidden: [16, 16], outDim: actDim, outputGain: 1 }, seed);
  const rng = new Rng(seed + 100);
  const obs = Float32Array.from({ length: batch * obsDim }, () => rng.normal());
  return { actor, logStd: Float32Array.of(-0.5, 0, 0.3), obs };
}

function rAt(actor: Mlp, logStd: Float32Array, obs: Float32Array, perturbed: Float32Array): number {
  const clean = engine.predict(actor, obs, batch).slice();
  return saKlTerm({ meanPerturbed: engine.predict(actor, perturbed, batch), meanClean: clean, logStd }).loss;
}

describe('SgldRegulariser', () => {
  it('stays in the L-inf ball and finds a larger R than random points of the ball', () => {
    const { actor, logStd, obs } = setup(1);
    const eps = 0.1;
    const reg = new SgldRegulariser({ steps: 10, beta: 1e-5 });
    const sink = { weight: 0, actorGrads: createGrads(actor), logStdGrad: new Float32Array(actDim) };
    const r = reg.lossAndGrads({ actor, logStd, obs, batch, epsilon: eps, ramp: 1, rng: new Rng(2), engine }, sink);
    const x = reg.lastPerturbed!;
    for (let k = 0; k < x.length; k++) expect(Math.abs(x[k]! - obs[k]!)).toBeLessThanOrEqual(eps + 1e-6);
    expect(r).toBeCloseTo(rAt(actor, logStd, obs, x), 6);
    const rng = new Rng(9);
    let bestRandom = 0;
    for (let trial = 0; trial < 20; trial++) {
      const corner = Float32Array.from(obs, (o) => o + (rng.uniform() < 0.5 ? -eps : eps));
      bestRandom = Math.max(bestRandom, rAt(actor, logStd, obs, corner));
    }
    expect(r).toBeGreaterThan(bestRandom);
    // Zero weight leaves the sink untouched.
    expect(sink.actorGrads.every((g) => g.every((v) => v === 0))).toBe(true);
  });

  it('adds weight * dR/dparams through mu(s\') and sigma (finite differences at the found s\')', () => {
    const { actor, logStd, obs } = setup(3);
    const reg = new SgldRegulariser({ steps: 10, beta: 1e-5 });
    const weight = 0.7;
    const sink = { weight, actorGrads: createGrads(actor), logStdGrad: new Float32Array(actDim) };
    reg.lossAndGrads({ actor, logStd, obs, batch, epsilon: 0.2, ramp: 1, rng: new Rng(4), engine }, sink);
    const x = reg.lastPerturbed!;
    const clean = engine.predict(actor, obs, batch).slice(); // mu(s) is a constant
    const rWith = (a: Mlp, ls: Float32Array) => saKlTerm({ meanPerturbed: engine.predict(a, x, batch), meanClean: clean, logStd: ls }).loss;
    const h = 1e-2;
    for (const [layer, idx] of [[0, 3], [1, 40], [2, 7]] as const) {
      const w = actor.layers[layer]!.w;
      const keep = w[idx]!;
      w[idx] = keep + h;
      const up = rWith(actor, logStd);
      w[idx] = keep - h;
      const down = rWith(actor, logStd);
      w[idx] = keep;
      const fd = (weight * (up - down)) / (2 * h);
      expect(sink.actorGrads[2 * layer]![idx]).toBeCloseTo(fd, 3);
    }
    for (let j = 0; j < actDim; j++) {
      const up = logStd.slice();
      up[j] = up[j]! + h;
      const down = logStd.slice();
      down[j] = down[j]! - h;
      const fd = (weight * (rWith(actor, up) - rWith(actor, down))) / (2 * h);
      expect(sink.logStdGrad[j]).toBeCloseTo(fd, 2);
    }
  });

  it('is deterministic for an RNG state and returns 0 for epsilon 0', () => {
    const { actor, logStd, obs } = setup(5);
    const run = (seed: number, eps: number) => {
      const reg = new SgldRegulariser({ steps: 10, beta: 1e-5 });
      const sink = { weight: 1, actorGrads: createGrads(actor), logStdGrad: new Float32Array(actDim) };
      const r = reg.lossAndGrads({ actor, logStd, obs, batch, epsilon: eps, ramp: 1, rng: new Rng(seed), engine }, sink);
      return { r, x: Array.from(reg.lastPerturbed!) };
    };
    expect(run(7, 0.1)).toEqual(run(7, 0.1));
    expect(run(7, 0)).toEqual({ r: 0, x: Array.from(obs) });
  });
});
