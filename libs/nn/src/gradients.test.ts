// Parameter and input gradients of the native and js engines against tfjs autograd (the oracle), for
// every loss the trainer and the SA regulariser backprop, on random nets with and without masks.
import type * as TF from '@tensorflow/tfjs';
import { Rng } from '@rlprune/random';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKernelEngine, type KernelEngine } from './engine';
import { gaussianEntropy, gaussianLogProb, gaussianLogProbGrad, ppoClipLoss, saKlTerm, valueLoss } from './losses';
import { createGrads, createMlp, setMask } from './mlp';
import { createTfjsEngine, type TfjsEngine } from './tfjs-engine';
import type { Activation, Mlp } from './types';

const LOG_2PI = Math.log(2 * Math.PI);

function randomArray(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => scale * rng.normal());
}

/** A random net with non-zero biases; masked nets prune ~40% of each layer. */
function randomNet(seed: number, dims: number[], activation: Activation, masked: boolean): Mlp {
  const rng = new Rng(seed);
  const mlp = createMlp({ inDim: dims[0]!, hidden: dims.slice(1, -1), outDim: dims[dims.length - 1]!, activation, outputGain: 0.5 }, rng);
  mlp.layers.forEach((layer, l) => {
    layer.b.set(randomArray(rng, layer.outDim, 0.3));
    if (masked) setMask(mlp, l, Float32Array.from(layer.w, () => (rng.uniform() < 0.4 ? 0 : 1)));
  });
  return mlp;
}

/** Elementwise closeness: 1e-4 relative, plus a floor of 1e-5 of the array's largest entry for near-zero entries. */
function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  let scale = 0;
  for (const v of expected) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    const excess = Math.abs(actual[i]! - expected[i]!) - (1e-4 * Math.abs(expected[i]!) + 1e-5 * scale + 1e-9);
    if (excess > worst) {
      worst = excess;
      at = i;
    }
  }
  expect(at, `${what}: first bad index ${at}, got ${actual[at]}, want ${expected[at]}`).toBe(-1);
}

let tfe: TfjsEngine;
let tf: typeof TF;
const engines: Record<'native' | 'js', KernelEngine> = { native: createKernelEngine('native'), js: createKernelEngine('js') };

beforeAll(async () => {
  tfe = await createTfjsEngine('cpu');
  tf = tfe.tf;
});

/** tfjs gradients of loss(x, params, logStd) w.r.t. all of them. */
function oracle(mlp: Mlp, x: Float32Array, batch: number, logStd: Float32Array, loss: (x: TF.Tensor2D, params: TF.Tensor[], logStd: TF.Tensor1D) => TF.Scalar) {
  return tf.tidy(() => {
    const inputs = [tf.tensor2d(x, [batch, mlp.layers[0]!.inDim]), ...tfe.paramTensors(mlp), tf.tensor1d(logStd)];
    const f = (...args: TF.Tensor[]) => loss(args[0] as TF.Tensor2D, args.slice(1, -1), args[args.length - 1] as TF.Tensor1D);
    const grads = tf.grads(f)(inputs).map((g) => Float32Array.from(g.dataSync()));
    return { x: grads[0]!, params: grads.slice(1, -1), logStd: grads[grads.length - 1]! };
  });
}

function tfLogProb(mean: TF.Tensor2D, logStd: TF.Tensor1D, actions: Float32Array): TF.Tensor1D {
  const z = tf.tensor2d(actions, mean.shape).sub(mean).div(tf.exp(logStd));
  return z.square().mul(-0.5).sub(logStd).sub(0.5 * LOG_2PI).sum(1) as TF.Tensor1D;
}

const cases: Array<{ activation: Activation; masked: boolean }> = [
  { activation: 'tanh', masked: false },
  { activation: 'tanh', masked: true },
  { activation: 'relu', masked: false },
  { activation: 'relu', masked: true },
];

