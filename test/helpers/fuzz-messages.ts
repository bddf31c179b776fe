// Malformed requests for any rlprune RPC, built from the method's protobuf descriptor: random wire
// bytes, truncated and bit-flipped encodings, wrong wire types, and well-typed messages whose values
// are hostile (empty, huge, negative, NaN, Infinity, path traversal, long and odd strings, deep
// nesting, many repeats). Deterministic for a seed. No value names a served env, so no request can
// start real work (a training run, an evaluation) that would make the suite slow.
import type { Rng } from '@rlprune/random';

interface FieldDescriptor {
  name: string;
  label?: string;
  type?: string;
  typeName?: string;
}
interface MessageDescriptor {
  name: string;
  field?: FieldDescriptor[];
}
/** What @grpc/proto-loader gives for a method (only what is used here). */
export interface MethodLike {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize(value: object): Buffer;
  requestType: { type: MessageDescriptor; fileDescriptorProtos?: Buffer[] };
}

const STRINGS = [
  '', 'x', ' ', '../../../../etc/passwd', '/etc/passwd', '..', 'Hopper-v99', 'hopper-v4 ', '\u0000', '\uffff\ud800', 'é'.repeat(50),
  'a'.repeat(300), '0'.repeat(64), 'g'.repeat(64), 'dns:///10.0.0.1:80', '169.254.169.254:80', '127.0.0.1:1', '{"a":', '- [', 'name: x\nenvs: [Nope]\n',
  '%s%s%n', 'null', 'NaN', '-1', '1e309',
];
const NUMBERS = [0, -1, 1, -0, 0.5, 1e-300, 1e300, -1e300, NaN, Infinity, -Infinity, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 53, 2 ** 63, 1e7, 1e9];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(256);
  return b;
}

function scalar(rng: Rng, type: string | undefined): unknown {
  switch (type) {
    case 'TYPE_STRING':
      return pick(rng, STRINGS);
    case 'TYPE_BYTES':
      return randomBytes(rng, pick(rng, [0, 1, 3, 7, 64, 1000]));
    case 'TYPE_BOOL':
      return rng.uniform() < 0.5;
    case 'TYPE_ENUM':
      return pick(rng, [0, 1, 2, 99, -1]);
    case 'TYPE_FLOAT':
    case 'TYPE_DOUBLE':
      return pick(rng, NUMBERS);
    default: {
      // integer types: the encoder needs values it can represent
      const n = pick(rng, NUMBERS);
      if (!Number.isFinite(n)) return 0;
      const int = Math.trunc(n);
      return type?.includes('UINT') || type?.includes('FIXED') ? Math.min(Math.abs(int), 2 ** 32 - 1) : Math.max(-(2 ** 31), Math.min(int, 2 ** 31 - 1));
    }
  }
}

/** Messages of the request's file set by full name, to follow nested message fields. */
function messageIndex(method: MethodLike, decode: (b: Buffer) => { name?: string; package?: string; messageType?: MessageDescriptor[] }): Map<string, MessageDescriptor> {
  const index = new Map<string, MessageDescriptor>();
  for (const bytes of method.requestType.fileDescriptorProtos ?? []) {
    const file = decode(bytes);
    const add = (prefix: string, m: MessageDescriptor & { nestedType?: MessageDescriptor[] }) => {
      index.set(`${prefix}.${m.name}`, m);
      for (const n of m.nestedType ?? []) add(`${prefix}.${m.name}`, n);
    };
    for (const m of file.messageType ?? []) add(`.${file.package ?? ''}`, m);
  }
  return index;
}

/** proto-loader names nested types relatively ("common.v1.ArtifactRef"): match on the name's end. */
function lookup(index: Map<string, MessageDescriptor>, typeName: string): MessageDescriptor | undefined {
  const name = typeName.startsWith('.') ? typeName : `.${typeName}`;
  if (index.has(name)) return index.get(name);
  for (const [full, m] of index) if (full.endsWith(name)) return m;
  return undefined;
}

function hostileMessage(rng: Rng, type: MessageDescriptor, index: Map<string, MessageDescriptor>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of type.field ?? []) {
    if (rng.uniform() < 0.35) continue;
    const one = (): unknown => {
      if (f.type === 'TYPE_MESSAGE') {
        const nested = lookup(index, f.typeName ?? '');
        return nested && depth < 4 ? hostileMessage(rng, nested, index, depth + 1) : {};
      }
      return scalar(rng, f.type);
    };
    out[camel(f.name)] = f.label === 'LABEL_REPEATED' ? Array.from({ length: pick(rng, [0, 1, 2, 5, 50]) }, one) : one();
  }
  return out;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export type DescriptorDecoder = (b: Buffer) => { name?: string; package?: string; messageType?: MessageDescriptor[] };

/** `count` malformed request payloads (serialized) for `method`. */
export function malformedRequests(rng: Rng, method: MethodLike, count: number, decode: DescriptorDecoder): Buffer[] {
  const index = messageIndex(method, decode);
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    let bytes: Buffer;
    try {
      const message = hostileMessage(rng, method.requestType.type, index, 0);
      const encoded = method.requestSerialize(message);
      if (kind === 0) bytes = randomBytes(rng, rng.int(64)); // not protobuf at all
      else if (kind === 1 && encoded.length > 1) bytes = encoded.subarray(0, rng.int(encoded.length)); // truncated
      else if (kind === 2 && encoded.length > 0) {
        bytes = Buffer.from(encoded);
        for (let k = 0; k < 3; k++) bytes[rng.int(bytes.length)] ^= 1 << rng.int(8); // bit flips
      } else if (kind === 3) bytes = Buffer.concat([Buffer.from([(rng.int(15) + 1) << 3 | pick(rng, [1, 3, 4, 5, 6, 7])]), randomBytes(rng, 8)]); // bad wire types
      else bytes = encoded; // well-formed, hostile values
    } catch {
      bytes = randomBytes(rng, 16);
    }
    out.push(bytes);
  }
  return out;
}
