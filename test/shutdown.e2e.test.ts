// Graceful shutdown of a real service process: in-flight calls finish within the grace period,
// new calls get UNAVAILABLE, the process exits 0; calls still running after the grace are cut.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { artifactClient, stat } from './helpers/artifact-client';
import { spawnServiceProcess } from './helpers/process';

const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-shutdown-'));

describe('graceful shutdown', () => {
  it('lets an in-flight call finish after SIGTERM, refuses new calls, and exits 0', async () => {
    const svc = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home(), SHUTDOWN_GRACE_MS: '8000' });
    const address = await svc.listening;
    const client = artifactClient(address);
    const payload = crypto.randomBytes(300_000);
    const result = new Promise<{ id: string; size: number }>((resolve, reject) => {
      const put = client.put((err, res) => (err ? reject(err) : resolve(res!)));
      put.write({ meta: { kind: 'test', labels: {} }, data: payload.subarray(0, 100_000) });
      // the call is in flight; now the process is told to stop
      setTimeout(() => svc.child.kill('SIGTERM'), 300);
      setTimeout(async () => {
        // a new call (fresh channel) after shutdown began is refused
        const late = artifactClient(address);
        const err = await stat(late, { id: 'a'.repeat(64) }).catch((e: grpc.ServiceError) => e);
        late.close();
        expect((err as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
        put.write({ data: payload.subarray(100_000) });
        put.end();
      }, 1_000);
    });
    const res = await result;
    client.close();
    expect(res.id).toBe(crypto.createHash('sha256').update(payload).digest('hex'));
    expect(res.size).toBe(payload.length);
    expect(await svc.exited).toBe(0);
    expect(svc.lines.some((l) => l.includes('shutting down'))).toBe(true);
  });

  it('cancels a call that outlives the grace period and still exits 0', async () => {
    const svc = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home(), SHUTDOWN_GRACE_MS: '500' });
    const address = await svc.listening;
    const client = artifactClient(address);
    const outcome = new Promise<grpc.ServiceError | null>((resolve) => {
      const put = client.put((err) => resolve(err));
      put.write({ meta: { kind: 'test', labels: {} }, data: Buffer.from('never finished') });
    });
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    svc.child.kill('SIGTERM');
    expect(await svc.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const err = await outcome;
    client.close();
    expect(err).not.toBeNull();
    expect(svc.lines.some((l) => l.includes('grace period over'))).toBe(true);
  });
});
