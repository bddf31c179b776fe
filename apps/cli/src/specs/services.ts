// Tables of the commands on the services themselves: up, status.
import type { CommandSpec } from '../args/spec';
import { ATTACKS, CONCURRENCY, JSON_OUTPUT } from './common';

/** Service names `--ports` takes, in the order `--base-port` numbers them. */
export const SERVICE_NAMES = ['orchestrator', 'simulator', 'trainer', 'pruner', 'attacker', 'certifier'] as const;

export const UP = {
  name: 'up',
  summary: 'start every service as a local process on loopback until Ctrl-C',
  flags: {
    ports: { kind: 'list', value: 'NAME=PORT,..', description: `fixed ports by service (${SERVICE_NAMES.join(', ')}); others get free ports`, example: 'simulator=50052,trainer=50053' },
    'base-port': { kind: 'positive-integer', value: 'N', description: 'consecutive ports from N, in the order above', example: '50051' },
    attacks: { kind: 'choice-list', value: 'A,B', choices: ATTACKS, description: 'attacker processes to start, one per attack', default: 'random', example: 'random,mad' },
    home: { kind: 'string', value: 'DIR', description: 'experiment home: ledger, artifacts, reports, logs', defaultText: '$RLPRUNE_HOME, else .rlprune', example: '.rlprune' },
    once: { kind: 'boolean', description: 'start, print the status table, stop (a smoke check)' },
    concurrency: { ...CONCURRENCY, description: 'trainer processes to start' },
  },
  examples: ['rlprune up', 'rlprune up --base-port 50051 --attacks random,mad', 'rlprune up --once'],
} as const satisfies CommandSpec;

export const STATUS = {
  name: 'status',
  summary: 'health, version and latency of every service of an orchestrator',
  flags: {
    address: { kind: 'string', value: 'HOST:PORT', description: 'orchestrator to ask', defaultText: '$ORCHESTRATOR_ADDRESS, else 127.0.0.1:50051', example: '127.0.0.1:50051' },
    json: JSON_OUTPUT,
  },
  examples: ['rlprune status', 'rlprune status --address 10.0.0.5:50051 --json'],
} as const satisfies CommandSpec;
