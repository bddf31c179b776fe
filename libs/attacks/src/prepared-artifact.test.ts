// The prepared-artifact format keeps every learned number bit for bit and refuses damaged bytes.
import { createMlp } from '@rlprune/nn';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@rlprune/errors';
import { decodePrepared, encodePrepared, type PreparedArtifact } from './prepared-artifact';

const artifact: PreparedArtifact = {
  attack: 'rs', envId: 'Hopper-v4', epsilon: 0.075, obsDim: 11, actDim: 3,
  nets: { q: createMlp({ inDim: 14, hidden: [8, 8], outDim: 1 }, 3) },
  tensors: { scale: Float32Array.of(1.5, -2.25, Math.fround(1 / 3)) },
  metrics: { tdError: 0.125 },
  blobs: { note: Uint8Array.of(1, 2, 3, 4, 5) },
};

describe('prepared artifact', () => {
  it('round-trips nets, tensors, blobs and metrics exactly', () => {
    const back = decodePrepared(encodePrepared(artifact));
    expect(back).toEqual(artifact);
    // Also when the bytes sit at an odd offset inside a larger buffer (as gRPC chunks may).
    const bytes = encodePrepared(artifact);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodePrepared(shifted.subarray(3))).toEqual(artifact);
  });

  it('refuses other files, corrupt and truncated bytes', () => {
    const bytes = encodePrepared(artifact);
    expect(() => decodePrepared(Buffer.from('RLPPOLCY and more bytes than the header needs to be', 'latin1'))).toThrow(
      'prepared: expected a prepared attack artifact starting with "RLPATTCK", got "RLPPOLCY"',
    );
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40] ^= 1;
    expect(() => decodePrepared(flipped)).toThrow(InvalidArgumentError);
    expect(() => decodePrepared(bytes.subarray(0, bytes.length - 8))).toThrow(/sha256|bytes/);
    const future = Buffer.from(bytes);
    future.writeUInt32LE(2, 8);
    expect(() => decodePrepared(future)).toThrow('prepared: expected format version 1, got version 2');
  });
});
