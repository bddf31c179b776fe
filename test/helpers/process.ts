// Spawning one service process for tests that need to signal or kill it directly.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface Spawned {
  child: ChildProcess;
  /** Every stderr line so far. */
  lines: string[];
  /** Resolves with the bound address once the service logs that it listens. */
  listening: Promise<string>;
  /** Resolves with the bound address once the service reports SERVING (its ready hook, e.g. the
   * simulator's WASM load, has finished): calls are answered from `listening` on, health only from here. */
  ready: Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function spawnServiceProcess(service: string, env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'services', service, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    // tests wire services to each other on ports chosen at run time, so services may dial any address
    // a request names unless a test sets RLPRUNE_DIAL_ANY itself (test/dial-allow-list.e2e.test.ts)
    env: { ...process.env, HOST: '127.0.0.1', RLPRUNE_DIAL_ANY: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // one reader for every line; each promise resolves on its log message or rejects when the process exits first
  const waiters: Array<{ msg: string; resolve: (address: string) => void }> = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters) if (line.includes(`"msg":"${service} ${w.msg}"`)) w.resolve((JSON.parse(line) as { address: string }).address);
  });
  const logged = (msg: string) => {
    const p = new Promise<string>((resolve, reject) => {
      waiters.push({ msg, resolve });
      void exited.then((code) => reject(new Error(`${service} exited with ${code} before it was ${msg}: ${lines.join('\n')}`)));
    });
    p.catch(() => {});
    return p;
  };
  const listening = logged('listening');
  const ready = logged('ready');
  return { child, lines, listening, ready, exited };
}

/** An orchestrator (for its artifact store) plus one service that reads artifacts from it. */
export async function startWithStore(service: string, env: NodeJS.ProcessEnv = {}) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const orchestrator = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), `rlprune-${service}-`)) });
  const storeAddress = await orchestrator.listening;
  const svc = spawnServiceProcess(service, { PORT: '0', ORCHESTRATOR_ADDRESS: storeAddress, ...env });
  const address = await svc.listening;
  return {
    storeAddress,
    address,
    processes: [svc, orchestrator],
    async stop() {
      for (const p of [svc, orchestrator]) p.child.kill('SIGTERM');
      await Promise.all([svc.exited, orchestrator.exited]);
    },
  };
}
