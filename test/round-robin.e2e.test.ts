// Two replicas of one attacker behind one dns:/// name, as two pods behind a headless Service: a
// loopback DNS server answers the name with 127.0.0.1 and 127.0.0.2, one replica listens on each
// (same port), and the client's round_robin policy spreads calls over both.
import net from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';

// grpc-js reads this when it loads: resolve through the DNS server named in the target's authority
vi.hoisted(() => {
  process.env.GRPC_NODE_USE_ALTERNATIVE_RESOLVER = 'true';
});

import { protos } from '@rlprune/proto';
import { closeClients, getClient, unary } from '@rlprune/service-kit';
import { startDnsServer, type DnsServer } from './helpers/dns-server';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const procs: Spawned[] = [];
let dns: DnsServer | undefined;
afterAll(async () => {
  closeClients();
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  await dns?.close();
});

function freePortOnBoth(): Promise<number> {
  return new Promise((resolve, reject) => {
    const a = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (a.address() as net.AddressInfo).port;
      const b = net.createServer().once('error', (e) => a.close(() => reject(e)));
      b.listen(port, '127.0.0.2', () => b.close(() => a.close(() => resolve(port))));
    });
  });
}

describe('dns:/// with round_robin', () => {
  it('spreads calls across both replicas behind one name', async () => {
    const port = await freePortOnBoth();
    for (const host of ['127.0.0.1', '127.0.0.2']) {
      const p = spawnServiceProcess('attacker', { PORT: String(port), HOST: host, ATTACK: 'random' });
      procs.push(p);
      await p.listening;
    }
    dns = await startDnsServer('attacker-random.rlprune.test', ['127.0.0.1', '127.0.0.2']);
    const info = getClient(protos().rlprune.common.v1.Info, `dns://127.0.0.1:${dns.port}/attacker-random.rlprune.test:${port}`);
    const seen = new Map<number, number>();
    for (let i = 0; i < 40; i++) {
      const r = await unary<object, { pid: number }>(info.getInfo.bind(info) as never, {});
      seen.set(r.pid, (seen.get(r.pid) ?? 0) + 1);
    }
    expect(dns.queries).toContain(1);
    expect([...seen.keys()].sort()).toEqual(procs.map((p) => p.child.pid!).sort());
    for (const n of seen.values()) expect(n).toBeGreaterThanOrEqual(10);
  });
});
