// Masks survive training, Adam matches its formula, clipping matches torch's, nets are reproducible,
// bad shapes are rejected with both shapes named, and native training does not leak.
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { Adam } from './adam';
import { clipGradNorm, globalGradNorm } from './clip';
import { createKernelEngine } from './engine';
import { InvalidArgumentError } from '@rlprune/errors';
import { jsKernels } from './kernels/js-kernels';
import { kernelsByName } from './kernels/select-kernels';
import { mseLoss } from './losses';
import { applyMasks, createActorCritic, createGrads, createMlp, mlpParams, setMask, sparsity } from './mlp';
import type { Mlp } from './types';

const randn = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => rng.normal());

function trainSteps(mlp: Mlp, engineName: 'native' | 'js', steps: number, batch: number, seed: number, adam?: Adam): Adam {
  const engine = createKernelEngine(engineName);
  const opt = adam ?? new Adam({ lr: 1e-2, eps: 1e-5 }, kernelsByName(engineName));
  const rng = new Rng(seed);
  const inDim = mlp.layers[0]!.inDim;
  const outDim = mlp.layers[mlp.layers.length - 1]!.outDim;
  const x = randn(rng, batch * inDim);
  const y = randn(rng, batch * outDim);
  const grads = createGrads(mlp);
  const gOut = new Float32Array(batch * outDim);
  let pass = engine.forward(mlp, x, batch);
  for (let s = 0; s < steps; s++) {
    pass = engine.forward(mlp, x, batch, pass);
    mseLoss(pass.output, y, gOut);
    engine.backward(mlp, pass, gOut, grads);
    opt.update(mlpParams(mlp), grads);
  }
  return opt;
}

describe('masks under training', () => {
  for (const name of ['native', 'js'] as const) {
    it(`${name}: every masked weight and its Adam moments are exactly 0 after 1,000 steps`, () => {
      const rng = new Rng(3);
      const mlp = createMlp({ inDim: 6, hidden: [32, 32], outDim: 2 }, rng);
      mlp.layers.forEach((l, i) => setMask(mlp, i, Float32Array.from(l.w, () => (rng.uniform() < 0.5 ? 0 : 1))));
      const before = mlp.layers.map((l) => l.w.slice());
      const adam = trainSteps(mlp, name, 1000, 16, 4);
      const state = adam.getState();
      mlp.layers.forEach((l, i) => {
        let moved = 0;
        for (let k = 0; k < l.w.length; k++) {
          if (l.mask[k] === 0) {
            expect(Object.is(l.w[k], 0), `layer ${i} w[${k}]`).toBe(true);
            expect(state.m[2 * i]![k]).toBe(0);
            expect(state.v[2 * i]![k]).toBe(0);
          } else if (l.w[k] !== before[i]![k]) moved++;
        }
        expect(moved).toBeGreaterThan(0);
      });
      expect(sparsity(mlp)).toBeGreaterThan(0.4);
    });
  }

  it('pruning mid-training zeroes the newly masked weights and moments at once', () => {
    const mlp = createMlp({ inDim: 4, hidden: [16], outDim: 2 }, 9);
    const adam = trainSteps(mlp, 'js', 20, 8, 1);
    const mask = new Float32Array(mlp.layers[0]!.w.length).fill(1);
    mask[0] = 0;
    mask[5] = 0;
    setMask(mlp, 0, mask);
    adam.applyMasks(mlpParams(mlp));
    expect([mlp.layers[0]!.w[0], mlp.layers[0]!.w[5]]).toEqual([0, 0]);
    expect([adam.getState().m[0]![0], adam.getState().v[0]![5]]).toEqual([0, 0]);
  });

  it('applyMasks zeroes weights edited in place under a zero mask', () => {
    const mlp = createMlp({ inDim: 3, hidden: [4], outDim: 1 }, 1);
    mlp.layers[0]!.mask[2] = 0;
    applyMasks(mlp);
    expect(mlp.layers[0]!.w[2]).toBe(0);
  });
});

