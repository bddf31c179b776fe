// Flags several commands share, defined once so their help and parsing agree everywhere.
import type { FlagSpec } from '../args/spec';

export const ADDRESS = {
  kind: 'string',
  value: 'HOST:PORT',
  description: 'orchestrator to talk to, instead of starting local services',
  defaultText: '$ORCHESTRATOR_ADDRESS, else local services',
  example: '127.0.0.1:50051',
} as const satisfies FlagSpec;

export const HOME = {
  kind: 'string',
  value: 'DIR',
  description: 'experiment home of local services: ledger, artifacts, reports, logs',
  defaultText: '$RLPRUNE_HOME, else .rlprune',
  example: '.rlprune',
} as const satisfies FlagSpec;

export const JSON_OUTPUT = { kind: 'boolean', description: 'print JSON instead of text' } as const satisfies FlagSpec;

export const CONCURRENCY = {
  kind: 'positive-integer',
  value: 'N',
  description: 'trainings at once when services start locally, each on its own trainer process',
  defaultText: 'the CPUs Node sees',
  example: '2',
} as const satisfies FlagSpec;

export const POLICY_FILE = { kind: 'string', value: 'FILE', description: 'policy file (.rlp) to read', required: true, example: 'policy.rlp' } as const satisfies FlagSpec;

/** Attack names the attacker service serves (libs/attacks ATTACK_NAMES; a test keeps them equal). */
export const ATTACKS = ['random', 'critic', 'mad', 'rs', 'rs_mad', 'learned', 'correlated'] as const;
/** Pruning criteria (libs/pruning; a test keeps them equal). */
export const CRITERIA = ['magnitude', 'saliency', 'random'] as const;
/** Certification methods (libs/certify CERTIFY_METHODS; a test keeps them equal). */
export const CERTIFY_METHODS = ['lipschitz', 'spectral', 'ibp', 'crown'] as const;
