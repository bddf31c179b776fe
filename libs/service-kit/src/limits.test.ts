import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { toStatus } from './errors';
import { enforceCap, readCap, requireIdLength } from './limits';
import { clip, InvalidArgumentError, show } from '@rlprune/errors';
import { MAX_STATUS_DETAILS_CHARS } from './quote';
import { requireArtifactId } from './validate';

describe('caps', () => {
  it('read their setting, keep the default when unset and refuse a bad setting', () => {
    expect(readCap('RLPRUNE_MAX_X', 10, 'rows', {}).limit).toBe(10);
    expect(readCap('RLPRUNE_MAX_X', 10, 'rows', { RLPRUNE_MAX_X: '3' }).limit).toBe(3);
    expect(() => readCap('RLPRUNE_MAX_X', 10, 'rows', { RLPRUNE_MAX_X: 'lots' })).toThrow(/RLPRUNE_MAX_X: expected a positive integer/);
  });

  it('refuse a value over the limit with INVALID_ARGUMENT naming the field, the limit and the setting', () => {
    const cap = readCap('RLPRUNE_MAX_PERTURB_ROWS', 4096, 'rows per Perturb batch', {});
    expect(() => enforceCap(cap, 4096, 'batch')).not.toThrow();
    const err = (() => {
      try {
        enforceCap(cap, 1_000_000, 'batch.observations', 'shape[0]');
      } catch (e) {
        return e;
      }
    })();
    expect(toStatus(err)).toEqual({
      code: status.INVALID_ARGUMENT,
      details: 'batch.observations: 1000000 rows per Perturb batch (shape[0]) is over the limit of 4096 (set RLPRUNE_MAX_PERTURB_ROWS to change it)',
    });
  });

  it('refuse a long id without echoing it', () => {
    const cap = readCap('RLPRUNE_MAX_ID_CHARS', 256, 'characters', {});
    const id = 'a'.repeat(100_000);
    expect(() => requireIdLength(id, 'id', cap)).toThrow(/^id: is 100000 characters long, over the limit of 256 \(RLPRUNE_MAX_ID_CHARS\); starts "a{20}"$/);
    expect(requireIdLength('abc', 'id', cap)).toBe('abc');
  });
});

describe('quoting', () => {
  it('clips a quoted value to ~100 characters and says how long it was', () => {
    expect(clip('short')).toBe('short');
    expect(show('x'.repeat(1000))).toBe(`"${'x'.repeat(99)}... (1002 characters)`);
    expect(() => requireArtifactId({ id: 'z'.repeat(1_000_000) }, 'policy')).toThrow(/\(1000002 characters\)$/);
  });

  it('clips any status message, even from an error that quoted a huge value itself', () => {
    const s = toStatus(new InvalidArgumentError('id', `bad ${'y'.repeat(1_000_000)}`));
    expect(s.code).toBe(status.INVALID_ARGUMENT);
    expect(s.details.length).toBeLessThan(MAX_STATUS_DETAILS_CHARS + 50);
    expect(toStatus(new Error('x'.repeat(10_000))).details.length).toBeLessThan(MAX_STATUS_DETAILS_CHARS + 50);
  });
});
