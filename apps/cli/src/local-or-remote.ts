// Commands talk to an orchestrator at --address / ORCHESTRATOR_ADDRESS, or start the embedded local
// system (every service a process, SQLite and files under RLPRUNE_HOME) and stop it afterwards.
import path from 'node:path';
import { launchLocalServices, type LocalCluster } from './local/launch';
import { OrchestratorClient } from './orchestrator-client';

export interface Connection {
  client: OrchestratorClient;
  cluster: LocalCluster | null;
  close(): Promise<void>;
}

export interface ConnectOptions {
  address?: string;
  home?: string;
  attacks?: string[];
  /**
   * Trainings at once when services are started locally: that many trainer processes, each stepping
   * its envs in-process (the simulator still serves evaluations). Default 1, for commands that train nothing.
   */
  concurrency?: number;
}

export async function connect(opts: ConnectOptions): Promise<Connection> {
  const address = opts.address ?? process.env.ORCHESTRATOR_ADDRESS;
  if (address) return { client: new OrchestratorClient(address), cluster: null, close: async () => {} };
  const home = path.resolve(opts.home ?? process.env.RLPRUNE_HOME ?? '.rlprune');
  process.stderr.write(`starting local services (home ${home}) ...\n`);
  const trainers = opts.concurrency ?? 1;
  const cluster = await launchLocalServices({ home, attacks: opts.attacks ?? ['random'], trainers, ...(trainers > 1 ? { trainerEnvs: 'local' as const } : {}) });
  return { client: new OrchestratorClient(cluster.orchestrator), cluster, close: () => cluster.stop() };
}
