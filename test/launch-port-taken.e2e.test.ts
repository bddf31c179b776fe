// The local launcher tells every process every address up front, so it picks ports before the
// services bind them; another process can take one in between (two grids starting on one machine
// did: an attacker exited with EADDRINUSE and the run failed before submitting). The launcher then
// starts the whole set again on fresh ports, and the run goes on.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHealth, closeClients } from '@rlprune/service-kit';
import { launchLocalServices, type LocalCluster } from '../apps/cli/src/local/launch';

const holder = net.createServer();
let cluster: LocalCluster | undefined;

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

afterAll(async () => {
  closeClients();
  await cluster?.stop();
  await new Promise((resolve) => holder.close(resolve));
});

describe('local launcher', () => {
  it('starts every service on fresh ports when one it picked is taken before the service binds it', async () => {
    const taken = await listen(holder);
    const free = () => {
      const s = net.createServer();
      return listen(s).then((port) => new Promise<number>((resolve) => s.close(() => resolve(port))));
    };
    // the third port of the first launch (the pruner's) is one another process already holds
    let calls = 0;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-port-taken-'));
    cluster = await launchLocalServices({ home, freePort: () => (++calls === 3 ? Promise.resolve(taken) : free()), readyTimeoutMs: 60_000 });

    const pruner = cluster.services.find((s) => s.name === 'pruner')!;
    expect(pruner.address).not.toBe(`127.0.0.1:${taken}`);
    for (const s of cluster.services) expect((await checkHealth(s.address, 5_000)).status, s.name).toBe('SERVING');
    // the first launch's pruner said why it stopped, in its log, before the second launch began
    expect(fs.readFileSync(pruner.logFile, 'utf8')).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(port in use/);
  });
});
