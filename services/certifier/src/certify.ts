// Certify: global and per-state bounds for a stored policy over an epsilon ball, each per-state
// method's mean certified radius, the constant-policy flag and, given the dense policy it was pruned
// from (reference_policy), the parameter-path sensitivity behind the paper's pruning-loss bound.
import type * as grpc from '@grpc/grpc-js';
import { CERTIFY_METHODS, certifyPolicy, parameterPath, type CertifyMethod } from '@rlprune/certify';
import { decodePolicy, type Mlp } from '@rlprune/nn';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import type { CertifyRequest__Output, CertifyResponse } from '@rlprune/proto';
import { InvalidArgumentError, requireArtifactId, requireNonNegative, requireOneOf, requirePositiveInt, type ArtifactClient } from '@rlprune/service-kit';

const PER_STATE = new Set<string>(['ibp', 'crown']);
/** Trapezoid intervals of the parameter path when the request names none (as libs/certify parameterPath). */
const DEFAULT_PATH_STEPS = 10;
/** More intervals than this buy nothing over the trapezoid rule's error and cost a pass each. */
const MAX_PATH_STEPS = 1000;

export async function certify(call: grpc.ServerUnaryCall<CertifyRequest__Output, CertifyResponse>, artifacts: ArtifactClient): Promise<CertifyResponse> {
  const req = call.request;
  const policyId = requireArtifactId(req.policy, 'policy');
  const epsilon = requireNonNegative(req.epsilon, 'epsilon');
  const norm = requireOneOf(req.norm || 'linf', 'norm', ['linf', 'l2'] as const);
  const methods = (req.methods.length > 0 ? req.methods : [...CERTIFY_METHODS]).map((m, i) =>
    requireOneOf(m, `methods[${i}]`, CERTIFY_METHODS as readonly string[]),
  ) as CertifyMethod[];
  const referenceId = req.referencePolicy?.id ? requireArtifactId(req.referencePolicy, 'reference_policy') : null;
  const pathSteps = req.pathSteps === undefined ? DEFAULT_PATH_STEPS : requirePositiveInt(req.pathSteps, 'path_steps', MAX_PATH_STEPS);
  const policy = decodePolicy(await artifacts.get(policyId));
  const obsDim = policy.model.actor.layers[0]!.inDim;
  const actDim = policy.model.logStd.length;
  let states: Float32Array[] | undefined;
  if (req.states?.shape?.length) {
    const { values, shape } = decodeTensor(req.states, 'states', [null, obsDim]);
    if (shape[0] === 0) throw new InvalidArgumentError('states', `is empty; give at least one normalised state of width ${obsDim}`);
    states = Array.from({ length: shape[0]! }, (_, i) => values.subarray(i * obsDim, (i + 1) * obsDim));
  } else if (methods.some((m) => PER_STATE.has(m))) {
    throw new InvalidArgumentError('states', `per-state methods (${methods.filter((m) => PER_STATE.has(m)).join(', ')}) need states [n, ${obsDim}]`);
  } else if (referenceId) {
    throw new InvalidArgumentError('states', `the parameter path is measured on states: give states [n, ${obsDim}] with reference_policy`);
  }
  const result = certifyPolicy({
    actor: policy.model.actor,
    logStd: policy.model.logStd,
    ...(states ? { states } : {}),
    epsilon,
    norm,
    methods,
    tvThreshold: req.tvThreshold ?? 0.1,
    includeBounds: req.includePerState,
    certifiedRadius: req.certifiedRadius ?? true,
  });
  let path = null;
  if (referenceId && states) {
    const dense = decodePolicy(await artifacts.get(referenceId));
    const mismatch = shapeMismatch(dense.model.actor, policy.model.actor);
    if (mismatch) throw new InvalidArgumentError('reference_policy', `its actor ${mismatch}: the parameter path runs between two actors of one architecture`);
    const r = parameterPath(
      { actor: dense.model.actor, logStd: dense.model.logStd },
      { actor: policy.model.actor, logStd: policy.model.logStd },
      states,
      { steps: pathSteps },
    );
    path = { deltaNorm: r.deltaNorm, lPar: r.lPar, measuredActionShift: r.measuredActionShift, sigmaMin: r.sigmaMin, steps: pathSteps };
  }
  const stack = (rows: Float64Array[] | undefined) =>
    rows ? encodeTensor(Float32Array.from(rows.flatMap((r) => Array.from(r))), [rows.length, actDim]) : null;
  return {
    layers: result.layerNorms.map((n, i) => ({ layer: `actor.${i}`, ...n })),
    global: {
      lipschitzSurrogate: result.global.surrogateLipschitz,
      spectralProduct: result.global.spectralProduct,
      actionChange: result.global.actionChange.surrogate,
      tv: result.global.tv.surrogate,
    },
    perState: result.perState
      .filter((s) => PER_STATE.has(s.method))
      .map((s) => ({
        method: s.method,
        meanTv: s.meanTv,
        medianTv: s.medianTv,
        maxTv: s.maxTv,
        certifiedFraction: s.certifiedFraction,
        meanWidth: s.meanWidth,
        lower: stack(s.lower),
        upper: stack(s.upper),
        ...(s.meanCertifiedRadius !== undefined ? { meanCertifiedRadius: s.meanCertifiedRadius } : {}),
      })),
    states: states?.length ?? 0,
    constant: result.constant,
    parameterPath: path,
  };
}

/** How the reference (dense) actor's shape differs from the certified one's, in words; null if it does not. */
function shapeMismatch(dense: Mlp, pruned: Mlp): string | null {
  const shape = (m: Mlp) => `${m.layers.map((l) => l.inDim).join('-')}-${m.layers.at(-1)!.outDim} ${m.activation}`;
  const same =
    dense.activation === pruned.activation &&
    dense.layers.length === pruned.layers.length &&
    dense.layers.every((l, k) => l.inDim === pruned.layers[k]!.inDim && l.outDim === pruned.layers[k]!.outDim);
  return same ? null : `is ${shape(dense)} but the policy's is ${shape(pruned)}`;
}
