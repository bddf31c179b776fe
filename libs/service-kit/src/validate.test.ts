import { describe, expect, it } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { listenConfig } from './config';
import { normalizeTarget } from './client';
import { NotFoundError } from '@rlprune/errors';
import { toStatus } from './errors';
import { requireArtifactId, requireOneOf, requireRange, requirePositiveInt, requireString } from './validate';

describe('validation helpers', () => {
  it('name the field and say what was expected and what arrived', () => {
    expect(() => requireString('', 'env_id')).toThrow('env_id: expected a non-empty string, got ""');
    expect(() => requireOneOf('foo', 'criterion', ['magnitude', 'random'])).toThrow(
      'criterion: expected one of magnitude, random, got "foo"',
    );
    expect(() => requireRange(1.2, 'sparsity', 0, 1, { maxExclusive: true })).toThrow('sparsity: expected a number in [0, 1), got 1.2');
    expect(() => requireRange(NaN, 'epsilon', 0, 1)).toThrow('epsilon: expected a finite number, got NaN');
    expect(() => requirePositiveInt(2.5, 'episodes')).toThrow('episodes: expected an integer in [1,');
    expect(() => requireArtifactId({ id: 'abc' }, 'policy')).toThrow('policy: expected an artifact id');
    expect(requireRange(0.5, 'sparsity', 0, 1)).toBe(0.5);
  });

  it('map to INVALID_ARGUMENT, and other errors by their code, never by class name', () => {
    try {
      requireString(undefined, 'env_id');
    } catch (e) {
      expect(toStatus(e).code).toBe(grpc.status.INVALID_ARGUMENT);
    }
    expect(toStatus(new NotFoundError('envId', 'unknown env id "Foo-v0"'))).toEqual({ code: grpc.status.NOT_FOUND, details: 'envId: unknown env id "Foo-v0"' });
    // a copy of @rlprune/errors elsewhere in node_modules is matched by its code too
    expect(toStatus(Object.assign(new Error('stopped'), { code: 'cancelled' })).code).toBe(grpc.status.CANCELLED);
    expect(toStatus(Object.assign(new Error('unknown env id'), { name: 'NotFoundError' })).code).toBe(grpc.status.INTERNAL);
    expect(toStatus(new TypeError('x')).code).toBe(grpc.status.INTERNAL);
    expect(toStatus({ code: grpc.status.UNAVAILABLE, details: 'down' })).toEqual({ code: grpc.status.UNAVAILABLE, details: 'down' });
  });
});

describe('config', () => {
  it('reads PORT and HOST, rejecting bad ports', () => {
    expect(listenConfig(50052, {})).toEqual({ host: '127.0.0.1', port: 50052 });
    expect(listenConfig(50052, { PORT: '0', HOST: '::1' })).toEqual({ host: '::1', port: 0 });
    expect(() => listenConfig(1, { PORT: 'abc' })).toThrow('PORT: expected an integer in [0, 65535], got "abc"');
    expect(() => listenConfig(1, { PORT: '70000' })).toThrow('PORT: expected');
  });

  it('dials plain host:port through the dns resolver', () => {
    expect(normalizeTarget('127.0.0.1:50052')).toBe('dns:///127.0.0.1:50052');
    expect(normalizeTarget('dns:///attacker-mad:50055')).toBe('dns:///attacker-mad:50055');
    expect(normalizeTarget('ipv4:127.0.0.1:1')).toBe('ipv4:127.0.0.1:1');
  });
});

describe('wire-type check', () => {
  it('walks length-delimited fields correctly and names a mistyped field', async () => {
    const { checkWireTypes, expectedWireTypes } = await import('./wire-check');
    const fields = expectedWireTypes([
      { name: 'meta', number: 1, type: 'TYPE_MESSAGE' },
      { name: 'data', number: 2, type: 'TYPE_BYTES' },
      { name: 'count', number: 3, type: 'TYPE_UINT32', label: 'LABEL_REPEATED' },
    ]);
    // meta: 3 bytes; data: 200 bytes (a two-byte length); count: packed
    const ok = Buffer.concat([
      Buffer.from([0x0a, 0x03, 1, 2, 3]),
      Buffer.from([0x12, 0xc8, 0x01]),
      Buffer.alloc(200, 0x20),
      Buffer.from([0x1a, 0x02, 0x01, 0x02]),
    ]);
    expect(() => checkWireTypes(ok, fields, 'T')).not.toThrow();
    expect(() => checkWireTypes(Buffer.from([0x10, 0x01]), fields, 'T')).toThrow(
      'data: has the wrong type in T: expected length-delimited encoding, got varint',
    );
    expect(() => checkWireTypes(Buffer.from([0x12, 0x05, 0x01]), fields, 'T')).toThrow('request is not a valid T: truncated');
  });
});
