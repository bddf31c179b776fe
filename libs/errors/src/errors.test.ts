import { describe, expect, it } from 'vitest';
import { errorCodeOf } from './codes';
import { CancelledError, FailedPreconditionError, InvalidArgumentError, NotFoundError, RlpruneError } from './errors';

describe('error classes', () => {
  it('a mismatch reads "field: expected X, got Y" and keeps its parts', () => {
    const err = new InvalidArgumentError('ppo.num_steps', 'a positive integer', '0');
    expect(err.message).toBe('ppo.num_steps: expected a positive integer, got 0');
    expect(err).toMatchObject({ code: 'invalid_argument', field: 'ppo.num_steps', expected: 'a positive integer', actual: '0', name: 'InvalidArgumentError' });
    expect(err).toBeInstanceOf(RlpruneError);
    expect(err).toBeInstanceOf(Error);
  });

  it('a reason reads "field: reason", and without a field the reason alone', () => {
    const err = new NotFoundError('id', 'no experiment "x" in the ledger');
    expect(err.message).toBe('id: no experiment "x" in the ledger');
    expect(err).toMatchObject({ code: 'not_found', field: 'id', expected: undefined, actual: undefined });
    const whole = new CancelledError('training was aborted after iteration 3');
    expect(whole.message).toBe('training was aborted after iteration 3');
    expect(whole.field).toBeUndefined();
  });

  it('a subclass keeps the name of its kind and its code', () => {
    class SpecLikeError extends InvalidArgumentError {}
    const err = new SpecLikeError('train', 'an object', '3');
    expect(err.name).toBe('InvalidArgumentError');
    expect(errorCodeOf(err)).toBe('invalid_argument');
  });

  it('errorCodeOf reads the code of rlprune errors only', () => {
    expect(errorCodeOf(new FailedPreconditionError('step', 'send create first'))).toBe('failed_precondition');
    expect(errorCodeOf(Object.assign(new Error('grpc'), { code: 14 }))).toBeUndefined();
    expect(errorCodeOf({ code: 'no_such_code' })).toBeUndefined();
    expect(errorCodeOf(new Error('plain'))).toBeUndefined();
    expect(errorCodeOf(undefined)).toBeUndefined();
  });
});
