// Commands talk to an orchestrator at --address / ORCHESTRATOR_ADDRESS, or start the embedded local
// system (every service a process, SQLite and files under RLPRUNE_HOME) and stop it afterwards.
import { homeDir, remoteAddress } from './local-home';
import { launchLocalServices, type LocalCluster } from './local/launch';
import { OrchestratorClient } from './orchestrator-client';

export interface Connection {
  client: OrchestratorClient;
  cluster: LocalCluster | null;
  /** The home of local services (its ledger can be read alongside), or null for an orchestrator at an address. */
  home: string | null;
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
  const address = remoteAddress(opts.address);
  if (address) return { client: new OrchestratorClient(address), cluster: null, home: null, close: async () => {} };
  const home = homeDir(opts.home);
  process.stderr.write(`starting local services (home ${home}) ...\n`);
  const trainers = opts.concurrency ?? 1;
  const cluster = await launchLocalServices({ home, attacks: opts.attacks ?? ['random'], trainers, ...(trainers > 1 ? { trainerEnvs: 'local' as const } : {}) });
  return { client: new OrchestratorClient(cluster.orchestrator), cluster, home, close: () => cluster.stop() };
}
