// `rlprune prune --policy FILE --criterion NAME --sparsity S [--scope layer|global] [--structured]
// [--seed N] --out FILE`: one-shot pruning in-process; prints per-layer sparsity and bounds as JSON.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy, encodePolicy, sparsity as netSparsity } from '@rlprune/nn';
import { pruneActorCritic, type Criterion, type Scope } from '@rlprune/pruning';
import { UsageError } from '../errors';

const USAGE = 'usage: rlprune prune --policy FILE --criterion magnitude|random --sparsity S [--scope layer|global] [--structured] [--seed N] --out FILE';

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
    },
  });
  if (!values.policy || !values.criterion || values.sparsity === undefined || !values.out) throw new UsageError(USAGE);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  if (values.criterion === 'saliency') throw new UsageError('saliency needs states; use the pruner service (Prune with states) or rlprune run');
  const artifact = decodePolicy(fs.readFileSync(values.policy));
  const before = surrogateLipschitz(artifact.model.actor);
  const result = pruneActorCritic(artifact.model, {
    criterion: values.criterion as Criterion,
    sparsity: Number(values.sparsity),
    scope: values.scope as Scope,
    structured: values.structured,
    seed: Number(values.seed),
  });
  const after = surrogateLipschitz(artifact.model.actor);
  const achieved = netSparsity(artifact.model.actor);
  fs.writeFileSync(values.out, encodePolicy({ ...artifact, metadata: { ...artifact.metadata, sparsity: achieved }, extraTensors: undefined, extraJson: undefined }));
  console.log(JSON.stringify({ out: values.out, sparsity: achieved, lipschitzBefore: before, lipschitzAfter: after, layers: result.perLayer }));
  return 0;
}
