// The choice lists in the command tables are copies (so --help loads no library); they must equal
// the libraries' own lists, or a flag would refuse a valid value or offer a missing one.
import { describe, expect, it } from 'vitest';
import { ATTACK_NAMES } from '@rlprune/attacks';
import { CERTIFY_METHODS as LIB_METHODS } from '@rlprune/certify';
import { CRITERIA as LIB_CRITERIA } from '@rlprune/pruning';
import { ATTACKS, CERTIFY_METHODS, CRITERIA } from './common';

describe('command table choices', () => {
  it('equal the attack, criterion and certification-method names of the libraries', () => {
    expect([...ATTACKS].sort()).toEqual([...ATTACK_NAMES].sort());
    expect([...CRITERIA]).toEqual([...LIB_CRITERIA]);
    expect([...CERTIFY_METHODS]).toEqual([...LIB_METHODS]);
  });
});
