// Tensors cross the wire as little-endian float32 bytes plus a shape (DESIGN.md, data conventions).
import { InvalidArgumentError } from '@rlprune/errors';

/** A tensor whose bytes do not match its shape: bad input (INVALID_ARGUMENT) named by its field. */
export class TensorShapeError extends InvalidArgumentError {}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A tensor ready for the wire (assignable to the generated Tensor type). */
export interface WireTensor {
  data: Buffer;
  shape: number[];
}

export function encodeTensor(values: Float32Array | Float64Array | number[], shape: number[]): WireTensor {
  const count = shape.reduce((a, b) => a * b, 1);
  if (values.length !== count) {
    throw new TensorShapeError('tensor', `has ${values.length} values but shape [${shape.join(', ')}] needs ${count}`);
  }
  const f32 = values instanceof Float32Array ? values : Float32Array.from(values);
  const buf = Buffer.alloc(f32.length * 4);
  if (LITTLE_ENDIAN) Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength).copy(buf);
  else for (let i = 0; i < f32.length; i++) buf.writeFloatLE(f32[i]!, i * 4);
  return { data: buf, shape };
}

export interface DecodedTensor {
  values: Float32Array;
  shape: number[];
}

/**
 * Decodes a wire tensor; `expected` entries that are not null must match the shape (e.g. [null, 11]
 * for a batch of Hopper observations). `field` names the request field in error messages.
 */
export function decodeTensor(
  tensor: { data?: Buffer | Uint8Array | string | null; shape?: number[] | null } | null | undefined,
  field: string,
  expected?: Array<number | null>,
): DecodedTensor {
  if (!tensor) throw new TensorShapeError(field, 'is required');
  const shape = [...(tensor.shape ?? [])];
  const data = typeof tensor.data === 'string' ? Buffer.from(tensor.data, 'base64') : (tensor.data ?? Buffer.alloc(0));
  const count = shape.reduce((a, b) => a * b, 1);
  if (data.length !== count * 4) {
    throw new TensorShapeError(
      field,
      `has ${data.length} bytes but shape [${shape.join(', ')}] needs ${count * 4} (float32 little-endian)`,
    );
  }
  if (expected) {
    const ok = expected.length === shape.length && expected.every((d, i) => d === null || d === shape[i]);
    if (!ok) {
      const want = expected.map((d) => (d === null ? 'n' : String(d))).join(', ');
      throw new TensorShapeError(field, `expected shape [${want}], got [${shape.join(', ')}]`);
    }
  }
  const values = new Float32Array(count);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(data);
  else for (let i = 0; i < count; i++) values[i] = Buffer.from(data).readFloatLE(i * 4);
  return { values, shape };
}
