// A TCP port free on every one of several loopback addresses, so replicas of one service can each
// listen on their own address at the same port, as pods behind a headless Service do.
import net from 'node:net';

function listenOnAll(port: number, hosts: string[]): Promise<net.Server[]> {
  const servers: net.Server[] = [];
  return hosts
    .reduce(
      (prev, host) =>
        prev.then(
          () =>
            new Promise<void>((resolve, reject) => {
              const s = net.createServer().once('error', reject);
              s.listen(port, host, () => {
                servers.push(s);
                resolve();
              });
            }),
        ),
      Promise.resolve(),
    )
    .then(
      () => servers,
      async (err: unknown) => {
        await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
        throw err;
      },
    );
}

/** Picks a port on the first host and checks it on the others; tries again when one is taken. */
export async function freePortOn(hosts: string[], attempts = 20): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, hosts[0], () => resolve((probe.address() as net.AddressInfo).port)));
    await new Promise((r) => probe.close(r));
    try {
      const servers = await listenOnAll(port, hosts);
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      return port;
    } catch {
      // taken on one of the other hosts: pick another
    }
  }
  throw new Error(`no port free on all of ${hosts.join(', ')} after ${attempts} tries`);
}
