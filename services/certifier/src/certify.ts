// Certify: global and per-state bounds for a stored policy over an epsilon ball.
import type * as grpc from '@grpc/grpc-js';
import { CERTIFY_METHODS, certifyPolicy, type CertifyMethod } from '@rlprune/certify';
import { decodePolicy } from '@rlprune/nn';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import type { CertifyRequest__Output } from '@rlprune/proto/src/generated/rlprune/certifier/v1/CertifyRequest';
import { InvalidArgumentError, requireArtifactId, requireNonNegative, requireOneOf, type ArtifactClient } from '@rlprune/service-kit';

const PER_STATE = new Set<string>(['ibp', 'crown']);

export async function certify(call: grpc.ServerUnaryCall<CertifyRequest__Output, unknown>, artifacts: ArtifactClient) {
  const req = call.request;
  const policyId = requireArtifactId(req.policy, 'policy');
  const epsilon = requireNonNegative(req.epsilon, 'epsilon');
  const norm = requireOneOf(req.norm || 'linf', 'norm', ['linf', 'l2'] as const);
  const methods = (req.methods.length > 0 ? req.methods : [...CERTIFY_METHODS]).map((m, i) =>
    requireOneOf(m, `methods[${i}]`, CERTIFY_METHODS as readonly string[]),
  ) as CertifyMethod[];
  const policy = decodePolicy(await artifacts.get(policyId));
  const obsDim = policy.model.actor.layers[0]!.inDim;
  const actDim = policy.model.logStd.length;
  let states: Float32Array[] | undefined;
  if (req.states?.shape?.length) {
    const { values, shape } = decodeTensor(req.states, 'states', [null, obsDim]);
    if (shape[0] === 0) throw new InvalidArgumentError(`is empty; give at least one normalised state of width ${obsDim}`, 'states');
    states = Array.from({ length: shape[0]! }, (_, i) => values.subarray(i * obsDim, (i + 1) * obsDim));
  } else if (methods.some((m) => PER_STATE.has(m))) {
    throw new InvalidArgumentError(`per-state methods (${methods.filter((m) => PER_STATE.has(m)).join(', ')}) need states [n, ${obsDim}]`, 'states');
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
  });
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
      })),
    states: states?.length ?? 0,
  };
}