describe.each(cases)('gradients match tfjs autograd ($activation, masked=$masked)', ({ activation, masked }) => {
  const seed = (activation === 'tanh' ? 10 : 20) + (masked ? 1 : 0);
  const obsDim = 7;
  const actDim = 3;
  const batch = 19;
  const dims = [obsDim, 24, 17, actDim];

  it('PPO clipped loss with entropy bonus, through the Gaussian log-prob', () => {
    const rng = new Rng(seed);
    const actor = randomNet(seed, dims, activation, masked);
    const x = randomArray(rng, batch * obsDim);
    const logStd = randomArray(rng, actDim, 0.3);
    const actions = randomArray(rng, batch * actDim);
    const advantages = randomArray(rng, batch);
    const entCoef = 0.01;
    const clipCoef = 0.2;
    // Old log-probs away from the new ones so that some ratios fall outside the clip range.
    const mean0 = engines.js.predict(actor, x, batch);
    const lp0 = gaussianLogProb(mean0, logStd, actions);
    const oldLogProb = lp0.map((v) => v + 0.4 * rng.normal());

    const want = oracle(actor, x, batch, logStd, (tx, params, tLogStd) => {
      const mean = tfe.forwardTensors(actor, tx, params);
      const ratio = tf.exp(tfLogProb(mean, tLogStd, actions).sub(tf.tensor1d(oldLogProb)));
      const adv = tf.tensor1d(advantages);
      const pg = tf.maximum(adv.neg().mul(ratio), adv.neg().mul(tf.clipByValue(ratio, 1 - clipCoef, 1 + clipCoef))).mean();
      const entropy = tLogStd.add(0.5 + 0.5 * LOG_2PI).sum();
      return pg.sub(entropy.mul(entCoef)) as TF.Scalar;
    });

    const results = (['native', 'js'] as const).map((name) => {
      const engine = engines[name];
      const pass = engine.forward(actor, x, batch);
      const logProb = gaussianLogProb(pass.output, logStd, actions);
      const ppo = ppoClipLoss({ logProb, oldLogProb, advantages, clipCoef });
      expect(ppo.clipFraction).toBeGreaterThan(0);
      const back = gaussianLogProbGrad(pass.output, logStd, actions, ppo.gradLogProb);
      const ent = gaussianEntropy(logStd);
      const gLogStd = back.logStd.map((g, j) => g - entCoef * ent.gradLogStd[j]!);
      const grads = createGrads(actor);
      const gx = engine.backward(actor, pass, back.mean, grads, { inputGrad: true })!;
      want.params.forEach((g, i) => expectClose(grads[i]!, g, `${name} param ${i}`));
      expectClose(gx, want.x, `${name} input`);
      expectClose(gLogStd, want.logStd, `${name} logStd`);
      if (masked) actor.layers.forEach((l, i) => l.mask.forEach((m, k) => m === 0 && expect(grads[2 * i]![k]).toBe(0)));
      return { grads, gx };
    });
    results[0]!.grads.forEach((g, i) => expectClose(g, results[1]!.grads[i]!, `native vs js param ${i}`));
    expectClose(results[0]!.gx, results[1]!.gx, 'native vs js input');
  });

  it('clipped value loss on the critic', () => {
    const rng = new Rng(seed + 100);
    const critic = randomNet(seed + 100, [obsDim, 24, 17, 1], activation, masked);
    const x = randomArray(rng, batch * obsDim);
    const returns = randomArray(rng, batch);
    const values0 = engines.js.predict(critic, x, batch);
    const oldValues = values0.map((v) => v + 0.3 * rng.normal());
    const clipCoef = 0.2;
    // The critic has no log-std; the oracle's is tied in with weight 0 so tf.grads accepts it.
    const want = oracle(critic, x, batch, new Float32Array(1), (tx, params, unused) => {
      const v = tfe.forwardTensors(critic, tx, params).reshape([batch]);
      const ret = tf.tensor1d(returns);
      const old = tf.tensor1d(oldValues);
      const vClip = old.add(tf.clipByValue(v.sub(old), -clipCoef, clipCoef));
      return tf.maximum(v.sub(ret).square(), vClip.sub(ret).square()).mean().mul(0.5).add(unused.sum().mul(0)) as TF.Scalar;
    });
    for (const name of ['native', 'js'] as const) {
      const pass = engines[name].forward(critic, x, batch);
      const vl = valueLoss({ values: pass.output, returns, oldValues, clipCoef });
      const grads = createGrads(critic);
      const gx = engines[name].backward(critic, pass, vl.gradValues, grads, { inputGrad: true })!;
      want.params.forEach((g, i) => expectClose(grads[i]!, g, `${name} param ${i}`));
      expectClose(gx, want.x, `${name} input`);
    }
  });

  it('SA regulariser KL term, through mu(s\') and sigma with mu(s) constant', () => {
    const rng = new Rng(seed + 200);
    const actor = randomNet(seed + 200, dims, activation, masked);
    const x = randomArray(rng, batch * obsDim);
    const xPert = x.map((v) => v + 0.1 * rng.normal());
    const logStd = randomArray(rng, actDim, 0.3);
    const meanClean = engines.js.predict(actor, x, batch);
    const want = oracle(actor, xPert, batch, logStd, (tx, params, tLogStd) => {
      const mu = tfe.forwardTensors(actor, tx, params);
      const diff = mu.sub(tf.tensor2d(meanClean, [batch, actDim])).div(tf.exp(tLogStd));
      return diff.square().sum(1).mean() as TF.Scalar;
    });
    for (const name of ['native', 'js'] as const) {
      const pass = engines[name].forward(actor, xPert, batch);
      const sa = saKlTerm({ meanPerturbed: pass.output, meanClean, logStd });
      const grads = createGrads(actor);
      const gx = engines[name].backward(actor, pass, sa.gradMeanPerturbed, grads, { inputGrad: true })!;
      want.params.forEach((g, i) => expectClose(grads[i]!, g, `${name} param ${i}`));
      expectClose(gx, want.x, `${name} input`);
      expectClose(sa.gradLogStd, want.logStd, `${name} logStd`);
    }
  });
});

