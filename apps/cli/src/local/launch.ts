// Starts rlprune's services as separate local processes on loopback (the embedded default), waits
// until each reports SERVING through grpc.health.v1, and stops them all cleanly. Used by
// `rlprune up`, `rlprune run` without an address, and the end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { checkHealth } from '@rlprune/service-kit';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export type ServiceName = 'orchestrator' | 'simulator' | 'trainer' | 'pruner' | 'attacker' | 'certifier';

export interface LaunchOptions {
  /** RLPRUNE_HOME of the orchestrator; logs go to <home>/logs. */
  home: string;
  /** Fixed ports by service (attackers: the first attack's); unset means a free port. */
  ports?: Partial<Record<ServiceName, number>>;
  /** One attacker process per attack; default ['random']. */
  attacks?: string[];
  /** Extra environment for every process (e.g. RLPRUNE_SPAN_FILE). */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for every service to be SERVING. */
  readyTimeoutMs?: number;
  /** Called as each service becomes ready. */
  onReady?: (svc: LocalService) => void;
  /** Restart a service that dies (same port and environment), as a process supervisor would. Default true. */
  supervise?: boolean;
  /** How long the supervisor waits before restarting a dead service (default 200 ms; a pod takes seconds). */
  restartDelayMs?: number;
  /**
   * Trainer processes (default 1). With more than one, the orchestrator dials them all as one
   * round-robin target and runs as many train stages at once, so concurrent trainings use separate
   * cores (one Node process runs one training at a time).
   */
  trainers?: number;
  /** Where trainers step their envs (TRAINER_ENVS): the simulator service (default) or in-process. */
  trainerEnvs?: 'simulator' | 'local';
  /** Where unset ports come from (default: bind port 0 and release it); tests inject a taken port. */
  freePort?: () => Promise<number>;
}

/**
 * Whole launches tried when a chosen port is taken before its service binds it: freePort() releases
 * the port so that every process can be told every address up front, and in that gap another
 * process may take it (seen with two grids starting on one machine: an attacker exited with
 * EADDRINUSE and the run failed before submitting anything). A taken fixed port fails every attempt
 * with the same message.
 */
const LAUNCH_ATTEMPTS = 3;

export interface LocalService {
  /** e.g. "simulator" or "attacker-mad". */
  name: string;
  address: string;
  pid: number;
  logFile: string;
  child: ChildProcess;
}

export interface LocalCluster {
  services: LocalService[];
  /** Address of the orchestrator. */
  orchestrator: string;
  /** SIGTERM to every process, SIGKILL after `graceMs`; resolves when all have exited. */
  stop(graceMs?: number): Promise<void>;
  /** Times each service was restarted after dying (supervision). */
  restarts: Map<string, number>;
  /** Resolves when the named service is SERVING again after a restart. */
  waitRestarted(name: string, count: number, timeoutMs?: number): Promise<LocalService>;
}

function mainOf(service: ServiceName): string {
  return path.join(REPO_ROOT, 'services', service, 'src', 'main.ts');
}

