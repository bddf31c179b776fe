export {
  frobeniusNorm,
  induced1Norm,
  inducedInfNorm,
  spectralNorm,
  layerNorms,
  surrogateLipschitz,
  spectralProduct,
} from './norms';
export type { LayerNorms } from './norms';
export type { BallNorm } from './ball';
export { BALL_NORMS, dualNormOfRow, l2Radius } from './ball';
export type { Bounds, PerStateMethod } from './bounds';
export { PER_STATE_METHODS } from './bounds';
export type { Layer64, Mlp64 } from './float64-mlp';
export { toFloat64Mlp, forwardMean } from './float64-mlp';
export type { RelaxedLine, NeuronRelaxation } from './activation-relaxation';
export { relaxActivation } from './activation-relaxation';
export { ibpBounds } from './ibp';
export { crownBounds } from './crown';
export type { CertifyMethod } from './methods';
export { CERTIFY_METHODS, isPerStateMethod, boundActionMean } from './methods';
export {
  erf,
  tvFromMahalanobis,
  tvLinearised,
  sigmaFromLogStd,
  worstCaseMahalanobis,
  tvFromActionBounds,
  tvFromLipschitz,
} from './gaussian-tv';
export type { GlobalBounds, LipschitzBoundPair } from './global-bounds';
export { globalBounds } from './global-bounds';
export type { PerStateTv } from './certified-robustness';
export { perStateTv, certifiedRobustness } from './certified-robustness';
export type { CertifiedRadiusOptions } from './certified-radius';
export { certifiedRadius } from './certified-radius';
export type { PathSensitivityOptions, PathSensitivity } from './path-sensitivity';
export { pathSensitivity, inputJacobian, spectralNormOfMatrix } from './path-sensitivity';
export type { ConvexRegulariserOptions, ConvexRegulariserResult, LayerGradient } from './convex-regulariser';
export { convexRegulariser } from './convex-regulariser';
export type { CertifyPolicyRequest, CertifyPolicyResult, PerStateStats } from './certify-policy';
export { certifyPolicy } from './certify-policy';
export type { ActorPolicy, ParameterPath, ParameterPathOptions } from './parameter-path';
export { parameterPath, parameterJacobianGram } from './parameter-path';
export { isConstantPolicy } from './constant-policy';
export { symmetricEigenvalues, largestSymmetricEigenvalue } from './symmetric-eigen';
