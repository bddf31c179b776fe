// Where the orchestrator finds the other services and keeps its files; all from the environment so
// the same build runs as local processes and on Kubernetes.
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_MAX_ID_CHARS, envInt, envMs } from '@rlprune/service-kit';
import { DEFAULT_EXECUTOR_OPTIONS } from './pipeline/executors';
import { DEFAULT_MAX_GRID_STAGES } from './pipeline/grid';
import { DEFAULT_RUNNER_OPTIONS } from './pipeline/runner';
import { DEFAULT_ARTIFACT_LIMITS } from './store/artifact-service';

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
  /**
   * Trainers (TRAINER_ADDRESS): one address (a cluster's Service name, balanced by gRPC round robin),
   * or a comma-separated list of local trainer processes that the orchestrator balances itself.
   */
  trainers: string[];
  pruner: string;
  certifier: string;
  /** Attack name -> address (ATTACKER_ADDRESSES="mad=host:port,random=host:port"). */
  attackers: Map<string, string>;
  /**
   * Train stages of one experiment running at once (RLPRUNE_TRAIN_CONCURRENCY, default the CPUs this
   * process sees): locally one per core, each on its own trainer process; in a cluster, as many as
   * the trainer Deployment can take. Other stage kinds keep their own limits.
   */
  trainConcurrency: number;
  /** How long a stage retries a service that is away (RLPRUNE_RETRY_BUDGET_MS, default 2 min). */
  retryBudgetMs: number;
  /**
   * Train iterations between the checkpoints a train stage records to continue from after an
   * interruption (RLPRUNE_CHECKPOINT_EVERY, default 10; 0 = none, an interrupted training starts over).
   */
  checkpointEvery: number;
  /** Caps on what a caller controls; each refusal names its setting. */
  limits: OrchestratorLimits;
}

export interface OrchestratorLimits {
  /** Stages one experiment's grid may have (RLPRUNE_MAX_GRID_STAGES, default DEFAULT_MAX_GRID_STAGES). */
  maxGridStages: number;
  /** Largest artifact a Put may upload, in bytes (RLPRUNE_MAX_ARTIFACT_BYTES, default 256 MiB). */
  maxArtifactBytes: number;
  /** Longest experiment id or name a request may carry (RLPRUNE_MAX_ID_CHARS, default 256). */
  maxIdChars: number;
  /** Largest spec text, in characters (RLPRUNE_MAX_SPEC_CHARS, default 1 MiB; the examples are ~2 KB). */
  maxSpecChars: number;
}

export const DEFAULT_LIMITS: OrchestratorLimits = {
  maxGridStages: DEFAULT_MAX_GRID_STAGES,
  maxArtifactBytes: DEFAULT_ARTIFACT_LIMITS.maxArtifactBytes,
  maxIdChars: DEFAULT_MAX_ID_CHARS,
  maxSpecChars: 1024 * 1024,
};

export function loadLimits(env: NodeJS.ProcessEnv = process.env): OrchestratorLimits {
  return {
    maxGridStages: envInt('RLPRUNE_MAX_GRID_STAGES', DEFAULT_LIMITS.maxGridStages, env),
    maxArtifactBytes: envInt('RLPRUNE_MAX_ARTIFACT_BYTES', DEFAULT_LIMITS.maxArtifactBytes, env),
    maxIdChars: envInt('RLPRUNE_MAX_ID_CHARS', DEFAULT_LIMITS.maxIdChars, env),
    maxSpecChars: envInt('RLPRUNE_MAX_SPEC_CHARS', DEFAULT_LIMITS.maxSpecChars, env),
  };
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

/** "a:1,b:2" -> ["a:1", "b:2"]; a gRPC target URI (which may hold commas, e.g. ipv4:a,b) stays whole. */
export function splitAddresses(raw: string): string[] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^(dns|ipv4|ipv6|unix):/i.test(raw)) return [raw];
  const list = raw.split(',').map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) throw new ConfigError(`TRAINER_ADDRESS must name at least one host:port, got ${JSON.stringify(raw)}`);
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const local = (port: number) => `127.0.0.1:${port}`;
  return {
    home: path.resolve(env.RLPRUNE_HOME ?? '.rlprune'),
    simulator: env.SIMULATOR_ADDRESS ?? local(DEFAULT_PORTS.simulator),
    trainers: splitAddresses(env.TRAINER_ADDRESS ?? local(DEFAULT_PORTS.trainer)),
    pruner: env.PRUNER_ADDRESS ?? local(DEFAULT_PORTS.pruner),
    certifier: env.CERTIFIER_ADDRESS ?? local(DEFAULT_PORTS.certifier),
    attackers: env.ATTACKER_ADDRESSES
      ? parseAttackers(env.ATTACKER_ADDRESSES)
      : new Map([['random', local(DEFAULT_PORTS.attacker)]]),
    trainConcurrency: envInt('RLPRUNE_TRAIN_CONCURRENCY', os.availableParallelism(), env, 1),
    retryBudgetMs: envMs('RLPRUNE_RETRY_BUDGET_MS', DEFAULT_RUNNER_OPTIONS.retryBudgetMs, env),
    checkpointEvery: envInt('RLPRUNE_CHECKPOINT_EVERY', DEFAULT_EXECUTOR_OPTIONS.checkpointEvery, env, 0),
    limits: loadLimits(env),
  };
}

/** Every service the orchestrator calls, for status checks. */
export function serviceTargets(cfg: OrchestratorConfig): ServiceTarget[] {
  return [
    { name: 'simulator', address: cfg.simulator },
    ...cfg.trainers.map((address, i) => ({ name: i === 0 ? 'trainer' : `trainer-${i + 1}`, address })),
    { name: 'pruner', address: cfg.pruner },
    ...[...cfg.attackers].map(([attack, address]) => ({ name: `attacker-${attack}`, address })),
    { name: 'certifier', address: cfg.certifier },
  ];
}
