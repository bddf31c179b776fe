// Commands talk to an orchestrator at --address / ORCHESTRATOR_ADDRESS, or start the embedded local
// system (every service a process, SQLite and files under RLPRUNE_HOME) and stop it afterwards.
import { homeDir, remoteAddress } from './local-home';
import { launchLocalServices, type LocalCluster } from './local/launch';
import { orchestratorAt, type Orchestrator } from './orchestrator';

export interface Connection {
  client: Orchestrator;
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
  if (address) return { client: orchestratorAt(address), cluster: null, home: null, close: async () => {} };
  const home = homeDir(opts.home);
  process.stderr.write(`starting local services (home ${home}) ...\n`);
  const trainers = opts.concurrency ?? 1;
  const cluster = await launchLocalServices({ home, attacks: opts.attacks ?? ['random'], trainers, ...(trainers > 1 ? { trainerEnvs: 'local' as const } : {}) });
  return { client: orchestratorAt(cluster.orchestrator), cluster, home, close: () => cluster.stop() };
}
