// `rlprune policy inspect|export|import`: a policy file read as text, and policies leaving and entering
// rlprune.
//   inspect FILE [--json]                    a summary, or the policy JSON (libs/nn policy-json.ts)
//   export FILE --format onnx|json --out OUT the actor as an ONNX model (libs/nn onnx-export.ts), or the
//                                            policy JSON in a file
//   import FILE.json --out OUT               a policy JSON (e.g. written by a PyTorch script) as a
//                                            policy file that prune, evaluate, attack and certify take
import fs from 'node:fs';
import { listEnvSpecs } from '@rlprune/envs';
import { decodePolicy, encodePolicy, policyFromJson, policyToJson, policyToOnnx, type PolicyArtifact } from '@rlprune/nn';
import { errorCodeOf } from '@rlprune/errors';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { POLICY_EXPORT, POLICY_IMPORT, POLICY_INSPECT } from '../specs/policies';

function readPolicy(file: string): PolicyArtifact {
  if (!fs.existsSync(file)) throw new UsageError(`policy file ${file} does not exist`);
  return decodePolicy(fs.readFileSync(file));
}

function summary(artifact: PolicyArtifact): string[] {
  const { metadata, model } = artifact;
  return [
    `env ${metadata.env}  seed ${metadata.seed}  sparsity ${metadata.sparsity.toFixed(4)}  steps ${metadata.trainingStep}`,
    ...([['actor', model.actor], ['critic', model.critic]] as const).map(
      ([name, net]) => `${name}: ${net.layers.map((l) => `${l.inDim}->${l.outDim}`).join(', ')} (${net.activation})`,
    ),
    `log-std: ${Array.from(model.logStd, (v) => v.toFixed(3)).join(' ')}`,
  ];
}

export async function inspectCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(POLICY_INSPECT, argv);
  const artifact = readPolicy(args[0]!);
  console.log(values.json ? JSON.stringify(policyToJson(artifact)) : summary(artifact).join('\n'));
  return 0;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(POLICY_EXPORT, argv);
  const artifact = readPolicy(args[0]!);
  const bytes = values.format === 'onnx' ? policyToOnnx(artifact) : Buffer.from(JSON.stringify(policyToJson(artifact)), 'utf8');
  fs.writeFileSync(values.out, bytes);
  console.log(`wrote ${values.out} (${values.format}, ${bytes.length} bytes)`);
  return 0;
}

/** An imported policy acts in its env: its widths must be that env's observation and action widths. */
function checkAgainstEnv(artifact: PolicyArtifact, file: string): void {
  const spec = listEnvSpecs().find((s) => s.id === artifact.metadata.env);
  const obsDim = artifact.model.actor.layers[0]!.inDim;
  const actDim = artifact.model.actor.layers[artifact.model.actor.layers.length - 1]!.outDim;
  if (!spec) {
    process.stderr.write(
      `rlprune: note: ${file}: metadata.env ${JSON.stringify(artifact.metadata.env)} is not an rlprune environment (\`rlprune env list\`); ` +
        'the policy can be certified and pruned, but not evaluated or attacked\n',
    );
    return;
  }
  if (spec.obsDim !== obsDim) throw new UsageError(`${file}: actor.layers[0] inputs: expected ${spec.obsDim} (${spec.id}'s observation width), got ${obsDim}`);
  if (spec.actDim !== actDim) throw new UsageError(`${file}: actor's last layer outputs: expected ${spec.actDim} (${spec.id}'s action width), got ${actDim}`);
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(POLICY_IMPORT, argv);
  const file = args[0]!;
  if (!fs.existsSync(file)) throw new UsageError(`policy JSON ${file} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: expected JSON, got text that does not parse (${(e as Error).message})`);
  }
  let artifact: PolicyArtifact;
  try {
    artifact = policyFromJson(json);
  } catch (e) {
    if (errorCodeOf(e) === 'invalid_argument') throw new UsageError(`${file}: ${(e as Error).message}`);
    throw e;
  }
  checkAgainstEnv(artifact, file);
  const bytes = encodePolicy(artifact);
  fs.writeFileSync(values.out, bytes);
  console.log([`wrote ${values.out} (${bytes.length} bytes)`, ...summary(artifact)].join('\n'));
  return 0;
}
