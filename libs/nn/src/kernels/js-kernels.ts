// Portable kernels in plain TypeScript: the fallback when the native addon is not built, and the
// second implementation the tests hold the native one to. Loops run along contiguous memory.
import { ACT_RELU, ACT_TANH, type ActivationCode, type Kernels } from './kernels';

function forward(
  ws: Float32Array[], bs: Float32Array[], dims: Int32Array, act: ActivationCode,
  x: Float32Array, batch: number, outs: Float32Array[],
): void {
  const L = dims.length - 1;
  for (let l = 0; l < L; l++) {
    const inDim = dims[l]!;
    const outDim = dims[l + 1]!;
    const input = l === 0 ? x : outs[l - 1]!;
    const w = ws[l]!;
    const b = bs[l]!;
    const y = outs[l]!;
    const a = l === L - 1 ? 0 : act;
    for (let n = 0; n < batch; n++) {
      const xo = n * inDim;
      for (let o = 0; o < outDim; o++) {
        const wo = o * inDim;
        let s = b[o]!;
        for (let i = 0; i < inDim; i++) s += input[xo + i]! * w[wo + i]!;
        y[n * outDim + o] = a === ACT_TANH ? Math.tanh(s) : a === ACT_RELU ? (s > 0 ? s : 0) : s;
      }
    }
  }
}

// Per-size scratch for the gradients flowing between layers.
let scratchA = new Float32Array(0);
let scratchB = new Float32Array(0);

function backward(
  ws: Float32Array[], masks: Array<Float32Array | null>, dims: Int32Array, act: ActivationCode,
  x: Float32Array, batch: number, outs: Float32Array[], gradOut: Float32Array,
  gws: Float32Array[], gbs: Float32Array[], gx: Float32Array | null, accumulate: boolean,
): void {
  const L = dims.length - 1;
  let widest = 0;
  for (let l = 1; l <= L; l++) widest = Math.max(widest, dims[l]!);
  if (scratchA.length < batch * widest) {
    scratchA = new Float32Array(batch * widest);
    scratchB = new Float32Array(batch * widest);
  }
  let dz: Float32Array = gradOut; // d loss / d pre-activation of layer l (output layer is linear)
  let spare = scratchA;
  for (let l = L - 1; l >= 0; l--) {
    const inDim = dims[l]!;
    const outDim = dims[l + 1]!;
    const input = l === 0 ? x : outs[l - 1]!;
    const gw = gws[l]!;
    const gb = gbs[l]!;
    if (!accumulate) {
      gw.fill(0);
      gb.fill(0);
    }
    // Row o of the weight gradient stays in cache while the batch streams past it.
    for (let o = 0; o < outDim; o++) {
      const wo = o * inDim;
      for (let n = 0; n < batch; n++) {
        const d = dz[n * outDim + o]!;
        gb[o] += d;
        if (d === 0) continue;
        const xo = n * inDim;
        for (let i = 0; i < inDim; i++) gw[wo + i] += d * input[xo + i]!;
      }
    }
    const mask = masks[l];
    if (mask) for (let k = 0; k < gw.length; k++) if (mask[k] === 0) gw[k] = 0;
    if (l === 0 && !gx) break;
    const dIn = l === 0 ? gx! : spare;
    const w = ws[l]!;
    dIn.fill(0, 0, batch * inDim);
    for (let n = 0; n < batch; n++) {
      const zo = n * outDim;
      const xo = n * inDim;
      for (let o = 0; o < outDim; o++) {
        const d = dz[zo + o]!;
        if (d === 0) continue;
        const wo = o * inDim;
        for (let i = 0; i < inDim; i++) dIn[xo + i] += d * w[wo + i]!;
      }
    }
    if (l === 0) break;
    const y = outs[l - 1]!;
    const count = batch * inDim;
    if (act === ACT_TANH) for (let k = 0; k < count; k++) dIn[k] *= 1 - y[k]! * y[k]!;
    else if (act === ACT_RELU) for (let k = 0; k < count; k++) if (!(y[k]! > 0)) dIn[k] = 0;
    dz = dIn;
    spare = spare === scratchA ? scratchB : scratchA;
  }
}

function adam(
  params: Float32Array[], grads: Float32Array[], masks: Array<Float32Array | null>,
  ms: Float32Array[], vs: Float32Array[], hyper: Float32Array,
): void {
  const [lr, beta1, beta2, eps, bc1, bc2, gradScale] = hyper as unknown as number[];
  const stepSize = lr! / bc1!;
  const sqrtBc2 = Math.sqrt(bc2!);
  for (let t = 0; t < params.length; t++) {
    const p = params[t]!;
    const g = grads[t]!;
    const m = ms[t]!;
    const v = vs[t]!;
    const mask = masks[t];
    for (let i = 0; i < p.length; i++) {
      if (mask && mask[i] === 0) {
        p[i] = 0;
        m[i] = 0;
        v[i] = 0;
        continue;
      }
      const gi = g[i]! * gradScale!;
      m[i] = beta1! * m[i]! + (1 - beta1!) * gi;
      v[i] = beta2! * v[i]! + (1 - beta2!) * gi * gi;
      p[i] -= (stepSize * m[i]!) / (Math.sqrt(v[i]!) / sqrtBc2 + eps!);
    }
  }
}

function sumSquares(arrays: Float32Array[]): number {
  let s = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return s;
}

export const jsKernels: Kernels = { name: 'js', detail: 'portable TypeScript', forward, backward, adam, sumSquares };
