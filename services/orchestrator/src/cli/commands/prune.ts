// `rlprune prune --policy FILE --criterion NAME --sparsity S [--scope layer|global] [--structured]
// [--seed N] --out FILE`: one-shot pruning in-process; prints per-layer sparsity and bounds as JSON.
// Saliency takes its gradients from normalised states: `--states FILE.json`, or states visited by
// rolling the policy out in `--env` (mean actions, `--state-count` of them), as the pruner service
// does with the states it is sent (libs/pruning logLikelihoodGradients).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy, encodePolicy, sparsity as netSparsity } from '@rlprune/nn';
import { logLikelihoodGradients, pruneActorCritic, type Criterion, type Scope } from '@rlprune/pruning';
import { UsageError } from '../errors';
import { readStatesFile, rolloutStates } from '../policy-states';

const USAGE =
  'usage: rlprune prune --policy FILE --criterion magnitude|saliency|random --sparsity S [--scope layer|global] [--structured] [--seed N] ' +
  '[--env ID [--state-count N] | --states FILE.json] --out FILE';
/** States rolled out for saliency when --env is given and --state-count is not. */
const DEFAULT_STATE_COUNT = 256;

export async function pruneCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      policy: { type: 'string' },
      criterion: { type: 'string' },
      sparsity: { type: 'string' },
      scope: { type: 'string', default: 'layer' },
      structured: { type: 'boolean', default: false },
      seed: { type: 'string', default: '0' },
      out: { type: 'string' },
      env: { type: 'string' },
      states: { type: 'string' },
      'state-count': { type: 'string', default: String(DEFAULT_STATE_COUNT) },
    },
  });
  if (!values.policy || !values.criterion || values.sparsity === undefined || !values.out) throw new UsageError(USAGE);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  const artifact = decodePolicy(fs.readFileSync(values.policy));
  const seed = Number(values.seed);
  let gradients: Float32Array[] | undefined;
  if (values.criterion === 'saliency') {
    const obsDim = artifact.model.actor.layers[0]!.inDim;
    let states: Float32Array;
    if (values.states) states = readStatesFile(values.states, obsDim);
    else if (values.env) {
      const count = Number(values['state-count']);
      if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`--state-count: expected a positive integer, got ${JSON.stringify(values['state-count'])}`);
      states = await rolloutStates(artifact, values.env, count, seed);
    } else {
      throw new UsageError(`saliency needs states to take gradients from: give --env ID (the policy is rolled out there) or --states FILE.json\n${USAGE}`);
    }
    gradients = logLikelihoodGradients(artifact.model, states, states.length / obsDim, seed);
  }
  const before = surrogateLipschitz(artifact.model.actor);
  const result = pruneActorCritic(artifact.model, {
    criterion: values.criterion as Criterion,
    sparsity: Number(values.sparsity),
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
