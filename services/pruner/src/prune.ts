// Prune: one-shot pruning of a stored policy; the pruned policy is stored with the original as parent.
import type * as grpc from '@grpc/grpc-js';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy, encodePolicy, sparsity as netSparsity } from '@rlprune/nn';
import { decodeTensor } from '@rlprune/proto';
import type { PruneRequest__Output, PruneResponse } from '@rlprune/proto';
import { logLikelihoodGradients, pruneActorCritic, type Criterion, type Scope } from '@rlprune/pruning';
import { InvalidArgumentError, requireArtifactId, requireOneOf, requireRange, type ArtifactClient } from '@rlprune/service-kit';

export async function prune(call: grpc.ServerUnaryCall<PruneRequest__Output, PruneResponse>, artifacts: ArtifactClient): Promise<PruneResponse> {
  const req = call.request;
  const policyId = requireArtifactId(req.policy, 'policy');
  const criterion = requireOneOf(req.criterion, 'criterion', ['magnitude', 'saliency', 'random'] as const);
  const scope = requireOneOf(req.scope || 'layer', 'scope', ['layer', 'global'] as const);
  const sparsity = requireRange(req.sparsity, 'sparsity', 0, 1, { maxExclusive: true });
  const artifact = decodePolicy(await artifacts.get(policyId));
  const model = artifact.model;
  const obsDim = model.actor.layers[0]!.inDim;
  let gradients: Float32Array[] | undefined;
  if (criterion === 'saliency') {
    if (!req.states?.data?.length) {
      throw new InvalidArgumentError('states', `saliency needs a batch of normalised states [n, ${obsDim}] to compute gradients from`);
    }
    const { values, shape } = decodeTensor(req.states, 'states', [null, obsDim]);
    gradients = logLikelihoodGradients(model, values, shape[0]!, req.seed);
  }
  const before = surrogateLipschitz(model.actor);
  const result = pruneActorCritic(model, {
    criterion: criterion as Criterion,
    scope: scope as Scope,
    structured: req.structured,
    sparsity,
    seed: req.seed,
    pruneCritic: req.pruneCritic,
    pruneBiases: req.pruneBiases,
    ...(gradients ? { actor: { gradients } } : {}),
  });
  const after = surrogateLipschitz(model.actor);
  const achieved = netSparsity(model.actor);
  const bytes = encodePolicy({
    ...artifact,
    metadata: {
      ...artifact.metadata,
      sparsity: achieved,
      parentId: policyId,
      labels: {
        ...artifact.metadata.labels,
        pruned: `${criterion}/${scope}${req.structured ? '/structured' : ''}/${sparsity}`,
        // a global target beyond the layer floor: pruned as far as the floor allows, and said so here
        ...(result.actor.floorLimit ? { pruningFloor: result.actor.floorLimit.message } : {}),
      },
    },
    extraTensors: undefined,
    extraJson: undefined,
  });
  const id = await artifacts.put(bytes, { kind: 'policy', labels: { env: artifact.metadata.env, parent: policyId } });
  return {
    policy: { id },
    layers: result.perLayer.map((l) => ({ layer: l.layer, total: l.total, pruned: l.pruned, sparsity: l.sparsity })),
    lipschitzBefore: before,
    lipschitzAfter: after,
    sparsity: achieved,
  };
}
