// New replicas get traffic: a client connected to one simulator behind a `dns:` name (a headless
// Service with one pod) starts calling a second replica added later (the autoscaler's new pod),
// because the server caps connection age (MAX_CONNECTION_AGE_MS, short here) and the GOAWAY makes the
// client's round_robin re-resolve the name. A second pair of replicas with the cap off is the
// control: its client keeps calling the first replica only, as rlprune's clients did before.
// grpc-js re-resolves a name at most every 30 s (grpc.dns_min_time_between_resolutions_ms, left at
// its default here as in production), so the spread shows about 30 s after the client connected.
import { afterAll, describe, expect, it, vi } from 'vitest';

// grpc-js reads this when it loads: resolve through the DNS server named in the target's authority
vi.hoisted(() => {
  process.env.GRPC_NODE_USE_ALTERNATIVE_RESOLVER = 'true';
});

import { protos } from '@rlprune/proto';
import { RemoteVecEnv } from '@rlprune/sim-client';
import { closeClients, getClient, unary } from '@rlprune/service-kit';
import { startDnsServer, type DnsServer } from './helpers/dns-server';
import { freePortOn } from './helpers/free-port';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const procs: Spawned[] = [];
const dnsServers: DnsServer[] = [];
afterAll(async () => {
  closeClients();
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  await Promise.all(dnsServers.map((d) => d.close()));
});

const A_QUERY = 1;
/** Long enough to see every replica the client knows of several times over. */
const SPREAD_CALLS = 40;
/** Re-resolution waits up to 30 s after the first resolution; the rest is margin for a loaded machine. */
const SPREAD_WITHIN_MS = 60_000;

async function startSimulator(host: string, port: number, maxConnectionAgeMs: number): Promise<Spawned> {
  const p = spawnServiceProcess('simulator', {
    HOST: host,
    PORT: String(port),
    MAX_CONNECTION_AGE_MS: String(maxConnectionAgeMs),
    SIM_MAX_THREADS: '1',
  });
  procs.push(p);
  await p.listening;
  return p;
}

/** One name answered with a list of addresses that the test can extend, and an Info client on it. */
async function serviceName(name: string, addresses: string[], port: number) {
  const dns = await startDnsServer(name, addresses);
  dnsServers.push(dns);
  const target = `dns://127.0.0.1:${dns.port}/${name}:${port}`;
  const info = getClient(protos().rlprune.common.v1.Info, target);
  const pidOfNextCall = async () => (await unary<object, { pid: number }>(info.getInfo.bind(info) as never, {}, 10_000)).pid;
  return { dns, addresses, target, pidOfNextCall };
}

describe('max connection age', () => {
  it(
    'spreads a connected client onto a replica started after it connected; without the cap it never does',
    async () => {
      const port = await freePortOn(['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4']);
      const capped = await startSimulator('127.0.0.1', port, 2_000);
      const uncapped = await startSimulator('127.0.0.3', port, 0);
      const withCap = await serviceName('simulator.capped.test', ['127.0.0.1'], port);
      const withoutCap = await serviceName('simulator.uncapped.test', ['127.0.0.3'], port);

      // both clients connected to their only replica, and a session stream open on the capped one
      expect(await withCap.pidOfNextCall()).toBe(capped.child.pid);
      expect(await withoutCap.pidOfNextCall()).toBe(uncapped.child.pid);
      const session = await RemoteVecEnv.open({ address: withCap.target, envId: 'InvertedPendulum-v4', numEnvs: 1, seed: 3 });
      await session.reset();
      const connectedAt = Date.now();

      // the autoscaler adds a replica behind each name
      const added = await startSimulator('127.0.0.2', port, 2_000);
      const addedUncapped = await startSimulator('127.0.0.4', port, 0);
      withCap.addresses.push('127.0.0.2');
      withoutCap.addresses.push('127.0.0.4');

      let steps = 0;
      while (Date.now() - connectedAt < SPREAD_WITHIN_MS && (await withCap.pidOfNextCall()) !== added.child.pid) {
        await withoutCap.pidOfNextCall();
        // the session stream outlives many connection ages: GOAWAY lets calls in flight finish
        await session.step(Float32Array.of(0.1));
        steps++;
        await new Promise((r) => setTimeout(r, 250));
      }
      const spreadAfterMs = Date.now() - connectedAt;

      const seenWithCap = new Map<number, number>();
      const seenWithoutCap = new Map<number, number>();
      for (let i = 0; i < SPREAD_CALLS; i++) {
        const a = await withCap.pidOfNextCall();
        seenWithCap.set(a, (seenWithCap.get(a) ?? 0) + 1);
        const b = await withoutCap.pidOfNextCall();
        seenWithoutCap.set(b, (seenWithoutCap.get(b) ?? 0) + 1);
      }
      await session.step(Float32Array.of(0.1));
      session.close();

      expect(spreadAfterMs).toBeLessThan(SPREAD_WITHIN_MS);
      expect(steps).toBeGreaterThan(0);
      // round_robin over both replicas of the capped name
      expect([...seenWithCap.keys()].sort()).toEqual([capped.child.pid, added.child.pid].sort());
      for (const n of seenWithCap.values()) expect(n).toBeGreaterThanOrEqual(SPREAD_CALLS / 4);
      expect(withCap.dns.queries.filter((q) => q === A_QUERY).length).toBeGreaterThanOrEqual(2);
      // the control: never re-resolved, so the added replica got nothing
      expect([...seenWithoutCap.keys()]).toEqual([uncapped.child.pid]);
      expect(withoutCap.dns.queries.filter((q) => q === A_QUERY)).toHaveLength(1);
      expect(addedUncapped.child.pid).toBeDefined();
    },
    SPREAD_WITHIN_MS + 60_000,
  );
});
