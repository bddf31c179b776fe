import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { attackerAddressesOf, DialAllowList } from './dial-allow-list';
import { toStatus } from './errors';

describe('DialAllowList', () => {
  it('allows configured addresses and RLPRUNE_DIAL_ALLOW, in dns:/// form or not', () => {
    const list = DialAllowList.fromEnv(['sim:50052', 'dns:///attacker-mad:50055'], { RLPRUNE_DIAL_ALLOW: 'extra:1, other:2' });
    for (const a of ['sim:50052', 'dns:///sim:50052', 'SIM:50052', 'attacker-mad:50055', 'extra:1', 'other:2']) expect(list.check(a, 'f')).toBe(a);
  });

  it('refuses anything else with PERMISSION_DENIED naming the field and the settings', () => {
    const list = DialAllowList.fromEnv(['sim:50052'], {});
    const err = (() => {
      try {
        list.check('169.254.169.254:80', 'simulator_address');
      } catch (e) {
        return e;
      }
    })();
    const s = toStatus(err);
    expect(s.code).toBe(status.PERMISSION_DENIED);
    expect(s.details).toMatch(/^simulator_address: this service does not dial "169\.254\.169\.254:80": only its configured addresses \(sim:50052\); add it to RLPRUNE_DIAL_ALLOW/);
  });

  it('allows any address only with the development setting, and rejects a bad value of it', () => {
    expect(DialAllowList.fromEnv([], { RLPRUNE_DIAL_ANY: '1' }).check('anywhere:1', 'f')).toBe('anywhere:1');
    expect(() => DialAllowList.fromEnv([], { RLPRUNE_DIAL_ANY: '0' }).check('anywhere:1', 'f')).toThrow();
    expect(() => DialAllowList.fromEnv([], { RLPRUNE_DIAL_ANY: 'yes please' })).toThrow(/RLPRUNE_DIAL_ANY: expected 1 or 0/);
  });

  it('reads the addresses of ATTACKER_ADDRESSES', () => {
    expect(attackerAddressesOf('mad=a:1, random=b:2')).toEqual(['a:1', 'b:2']);
    expect(attackerAddressesOf(undefined)).toEqual([]);
  });
});
