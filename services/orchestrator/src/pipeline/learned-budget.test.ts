// The learned adversary's training budget through the orchestrator: attacks[].iterations in the spec
// becomes a parameter of the learned attack's prepare stage (a budget other than the default is its own
// stage), a spec without it keeps the prepare stage's parameters and id as before, and it is refused on
// any other attack, naming the field.
import { describe, expect, it } from 'vitest';
import { expandGrid } from './grid';
import { specWithAttacks } from './spec-fixtures';

const prepares = (attacks: string) => [...expandGrid(specWithAttacks(attacks), () => 0.075).stages.values()].filter((s) => s.kind === 'prepare');

describe('the learned adversary budget', () => {
  it('is a parameter of the prepare stage when given, and absent (the attack default) when not', () => {
    const [full] = prepares('[{ name: learned, iterations: 488 }]');
    expect(full!.params).toEqual({ env: 'Hopper-v4', seed: 1, attack: 'learned', epsilon: 0.075, params: { iterations: 488 } });
    expect(full!.label).toBe('prepare learned eps=0.075 iterations=488');
    const [plain] = prepares('[{ name: learned }]');
    expect(plain!.params).toEqual({ env: 'Hopper-v4', seed: 1, attack: 'learned', epsilon: 0.075 });
    // a different budget is a different stage, so its adversary is trained, never taken from the default's cache
    expect(full!.id).not.toBe(plain!.id);
    expect(specWithAttacks('[{ name: learned }]').attacks[0]!.iterations).toBeNull();
  });

  it('is refused on an attack that trains no adversary, and out of range', () => {
    expect(() => specWithAttacks('[{ name: mad, iterations: 488 }]')).toThrow('attacks[0].iterations: only the learned attack trains an adversary; mad has no iterations');
    expect(() => specWithAttacks('[{ name: learned, iterations: 0 }]')).toThrow('attacks[0].iterations');
    expect(() => specWithAttacks('[{ name: learned, iterations: 2.5 }]')).toThrow('attacks[0].iterations');
  });
});
