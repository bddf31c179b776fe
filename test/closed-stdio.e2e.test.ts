// A service whose stderr (and stdout) reader has stalled or gone still stops on SIGTERM within its
// grace period and exits 0. Seen twice before the fix: an orchestrator started by a test whose
// reader had stopped reading logged until the pipe was full, then on SIGTERM hung in process.exit
// (pino's destination flushes on 'exit' and retries a write that cannot go through every 100 ms,
// forever, EPIPE included once the reader had died) for more than 10 minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/process';

// every malformed call logs one "call rejected" line (~240 bytes) at debug: 2000 of them are well over
// what the socket buffer and the reader's stream buffer hold together (~280 KB)
const MALFORMED_CALLS = 2_000;
const CONCURRENCY = 100;
const GRACE_MS = 1_000;
// a service with no call in flight stops at once; the bound leaves the drain grace and a loaded
// machine's slack, and is below the exit deadline (grace + RLPRUNE_EXIT_MARGIN_MS), whose SIGKILL
// would not count as a clean stop anyway
const EXIT_WITHIN_MS = GRACE_MS + 3_000;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  address: string;
  exited: Promise<string>;
}

/** A real service with stdout and stderr piped to this process; resolves once it reports ready. */
async function start(service: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'services', service, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-closed-stdio-')),
      LOG_LEVEL: 'debug',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)));
  const lines = readline.createInterface({ input: child.stderr! });
  const address = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.includes(`"msg":"${service} ready"`)) resolve((JSON.parse(line) as { address: string }).address);
    });
    void exited.then((how) => reject(new Error(`${service} exited (${how}) before it was ready`)));
  });
  lines.close();
  return { child, address, exited };
}

/** Makes the service log: malformed Info calls, each rejected with one debug line. */
async function makeItLog(address: string): Promise<void> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const call = () =>
    new Promise<void>((resolve) =>
      client.makeUnaryRequest(
        '/rlprune.common.v1.Info/GetInfo',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from([0xff, 0xff, 0xff]),
        { deadline: Date.now() + 5_000 },
        () => resolve(),
      ),
    );
  for (let done = 0; done < MALFORMED_CALLS; done += CONCURRENCY) await Promise.all(Array.from({ length: CONCURRENCY }, call));
  client.close();
}

/** SIGTERM, then how the process ended and how long it took (or 'still running'). */
async function terminate(s: Started): Promise<{ how: string; ms: number }> {
  const t0 = Date.now();
  s.child.kill('SIGTERM');
  const how = await Promise.race([s.exited, new Promise<string>((r) => setTimeout(() => r('still running'), EXIT_WITHIN_MS))]);
  return { how, ms: Date.now() - t0 };
}

describe('a service whose stdio reader stalled or went away', () => {
  it('stops on SIGTERM and exits 0 when nobody reads its full stderr pipe', async () => {
    const s = await start('orchestrator');
    // the reader stops reading but keeps its end open: the pipe fills and stays full
    s.child.stdout!.pause();
    s.child.stderr!.pause();
    await makeItLog(s.address);
    expect(await terminate(s)).toMatchObject({ how: 'code 0' });
  }, 60_000);

  it('stops on SIGTERM and exits 0 after its stdout and stderr readers closed', async () => {
    const s = await start('certifier');
    s.child.stdout!.destroy();
    s.child.stderr!.destroy();
    await makeItLog(s.address);
    expect(await terminate(s)).toMatchObject({ how: 'code 0' });
  }, 60_000);
});
