// Where the orchestrator finds the other services and keeps its files; all from the environment so
// the same build runs as local processes and on Kubernetes.
import path from 'node:path';

export interface ServiceTarget {
  /** Service name as shown by status, e.g. "attacker-mad". */
  name: string;
  /** Address to dial (host:port or dns:///name:port). */
  address: string;
}

export interface OrchestratorConfig {
  /** Root of the ledger, artifacts, reports and logs (RLPRUNE_HOME, default ./.rlprune). */
  home: string;
  simulator: string;
  trainer: string;
  pruner: string;
  certifier: string;
  /** Attack name -> address (ATTACKER_ADDRESSES="mad=host:port,random=host:port"). */
  attackers: Map<string, string>;
}

export const DEFAULT_PORTS = {
  orchestrator: 50051,
  simulator: 50052,
  trainer: 50053,
  pruner: 50054,
  attacker: 50055,
  certifier: 50056,
} as const;

export function parseAttackers(raw: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`ATTACKER_ADDRESSES entries must look like name=host:port, got ${JSON.stringify(item)}`);
    map.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return map;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const local = (port: number) => `127.0.0.1:${port}`;
  return {
    home: path.resolve(env.RLPRUNE_HOME ?? '.rlprune'),
    simulator: env.SIMULATOR_ADDRESS ?? local(DEFAULT_PORTS.simulator),
    trainer: env.TRAINER_ADDRESS ?? local(DEFAULT_PORTS.trainer),
    pruner: env.PRUNER_ADDRESS ?? local(DEFAULT_PORTS.pruner),
    certifier: env.CERTIFIER_ADDRESS ?? local(DEFAULT_PORTS.certifier),
    attackers: env.ATTACKER_ADDRESSES
      ? parseAttackers(env.ATTACKER_ADDRESSES)
      : new Map([['random', local(DEFAULT_PORTS.attacker)]]),
  };
}

/** Every service the orchestrator calls, for status checks. */
export function serviceTargets(cfg: OrchestratorConfig): ServiceTarget[] {
  return [
    { name: 'simulator', address: cfg.simulator },
    { name: 'trainer', address: cfg.trainer },
    { name: 'pruner', address: cfg.pruner },
    ...[...cfg.attackers].map(([attack, address]) => ({ name: `attacker-${attack}`, address })),
    { name: 'certifier', address: cfg.certifier },
  ];
}
