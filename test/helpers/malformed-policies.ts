// Policy files with a valid sha256 but a malformed header or impossible values: what a hand-edited
// or foreign file looks like. Every service that reads a policy must answer them as the caller's
// error (INVALID_ARGUMENT / FAILED_PRECONDITION naming the field), never INTERNAL (issue 21 item 5).
import { createHash } from 'node:crypto';
import { createActorCritic, createObsNormalizer, encodePolicy, type PolicyArtifact } from '@rlprune/nn';

type Header = Record<string, unknown>;

function artifact(): PolicyArtifact {
  return {
    metadata: { env: 'InvertedPendulum-v4', seed: 1, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer: createObsNormalizer(4),
    model: createActorCritic({ obsDim: 4, actDim: 1, hidden: [8, 8], activation: 'tanh' }, 1),
  };
}

/** The file re-framed around `edit(header)` (or the header edited in place when edit returns undefined), with a valid checksum. */
function withHeader(file: Buffer, edit: (h: Header) => unknown): Buffer {
  const headerLength = file.readUInt32LE(12);
  const header = JSON.parse(file.subarray(16, 16 + headerLength).toString('utf8')) as Header;
  const edited = edit(header);
  const text = Buffer.from(JSON.stringify(edited === undefined ? header : edited), 'utf8');
  const data = file.subarray((16 + headerLength + 7) & ~7, file.length - 32);
  const start = (16 + text.length + 7) & ~7;
  const out = Buffer.alloc(start + data.length + 32);
  file.copy(out, 0, 0, 12);
  out.writeUInt32LE(text.length, 12);
  text.copy(out, 16);
  data.copy(out, start);
  createHash('sha256').update(out.subarray(0, out.length - 32)).digest().copy(out, out.length - 32);
  return out;
}

const net = (h: Header, name: 'actor' | 'critic') => h[name] as Header;
const tensors = (h: Header) => h.tensors as Header[];

export function goodPolicyBytes(): Buffer {
  return encodePolicy(artifact());
}

/** [case name, file bytes]: 18 malformed policies. */
export function malformedPolicies(): Array<[string, Buffer]> {
  const good = goodPolicyBytes();
  const edits: Array<[string, (h: Header) => unknown]> = [
    ['header null', () => null],
    ['header a list', () => []],
    ['header a string', () => 'policy'],
    ['no tensors', (h) => void delete h.tensors],
    ['tensors null', (h) => void (h.tensors = null)],
    ['no actor', (h) => void delete h.actor],
    ['critic null', (h) => void (h.critic = null)],
    ['normalizer null', (h) => void (h.normalizer = null)],
    ['metadata null', (h) => void (h.metadata = null)],
    ['dims "abc"', (h) => void (net(h, 'actor').dims = 'abc')],
    ['dims with a negative width', (h) => void (net(h, 'actor').dims = [4, -8, 1])],
    ['activation unknown', (h) => void (net(h, 'critic').activation = 'swish')],
    ['negative offset', (h) => void (tensors(h)[3]!.offset = -16)],
    ['length a string', (h) => void (tensors(h)[0]!.length = 'four')],
    ['dtype unknown', (h) => void (tensors(h)[0]!.dtype = 'bf16')],
    ['tensor renamed', (h) => void (tensors(h)[2]!.name = 'actor.0.weights')],
  ];
  const cases: Array<[string, Buffer]> = edits.map(([name, edit]) => [name, withHeader(good, edit)]);
  const nan = artifact();
  nan.model.actor.layers[1]!.w[3] = NaN;
  cases.push(['NaN weight', encodePolicy(nan)]);
  const variance = artifact();
  variance.normalizer.var[2] = -4;
  cases.push(['negative variance', encodePolicy(variance)]);
  return cases;
}
