// A policy's actor as an ONNX model, so the policy runs outside rlprune (onnxruntime, TensorRT,
// PyTorch's onnx2torch, ...).
//
// Graph (opset 17, float32 throughout):
//   obs [batch, obsDim]
//   -> Sub(obs_mean) -> Div(Sqrt(Add(obs_var, obs_eps))) -> Clip(-clip, clip)   the frozen normaliser,
//      as normalizeObs computes it ((obs - mean) / sqrt(var + eps), clipped)
//   -> Gemm(actor.i.weight, actor.i.bias, transB=1) -> Tanh | Relu             each hidden layer
//   -> Gemm(...)                                                                  the linear head
//   -> action_mean [batch, actDim]
//   log_std [actDim]: the state-independent log standard deviation, an initializer passed out through
//   Identity so a consumer reads it without parsing initializers.
// Masks are folded into the weights (W ⊙ M), so a pruned weight is an exact 0 in the file. Weights keep
// rlprune's [outDim, inDim] layout, which is PyTorch's nn.Linear layout and Gemm's B with transB = 1.
// The normaliser's statistics are float64 in rlprune and float32 here (ONNX runtimes' float kernels);
// the difference is within float32 rounding of the normalised observation.
// Only the actor is exported: the critic and the training state are not needed to act.
import { version as NN_VERSION } from '../package.json';
import { check, InvalidArgumentError } from '@rlprune/errors';
import type { PolicyArtifact } from './artifact';
import { ONNX_ATTRIBUTE_INT, ONNX_FLOAT, ONNX_IR_VERSION, ONNX_OPSET, onnxModelType } from './onnx-schema';

/** Graph input: raw observations [batch, obsDim]. */
export const ONNX_INPUT_OBS = 'obs';
/** Graph output: the action mean [batch, actDim] (the action a deterministic evaluation takes). */
export const ONNX_OUTPUT_ACTION_MEAN = 'action_mean';
/** Graph output: the Gaussian log standard deviation [actDim], the same for every observation. */
export const ONNX_OUTPUT_LOG_STD = 'log_std';

interface TensorJson { name: string; dims: number[]; data_type: number; raw_data: Uint8Array }
interface NodeJson { op_type: string; name: string; input: string[]; output: string[]; attribute?: Array<{ name: string; type: number; i: number }> }
type Dim = { dim_value: number } | { dim_param: string };

function tensor(name: string, dims: number[], values: ArrayLike<number>): TensorJson {
  const data = Float32Array.from(values);
  // raw_data is little-endian by the ONNX spec; a Float32Array is host-endian, checked by the caller.
  return { name, dims, data_type: ONNX_FLOAT, raw_data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

function valueInfo(name: string, dims: Dim[]) {
  return { name, type: { tensor_type: { elem_type: ONNX_FLOAT, shape: { dim: dims } } } };
}

/**
 * The actor of a policy (normaliser, masked layers, action mean; log-std as a second output) as a
 * serialized onnx.ModelProto.
 */
export function policyToOnnx(artifact: PolicyArtifact): Uint8Array {
  if (new Uint8Array(Float32Array.of(1).buffer)[3] !== 0x3f) {
    throw new Error('ONNX export writes little-endian raw tensor data; big-endian hosts are not supported');
  }
  const { actor, logStd } = artifact.model;
  check.mlpShape('model.actor', actor);
  const norm = artifact.normalizer;
  const obsDim = actor.layers[0]!.inDim;
  const actDim = actor.layers[actor.layers.length - 1]!.outDim;
  if (norm.mean.length !== obsDim || norm.var.length !== obsDim) {
    throw new InvalidArgumentError('normalizer.mean', `${obsDim} values (actor inDim)`, `${norm.mean.length} mean / ${norm.var.length} var`);
  }
  if (logStd.length !== actDim) throw new InvalidArgumentError('model.logStd', `${actDim} values (actor outDim)`, `${logStd.length}`);

  const initializer: TensorJson[] = [
    tensor('obs_mean', [obsDim], norm.mean),
    tensor('obs_var', [obsDim], norm.var),
    tensor('obs_eps', [], [norm.eps]),
    tensor('obs_clip_min', [], [-norm.clip]),
    tensor('obs_clip_max', [], [norm.clip]),
    tensor('actor.log_std', [actDim], logStd),
  ];
  const node: NodeJson[] = [];
  const op = (op_type: string, input: string[], output: string, attribute?: NodeJson['attribute']) => {
    node.push({ op_type, name: output, input, output: [output], ...(attribute ? { attribute } : {}) });
    return output;
  };

  const centered = op('Sub', [ONNX_INPUT_OBS, 'obs_mean'], 'obs_centered');
  const std = op('Sqrt', [op('Add', ['obs_var', 'obs_eps'], 'obs_var_eps')], 'obs_std');
  let x = op('Clip', [op('Div', [centered, std], 'obs_scaled'), 'obs_clip_min', 'obs_clip_max'], 'obs_normalized');
  actor.layers.forEach((layer, i) => {
    const w = Float32Array.from(layer.w, (v, k) => (layer.mask[k] === 0 ? 0 : v));
    initializer.push(tensor(`actor.${i}.weight`, [layer.outDim, layer.inDim], w), tensor(`actor.${i}.bias`, [layer.outDim], layer.b));
    const last = i === actor.layers.length - 1;
    const y = op('Gemm', [x, `actor.${i}.weight`, `actor.${i}.bias`], last ? ONNX_OUTPUT_ACTION_MEAN : `actor.${i}.linear`, [
      { name: 'transB', type: ONNX_ATTRIBUTE_INT, i: 1 },
    ]);
    x = last ? y : op(actor.activation === 'relu' ? 'Relu' : 'Tanh', [y], `actor.${i}.${actor.activation}`);
  });
  op('Identity', ['actor.log_std'], ONNX_OUTPUT_LOG_STD);

  const m = artifact.metadata;
  const model = {
    ir_version: ONNX_IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    producer_name: 'rlprune',
    producer_version: NN_VERSION,
    doc_string: 'Actor of an rlprune policy: raw observation -> Gaussian action mean (and its log-std).',
    graph: {
      name: 'rlprune_actor',
      node,
      initializer,
      input: [valueInfo(ONNX_INPUT_OBS, [{ dim_param: 'batch' }, { dim_value: obsDim }])],
      output: [
        valueInfo(ONNX_OUTPUT_ACTION_MEAN, [{ dim_param: 'batch' }, { dim_value: actDim }]),
        valueInfo(ONNX_OUTPUT_LOG_STD, [{ dim_value: actDim }]),
      ],
    },
    metadata_props: [
      ['env', m.env],
      ['seed', String(m.seed)],
      ['sparsity', String(m.sparsity)],
      ['training_step', String(m.trainingStep)],
      ['parent_id', m.parentId ?? ''],
      ['activation', actor.activation],
      ...Object.entries(m.labels).map(([k, v]) => [`label.${k}`, v]),
    ].map(([key, value]) => ({ key, value })),
  };
  const type = onnxModelType();
  const problem = type.verify(model);
  if (problem) throw new Error(`internal: ONNX model does not match the schema: ${problem}`);
  return type.encode(type.fromObject(model)).finish();
}
