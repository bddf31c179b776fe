// Starts rlprune's services as separate local processes on loopback (the embedded default), waits
// until each reports SERVING through grpc.health.v1, and stops them all cleanly. Used by
// `rlprune up`, `rlprune run` without an address, and the end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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
}

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
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
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
    if (svc.child.exitCode !== null) throw new Error(`${svc.name} exited (code ${svc.child.exitCode}); see ${svc.logFile}`);
    const h = await checkHealth(svc.address, 1_000);
    if (h.status === 'SERVING') return;
    if (Date.now() > until) throw new Error(`${svc.name} at ${svc.address} not SERVING after ${timeoutMs} ms (${h.status} ${h.error})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopProcesses(children: ChildProcess[], graceMs: number): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
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

export async function launchLocalServices(opts: LaunchOptions): Promise<LocalCluster> {
  const logDir = path.join(opts.home, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const ports = opts.ports ?? {};
  const attacks = opts.attacks ?? ['random'];
  const env = { ...opts.env, RLPRUNE_HOME: opts.home };
  const timeout = opts.readyTimeoutMs ?? 60_000;
  const spawned: ChildProcess[] = [];
  const ready = async (svc: LocalService) => {
    await waitServing(svc, timeout);
    opts.onReady?.(svc);
    return svc;
  };
  try {
    const workers = await Promise.all([
      spawnService('simulator', 'simulator', ports.simulator ?? 0, env, logDir, spawned).then(ready),
      spawnService('trainer', 'trainer', ports.trainer ?? 0, env, logDir, spawned).then(ready),
      spawnService('pruner', 'pruner', ports.pruner ?? 0, env, logDir, spawned).then(ready),
      spawnService('certifier', 'certifier', ports.certifier ?? 0, env, logDir, spawned).then(ready),
      ...attacks.map((attack, i) =>
        spawnService(`attacker-${attack}`, 'attacker', i === 0 ? (ports.attacker ?? 0) : 0, { ...env, ATTACK: attack }, logDir, spawned).then(ready),
      ),
    ]);
    const addr = (n: string) => workers.find((w) => w.name === n)!.address;
    const orchestrator = await ready(
      await spawnService(
        'orchestrator',
        'orchestrator',
        ports.orchestrator ?? 0,
        {
          ...env,
          SIMULATOR_ADDRESS: addr('simulator'),
          TRAINER_ADDRESS: addr('trainer'),
          PRUNER_ADDRESS: addr('pruner'),
          CERTIFIER_ADDRESS: addr('certifier'),
          ATTACKER_ADDRESSES: attacks.map((a) => `${a}=${addr(`attacker-${a}`)}`).join(','),
        },
        logDir,
        spawned,
      ),
    );
    const services = [orchestrator, ...workers];
    return { services, orchestrator: orchestrator.address, stop: (graceMs = 15_000) => stopProcesses(spawned, graceMs) };
  } catch (err) {
    await stopProcesses(spawned, 5_000);
    throw err;
  }
}
