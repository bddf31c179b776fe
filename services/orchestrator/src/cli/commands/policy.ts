// `rlprune policy inspect FILE --json`: a policy artifact as JSON, so any tool can read a policy.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { decodePolicy, policyToJson } from '@rlprune/nn';
import { UsageError } from '../errors';

export async function policyCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'inspect') throw new UsageError('usage: rlprune policy inspect FILE [--json]');
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: rlprune policy inspect FILE [--json]');
  if (!fs.existsSync(file)) throw new UsageError(`policy file ${file} does not exist`);
  const artifact = decodePolicy(fs.readFileSync(file));
  if (values.json) {
    console.log(JSON.stringify(policyToJson(artifact)));
    return 0;
  }
  const { metadata, model } = artifact;
  console.log(`env ${metadata.env}  seed ${metadata.seed}  sparsity ${metadata.sparsity.toFixed(4)}  steps ${metadata.trainingStep}`);
  for (const [name, net] of [['actor', model.actor], ['critic', model.critic]] as const) {
    console.log(`${name}: ${net.layers.map((l) => `${l.inDim}->${l.outDim}`).join(', ')} (${net.activation})`);
  }
  console.log(`log-std: ${Array.from(model.logStd, (v) => v.toFixed(3)).join(' ')}`);
  return 0;
}
