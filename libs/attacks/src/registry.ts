// Every attack by name: the attacker service picks one with ATTACK=<name>.
import { correlatedAttack } from './correlated';
import { criticAttack } from './critic';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { learnedAttack } from './learned';
import { madAttack } from './mad';
import { randomAttack } from './random';
import { rsAttack } from './rs';
import { rsMadAttack } from './rs-mad';
import type { Attack } from './types';

export const ATTACKS: readonly Attack[] = [randomAttack, criticAttack, madAttack, rsAttack, rsMadAttack, learnedAttack, correlatedAttack];

/** Names in registry order: random, critic, mad, rs, rs_mad, learned, correlated. */
export const ATTACK_NAMES: readonly string[] = ATTACKS.map((a) => a.name);

export function attackByName(name: string): Attack {
  const attack = ATTACKS.find((a) => a.name === name);
  if (!attack) throw new InvalidArgumentError('attack', `one of ${ATTACK_NAMES.join(', ')}`, show(name));
  return attack;
}
