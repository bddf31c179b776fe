export type { Activation, DenseLayer, Mlp, ObsNormalizer, ActorCritic } from './types';
export { actorCriticParameterBound, DEFAULT_MAX_POLICY_PARAMETERS } from './validate';
export {
  createMlp, createActorCritic, cloneMlp, cloneActorCritic, mlpDims, applyMasks, setMask, sparsity, mlpParams, createGrads,
} from './mlp';
export type { MlpSpec, ActorCriticSpec, ParamSet } from './mlp';
export { orthogonalInit } from './orthogonal';
export { KernelEngine, createKernelEngine } from './engine';
export type { EngineName, MlpEngine, ForwardPass, BackwardOptions } from './engine';
export { TfjsEngine, createTfjsEngine, loadTfjs } from './tfjs-engine';
export type { Kernels, KernelsName } from './kernels/kernels';
export { jsKernels } from './kernels/js-kernels';
export { defaultKernels, kernelsByName, nativeKernelsOrNull } from './kernels/select-kernels';
export { NATIVE_ADDON_PATH } from './kernels/native-kernels';
export { Adam, DEFAULT_ADAM } from './adam';
export type { AdamOptions, AdamState } from './adam';
export { globalGradNorm, gradClipScale, clipGradNorm } from './clip';
export {
  gaussianLogProb, gaussianLogProbGrad, gaussianEntropy, ppoClipLoss, valueLoss, saKlTerm, mseLoss,
} from './losses';
export type { PpoClipInput, ValueLossInput, SaKlInput } from './losses';
export { createObsNormalizer, updateObsNormalizer, normalizeObs, cloneObsNormalizer } from './obs-normalizer';
export type { ObsNormalizerOptions } from './obs-normalizer';
export { encodePolicy, decodePolicy, PolicyFormatError, POLICY_MAGIC, POLICY_FORMAT_VERSION } from './artifact';
export type { PolicyArtifact, PolicyMetadata, ExtraTensor } from './artifact';
export { policyToJson, policyFromJson } from './policy-json';
export { policyToOnnx, ONNX_INPUT_OBS, ONNX_OUTPUT_ACTION_MEAN, ONNX_OUTPUT_LOG_STD } from './onnx-export';
export { ONNX_IR_VERSION, ONNX_OPSET } from './onnx-schema';
