// Bad configuration stops a service at start with exit code 2 and one line; bad requests get
// INVALID_ARGUMENT naming the field and the service keeps serving.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactClient, stat, statRaw, type ArtifactStoreClient } from './helpers/artifact-client';
import { spawnServiceProcess, type Spawned } from './helpers/process';

let svc: Spawned;
let address: string;
let client: ArtifactStoreClient;

beforeAll(async () => {
  svc = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-bad-')) });
  address = await svc.listening;
  client = artifactClient(address);
});

afterAll(async () => {
  client?.close();
  svc?.child.kill('SIGTERM');
  await svc?.exited;
});

describe('bad configuration', () => {
  it('an invalid PORT exits 2 with a one-line reason', async () => {
    const bad = spawnServiceProcess('simulator', { PORT: 'eighty' });
    expect(await bad.exited).toBe(2);
    expect(bad.lines).toEqual(['simulator: PORT: expected an integer in [0, 65535], got "eighty"']);
  });

  it('a bad setting read before the server starts exits 2 with a one-line reason too', async () => {
    const sim = spawnServiceProcess('simulator', { PORT: '0', SIM_BUSY_POLL_US: 'fast' });
    expect(await sim.exited).toBe(2);
    expect(sim.lines).toEqual(['simulator: SIM_BUSY_POLL_US: expected an integer >= 0, got "fast"']);
    const trainer = spawnServiceProcess('trainer', { PORT: '0', RLPRUNE_SESSION_BUSY_POLL_US: '-1' });
    expect(await trainer.exited).toBe(2);
    expect(trainer.lines).toEqual(['trainer: RLPRUNE_SESSION_BUSY_POLL_US: expected an integer >= 0, got "-1"']);
  });

  it('a port in use exits 2 with a one-line reason naming the address', async () => {
    const port = address.split(':').pop()!;
    const clash = spawnServiceProcess('pruner', { PORT: port });
    expect(await clash.exited).toBe(2);
    expect(clash.lines).toHaveLength(1);
    expect(clash.lines[0]).toMatch(new RegExp(`^pruner: cannot listen on 127\\.0\\.0\\.1:${port} \\(port in use`));
  });
});

describe('malformed requests', () => {
  it('get INVALID_ARGUMENT naming the field, 500 times, and the service still answers a good call', async () => {
    const raw = new grpc.Client(address, grpc.credentials.createInsecure());
    const kinds = [
      async () => stat(client, {}).catch((e: grpc.ServiceError) => e), // missing id
      async () => stat(client, { id: 'not-a-sha' }).catch((e: grpc.ServiceError) => e), // bad id
      async () => statRaw(raw, Buffer.from([0x08, 0x2a])), // id sent as a varint
      async () => statRaw(raw, Buffer.from([0x0a, 0x40, 0x61])), // id truncated
    ];
    const errors: (grpc.ServiceError | unknown)[] = [];
    for (let i = 0; i < 500; i += 20) {
      errors.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => kinds[(i + j) % kinds.length]!()))));
    }
    raw.close();
    expect(errors).toHaveLength(500);
    for (const e of errors) {
      const err = e as grpc.ServiceError;
      expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(err.details).toMatch(/^id: |truncated/);
    }
    // the service is still up and correct
    const missing = await stat(client, { id: 'b'.repeat(64) }).catch((e: grpc.ServiceError) => e);
    expect((missing as grpc.ServiceError).code).toBe(grpc.status.NOT_FOUND);
    const put = await new Promise<{ id: string }>((resolve, reject) => {
      const w = client.put((err, res) => (err ? reject(err) : resolve(res!)));
      w.write({ meta: { kind: 'policy', labels: { env: 'Hopper-v4' } }, data: Buffer.from('hello') });
      w.end();
    });
    expect(await stat(client, { id: put.id })).toMatchObject({ id: put.id, size: 5 });
  });
});