describe('Adam', () => {
  it('follows the bias-corrected update for a hand-computed two-step case', () => {
    const p = Float32Array.from([1, -2]);
    const adam = new Adam({ lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, jsKernels);
    adam.update({ values: [p], masks: [null] }, [Float32Array.from([0.5, -1])]);
    // step 1: m^ = g, v^ = g^2, so each parameter moves by lr * sign(g)
    expect(p[0]).toBeCloseTo(0.9, 5);
    expect(p[1]).toBeCloseTo(-1.9, 5);
    adam.update({ values: [p], masks: [null] }, [Float32Array.from([0.5, 1])]);
    const m = 0.9 * -0.1 + 0.1 * 1; // the second parameter's gradients were -1, then 1
    const v = 0.999 * 0.001 + 0.001 * 1;
    const step = (0.1 * (m / (1 - 0.81))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    expect(p[1]).toBeCloseTo(-1.9 - step, 5);
  });

  it('native and js Adam produce the same parameters over 50 steps', () => {
    const a = createMlp({ inDim: 5, hidden: [40, 40], outDim: 3 }, 2);
    const b = createMlp({ inDim: 5, hidden: [40, 40], outDim: 3 }, 2);
    trainSteps(a, 'native', 50, 12, 8);
    trainSteps(b, 'js', 50, 12, 8);
    a.layers.forEach((l, i) => l.w.forEach((w, k) => expect(Math.abs(w - b.layers[i]!.w[k]!)).toBeLessThan(2e-4)));
  });

  it('rejects out-of-range hyper-parameters by name', () => {
    expect(() => new Adam({ beta1: 1 })).toThrow(/beta1: expected a number in \[0, 1\), got 1/);
  });
});

describe('gradient clipping', () => {
  it('scales the global norm down to maxNorm and leaves small gradients alone', () => {
    const grads = [Float32Array.from([3, 0]), Float32Array.from([4])];
    expect(globalGradNorm(grads, jsKernels)).toBeCloseTo(5, 6);
    expect(clipGradNorm(grads, 0.5, jsKernels)).toBeCloseTo(5, 6);
    expect(globalGradNorm(grads, kernelsByName('native'))).toBeCloseTo(0.5, 5);
    const small = [Float32Array.from([0.1])];
    clipGradNorm(small, 0.5, jsKernels);
    expect(small[0]![0]).toBeCloseTo(0.1, 7);
  });
});

describe('initialisation', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const a = createActorCritic({ obsDim: 11, actDim: 3 }, 42);
    const b = createActorCritic({ obsDim: 11, actDim: 3 }, 42);
    const c = createActorCritic({ obsDim: 11, actDim: 3 }, 43);
    expect(a.actor.layers[1]!.w).toEqual(b.actor.layers[1]!.w);
    expect(a.critic.layers[0]!.w).toEqual(b.critic.layers[0]!.w);
    expect(a.actor.layers[1]!.w).not.toEqual(c.actor.layers[1]!.w);
    expect(a.actor.layers.map((l) => [l.inDim, l.outDim])).toEqual([[11, 64], [64, 64], [64, 3]]);
    expect(Array.from(a.logStd)).toEqual([0, 0, 0]);
  });

  it('gives gain-scaled orthogonal rows or columns', () => {
    const mlp = createMlp({ inDim: 11, hidden: [64], outDim: 3, outputGain: 0.01 }, 7);
    const check = (w: Float32Array, rows: number, cols: number, gain: number) => {
      // W W^T = gain^2 I when rows <= cols, else W^T W = gain^2 I
      const [n, stride, along] = rows <= cols ? [rows, cols, 1] : [cols, 1, cols];
      const len = rows <= cols ? cols : rows;
      for (let p = 0; p < n; p++) {
        for (let q = 0; q < n; q++) {
          let dot = 0;
          for (let k = 0; k < len; k++) dot += w[p * stride + k * along]! * w[q * stride + k * along]!;
          expect(dot).toBeCloseTo(p === q ? gain * gain : 0, 5);
        }
      }
    };
    check(mlp.layers[0]!.w, 64, 11, Math.SQRT2);
    check(mlp.layers[1]!.w, 3, 64, 0.01);
  });
});

describe('bad input', () => {
  const mlp = createMlp({ inDim: 4, hidden: [8], outDim: 2 }, 1);
  for (const name of ['native', 'js'] as const) {
    it(`${name}: a batch of the wrong width names both shapes`, () => {
      const engine = createKernelEngine(name);
      const err = (() => {
        try {
          engine.forward(mlp, new Float32Array(3 * 5), 3);
        } catch (e) {
          return e as InvalidArgumentError;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect(err!.field).toBe('x');
      expect(err!.message).toBe('x: expected shape [3, 4] (12 values), got [3, 5]');
    });
  }

  it('a mask of the wrong shape names both shapes', () => {
    expect(() => setMask(mlp, 0, new Float32Array(9))).toThrow('layers[0].mask: expected shape [8, 4] (32 values), got 9 values');
    mlp.layers[1]!.mask = new Float32Array(3);
    expect(() => createKernelEngine('js').predict(mlp, new Float32Array(4), 1)).toThrow(
      'mlp.layers[1].mask: expected a Float32Array of shape [2, 8], got Float32Array of length 3',
    );
    mlp.layers[1]!.mask = new Float32Array(16).fill(1);
  });

  it('a gradient of the wrong width names both shapes', () => {
    const engine = createKernelEngine('native');
    const pass = engine.forward(mlp, new Float32Array(8), 2);
    expect(() => engine.backward(mlp, pass, new Float32Array(6), createGrads(mlp))).toThrow(
      'gradOutput: expected shape [2, 2] (4 values), got [2, 3]',
    );
  });
});

describe('memory', () => {
  it('RSS after 200k native train steps is within 5% of RSS after 20k', () => {
    const mlp = createMlp({ inDim: 4, hidden: [8, 8], outDim: 2 }, 1);
    const adam = trainSteps(mlp, 'native', 20_000, 4, 2);
    const rss20k = process.memoryUsage().rss;
    trainSteps(mlp, 'native', 180_000, 4, 2, adam);
    const rss200k = process.memoryUsage().rss;
    expect(Math.abs(rss200k - rss20k) / rss20k).toBeLessThan(0.05);
  });
});