describe('engine agreement on wider nets', () => {
  // Batch 1 and 3 take the native row-dot path, 37 the packed GEMM with ragged edge tiles.
  it.each([1, 3, 37])('native and js agree on forward, accumulated backward and input gradients at batch %i', (batch) => {
    const rng = new Rng(5 + batch);
    const mlp = randomNet(5, [11, 70, 33, 5], 'tanh', true);
    const x = randomArray(rng, batch * 11, 2);
    const gOut = randomArray(rng, batch * 5);
    const out: Record<string, { y: Float32Array; p: Float32Array; grads: Float32Array[]; gx: Float32Array }> = {};
    for (const name of ['native', 'js'] as const) {
      const pass = engines[name].forward(mlp, x, batch);
      const grads = createGrads(mlp).map((g) => g.fill(0.5));
      const gx = engines[name].backward(mlp, pass, gOut, grads, { inputGrad: true, accumulate: true })!;
      out[name] = { y: pass.output.slice(), p: engines[name].predict(mlp, x, batch), grads, gx };
    }
    expectClose(out.native!.y, out.js!.y, 'forward');
    expectClose(out.native!.p, out.js!.y, 'predict');
    out.native!.grads.forEach((g, i) => expectClose(g, out.js!.grads[i]!, `param ${i}`));
    expectClose(out.native!.gx, out.js!.gx, 'input');
    // accumulate added to the 0.5 already there, except where the mask zeroes the weight gradient
    expect(out.js!.grads[1]!.some((v) => v !== 0.5)).toBe(true);
    expect(out.native!.grads[2]!.filter((_, k) => mlp.layers[1]!.mask[k] === 0).every((v) => v === 0)).toBe(true);
  });
});