/** Spawns one service and resolves with its bound address (read from its "listening" log line). */
async function spawnService(
  name: string,
  service: ServiceName,
  port: number,
  env: NodeJS.ProcessEnv,
  logDir: string,
  spawned: ChildProcess[],
): Promise<LocalService> {
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', mainOf(service)], {
    // `--import tsx` resolves from the working directory: run from the repository, wherever the user is
    cwd: REPO_ROOT,
    // RLPRUNE_PARENT_PID: the service exits if this process dies, even by kill -9 (service-kit parent-watch)
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', RLPRUNE_PARENT_PID: String(process.pid) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  spawned.push(child);
  child.stderr!.pipe(log);
  const address = await new Promise<string>((resolve, reject) => {
    let lastLine = '';
    const rl = readline.createInterface({ input: child.stderr! });
    rl.on('line', (line) => {
      lastLine = line;
      if (!line.includes('listening')) return;
      try {
        const rec = JSON.parse(line) as { address?: string };
        if (rec.address) resolve(rec.address);
      } catch {
        // not a JSON log line
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${name} exited with code ${code} before listening: ${lastLine || 'no output'} (log: ${logFile})`)),
    );
    child.once('error', reject);
  });
  return { name, address, pid: child.pid!, logFile, child };
}

async function waitServing(svc: LocalService, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (!alive(svc.child)) throw new Error(`${svc.name} exited (code ${svc.child.exitCode ?? svc.child.signalCode}); see ${svc.logFile}`);
    const h = await checkHealth(svc.address, 1_000);
    if (h.status === 'SERVING') return;
    if (Date.now() > until) throw new Error(`${svc.name} at ${svc.address} not SERVING after ${timeoutMs} ms (${h.status} ${h.error})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function stopProcesses(children: ChildProcess[], graceMs: number): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (!alive(child)) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

/** A port that was free a moment ago (bound to 0, read, released): lets every process know every address up front. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function launchLocalServices(opts: LaunchOptions): Promise<LocalCluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(opts);
    } catch (err) {
      if (attempt >= LAUNCH_ATTEMPTS || !/EADDRINUSE|port in use/.test(String(err))) throw err;
    }
  }
}

async function launchOnce(opts: LaunchOptions): Promise<LocalCluster> {
  const logDir = path.join(opts.home, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const attacks = opts.attacks ?? ['random'];
  const timeout = opts.readyTimeoutMs ?? 60_000;
  const portOf = async (svc: ServiceName, i = 0) => (i === 0 ? opts.ports?.[svc] : undefined) ?? (await (opts.freePort ?? freePort)());
  const plan: Array<{ name: string; service: ServiceName; port: number; env: NodeJS.ProcessEnv }> = [
    { name: 'orchestrator', service: 'orchestrator', port: await portOf('orchestrator'), env: {} },
    { name: 'simulator', service: 'simulator', port: await portOf('simulator'), env: {} },
    { name: 'pruner', service: 'pruner', port: await portOf('pruner'), env: {} },
    { name: 'certifier', service: 'certifier', port: await portOf('certifier'), env: {} },
  ];
  const trainers = opts.trainers ?? 1;
  if (!Number.isSafeInteger(trainers) || trainers < 1) throw new Error(`trainers must be an integer >= 1, got ${trainers}`);
  const trainerNames: string[] = [];
  for (let i = 0; i < trainers; i++) {
    const name = i === 0 ? 'trainer' : `trainer-${i + 1}`;
    trainerNames.push(name);
    plan.push({ name, service: 'trainer', port: await portOf('trainer', i), env: opts.trainerEnvs ? { TRAINER_ENVS: opts.trainerEnvs } : {} });
  }
  for (const [i, attack] of attacks.entries()) {
    plan.push({ name: `attacker-${attack}`, service: 'attacker', port: await portOf('attacker', i), env: { ATTACK: attack } });
  }
  const at = (name: string) => `127.0.0.1:${plan.find((p) => p.name === name)!.port}`;
  // every process knows every address: workers find the artifact store and the simulator, the
  // orchestrator finds every worker
  const shared: NodeJS.ProcessEnv = {
    ...opts.env,
    RLPRUNE_HOME: opts.home,
    ORCHESTRATOR_ADDRESS: at('orchestrator'),
    SIMULATOR_ADDRESS: at('simulator'),
    // several trainers: a list the orchestrator balances (config.ts)
    TRAINER_ADDRESS: trainerNames.map(at).join(','),
    RLPRUNE_TRAIN_CONCURRENCY: String(trainers),
    PRUNER_ADDRESS: at('pruner'),
    CERTIFIER_ADDRESS: at('certifier'),
    ATTACKER_ADDRESSES: attacks.map((a) => `${a}=${at(`attacker-${a}`)}`).join(','),
  };
  const spawned: ChildProcess[] = [];
  const restarts = new Map<string, number>();
  const current = new Map<string, LocalService>();
  let stopping = false;
  const supervise = opts.supervise ?? true;
  const start = async (p: (typeof plan)[number]): Promise<LocalService> => {
    const svc = await spawnService(p.name, p.service, p.port, { ...shared, ...p.env }, logDir, spawned);
    await waitServing(svc, timeout);
    current.set(p.name, svc);
    // a service that dies while the system runs comes back on the same port (the ledger and the
    // orchestrator's retries make its interrupted work safe to redo)
    svc.child.once('exit', () => {
      if (stopping || !supervise) return;
      restarts.set(p.name, (restarts.get(p.name) ?? 0) + 1);
      setTimeout(() => {
        if (!stopping) start(p).catch(() => undefined);
      }, opts.restartDelayMs ?? 200);
    });
    return svc;
  };
  try {
    const services = await Promise.all(
      plan.map(async (p) => {
        const svc = await start(p);
        opts.onReady?.(svc);
        return svc;
      }),
    );
    return {
      services,
      orchestrator: services[0]!.address,
      restarts,
      stop: (graceMs = 15_000) => {
        stopping = true;
        return stopProcesses(spawned, graceMs);
      },
      waitRestarted: async (name, count, timeoutMs = 60_000) => {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const svc = current.get(name);
          if ((restarts.get(name) ?? 0) >= count && svc && alive(svc.child) && (await checkHealth(svc.address, 1_000)).status === 'SERVING') {
            return svc;
          }
          if (Date.now() > until) throw new Error(`${name} did not come back (${restarts.get(name) ?? 0} restarts)`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
    };
  } catch (err) {
    stopping = true;
    await stopProcesses(spawned, 5_000);
    throw err;
  }
}
