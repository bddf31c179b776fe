// Checks the top-level wire types of a request before protobufjs decodes it. protobufjs reads a
// field by its declared type without checking the wire type, so a wrongly typed field would decode
// to garbage or fail with an offset error; this check names the field instead.
import { InvalidArgumentError } from '@rlprune/errors';

interface FieldDescriptor {
  name: string;
  number: number;
  type: string;
  label?: string;
  jsonName?: string;
}

const WIRE_BY_TYPE: Record<string, number> = {
  TYPE_DOUBLE: 1,
  TYPE_FIXED64: 1,
  TYPE_SFIXED64: 1,
  TYPE_FLOAT: 5,
  TYPE_FIXED32: 5,
  TYPE_SFIXED32: 5,
  TYPE_STRING: 2,
  TYPE_BYTES: 2,
  TYPE_MESSAGE: 2,
};
const WIRE_NAMES = ['varint', '64-bit', 'length-delimited', 'group start', 'group end', '32-bit'];

/** Expected wire types per field number, from a proto-loader message descriptor. */
export function expectedWireTypes(fields: FieldDescriptor[]): Map<number, { name: string; wire: number[] }> {
  const map = new Map<number, { name: string; wire: number[] }>();
  for (const f of fields) {
    const scalar = WIRE_BY_TYPE[f.type] ?? 0;
    const repeatedPackable = f.label === 'LABEL_REPEATED' && scalar !== 2;
    map.set(f.number, { name: f.jsonName || f.name, wire: repeatedPackable ? [scalar, 2] : [scalar] });
  }
  return map;
}

export function checkWireTypes(buf: Buffer, expected: Map<number, { name: string; wire: number[] }>, typeName: string): void {
  let pos = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw truncated();
      const byte = buf[pos++]!;
      if (shift < 49) result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new InvalidArgumentError(`request is not a valid ${typeName}: varint too long at byte ${pos}`);
    }
  };
  const truncated = () => new InvalidArgumentError(`request is not a valid ${typeName}: truncated at byte ${pos}`);
  while (pos < buf.length) {
    const tag = readVarint();
    const fieldNo = Math.floor(tag / 8);
    const wire = tag % 8;
    const want = expected.get(fieldNo);
    if (want && !want.wire.includes(wire)) {
      const wanted = want.wire.map((w) => WIRE_NAMES[w]).join(' or ');
      throw new InvalidArgumentError(
        want.name, `has the wrong type in ${typeName}: expected ${wanted} encoding, got ${WIRE_NAMES[wire] ?? `wire type ${wire}`}`,
      );
    }
    switch (wire) {
      case 0:
        readVarint();
        break;
      case 1:
        pos += 8;
        break;
      case 2: {
        const len = readVarint(); // read before adding: `pos += readVarint()` would use the old pos
        pos += len;
        break;
      }
      case 5:
        pos += 4;
        break;
      default:
        throw new InvalidArgumentError(`request is not a valid ${typeName}: unsupported wire type ${wire} at field ${fieldNo}`);
    }
    if (pos > buf.length) throw truncated();
  }
}
