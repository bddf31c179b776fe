// `rlprune prune --policy FILE --criterion NAME --sparsity S [--scope layer|global] [--structured]
// [--seed N] --out FILE`: one-shot pruning in-process; prints per-layer sparsity and bounds as JSON.
// Saliency takes its gradients from normalised states: `--states FILE.json`, or states visited by
// rolling the policy out in `--env` (mean actions, `--state-count` of them), as the pruner service
// does with the states it is sent (libs/pruning logLikelihoodGradients).
import fs from 'node:fs';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy, encodePolicy, sparsity as netSparsity } from '@rlprune/nn';
import { logLikelihoodGradients, pruneActorCritic, type Criterion, type Scope } from '@rlprune/pruning';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { readStatesFile, rolloutStates } from '../policy-states';
import { PRUNE } from '../specs/policies';

export async function pruneCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(PRUNE, argv);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  const artifact = decodePolicy(fs.readFileSync(values.policy));
  const seed = values.seed;
  let gradients: Float32Array[] | undefined;
  if (values.criterion === 'saliency') {
    const obsDim = artifact.model.actor.layers[0]!.inDim;
    let states: Float32Array;
    if (values.states) states = readStatesFile(values.states, obsDim);
    else if (values.env) states = await rolloutStates(artifact, values.env, values['state-count'], seed);
    else throw new UsageError('--criterion saliency needs states to take gradients from: give --env ID (the policy is rolled out there) or --states FILE.json');
    gradients = logLikelihoodGradients(artifact.model, states, states.length / obsDim, seed);
  }
  const before = surrogateLipschitz(artifact.model.actor);
  const result = pruneActorCritic(artifact.model, {
    criterion: values.criterion as Criterion,
    sparsity: values.sparsity,
    scope: values.scope as Scope,
    structured: values.structured,
    seed,
    ...(gradients ? { actor: { gradients } } : {}),
  });
  const after = surrogateLipschitz(artifact.model.actor);
  const achieved = netSparsity(artifact.model.actor);
  fs.writeFileSync(values.out, encodePolicy({ ...artifact, metadata: { ...artifact.metadata, sparsity: achieved }, extraTensors: undefined, extraJson: undefined }));
  console.log(JSON.stringify({ out: values.out, sparsity: achieved, lipschitzBefore: before, lipschitzAfter: after, layers: result.perLayer }));
  return 0;
}
