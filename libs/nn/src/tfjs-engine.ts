// The same MlpEngine on @tensorflow/tfjs autograd: the independent oracle in gradient tests, and an
// engine for users who have tfjs-node(-gpu) installed (its `tensorflow` backend is used when present).
// tfjs (~290 MB installed) is an optional peer dependency of @rlprune/nn and a dev dependency only,
// so production images do not carry it: it is loaded lazily, when this engine is created, and its
// absence is an EngineUnavailableError with the npm command that installs it.
import type * as TF from '@tensorflow/tfjs';
import { checkGrads, type BackwardOptions, type ForwardPass, type MlpEngine } from './engine';
import { importEnginePeer } from './optional-peer';
import type { Mlp } from './types';
import { check } from '@rlprune/errors';
import { checkBatch } from './validate';

type Tf = typeof TF;

/** How to install the tfjs engine's peer (the version the gradient oracle is tested with). */
export const TFJS_INSTALL = 'npm install @tensorflow/tfjs@4.22.0';

/** Loads tfjs and picks a backend: tensorflow (tfjs-node-gpu or tfjs-node) if resolvable, else the one asked, else cpu. */
export async function loadTfjs(preferred: 'cpu' | 'wasm' = 'cpu'): Promise<{ tf: Tf; backend: string }> {
  for (const name of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      // Optional peers that are usually absent, so resolved at runtime by name.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tf = require(name) as Tf;
      await tf.ready();
      return { tf, backend: tf.getBackend() };
    } catch {
      // not installed (or libtensorflow missing): try the next
    }
  }
  const tf = await importEnginePeer(() => import('@tensorflow/tfjs'), 'tfjs', '@tensorflow/tfjs', TFJS_INSTALL);
  if (preferred === 'wasm') {
    try {
      await import('@tensorflow/tfjs-backend-wasm');
      if (await tf.setBackend('wasm')) return { tf, backend: 'wasm' };
    } catch {
      // fall through to cpu
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, backend: 'cpu' };
}

export class TfjsEngine implements MlpEngine {
  readonly name = 'tfjs' as const;

  constructor(readonly tf: Tf, readonly backend: string) {}

  /** Forward in tfjs with effective weights W ⊙ M; params are [w0, b0, w1, b1, ...] tensors. */
  forwardTensors(mlp: Mlp, x: TF.Tensor2D, params: TF.Tensor[]): TF.Tensor2D {
    const tf = this.tf;
    let h = x;
    mlp.layers.forEach((layer, l) => {
      const w = params[2 * l]!.reshape([layer.outDim, layer.inDim]).mul(tf.tensor2d(layer.mask, [layer.outDim, layer.inDim]));
      h = tf.matMul(h, w, false, true).add(params[2 * l + 1]!) as TF.Tensor2D;
      if (l < mlp.layers.length - 1) h = mlp.activation === 'tanh' ? tf.tanh(h) : tf.relu(h);
    });
    return h;
  }

  paramTensors(mlp: Mlp): TF.Tensor[] {
    return mlp.layers.flatMap((l) => [this.tf.tensor1d(l.w), this.tf.tensor1d(l.b)]);
  }

  predict(mlp: Mlp, x: Float32Array, batch: number, out?: Float32Array): Float32Array {
    check.mlpShape('mlp', mlp);
    checkBatch('x', x, batch, mlp.layers[0]!.inDim);
    const y = this.tf.tidy(() => this.forwardTensors(mlp, this.tf.tensor2d(x, [batch, mlp.layers[0]!.inDim]), this.paramTensors(mlp)).dataSync() as Float32Array);
    if (out) {
      checkBatch('out', out, batch, mlp.layers[mlp.layers.length - 1]!.outDim);
      out.set(y);
      return out;
    }
    return Float32Array.from(y);
  }

  forward(mlp: Mlp, x: Float32Array, batch: number): ForwardPass {
    const output = this.predict(mlp, x, batch);
    return { batch, x: x.slice(), outs: [output], output };
  }

  backward(mlp: Mlp, pass: ForwardPass, gradOutput: Float32Array, grads: Float32Array[], options: BackwardOptions = {}): Float32Array | null {
    check.mlpShape('mlp', mlp);
    const tf = this.tf;
    const inDim = mlp.layers[0]!.inDim;
    const outDim = mlp.layers[mlp.layers.length - 1]!.outDim;
    checkBatch('gradOutput', gradOutput, pass.batch, outDim);
    checkGrads(mlp, grads);
    const result = tf.tidy(() => {
      const x = tf.tensor2d(pass.x, [pass.batch, inDim]);
      const params = this.paramTensors(mlp);
      const dy = tf.tensor2d(gradOutput, [pass.batch, outDim]);
      const f = (...args: TF.Tensor[]) => this.forwardTensors(mlp, args[0] as TF.Tensor2D, args.slice(1));
      return tf.grads(f)([x, ...params], dy).map((t) => t.dataSync() as Float32Array);
    });
    grads.forEach((g, i) => {
      const src = result[i + 1]!;
      if (options.accumulate) for (let k = 0; k < g.length; k++) g[k] += src[k]!;
      else g.set(src);
    });
    if (!options.inputGrad) return null;
    const gx = options.inputGrad instanceof Float32Array ? options.inputGrad : new Float32Array(pass.batch * inDim);
    checkBatch('inputGrad', gx, pass.batch, inDim);
    gx.set(result[0]!);
    return gx;
  }
}

export async function createTfjsEngine(preferred: 'cpu' | 'wasm' = 'cpu'): Promise<TfjsEngine> {
  const { tf, backend } = await loadTfjs(preferred);
  return new TfjsEngine(tf, backend);
}
