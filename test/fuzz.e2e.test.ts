// Issue 21's bounded fuzz suite: every RPC of every rlprune service (and each service's Info) gets
// >= 100 malformed requests (test/helpers/fuzz-messages.ts) from its own seed (RLPRUNE_FUZZ_SEED,
// default below; a failure prints it). None may answer INTERNAL or UNKNOWN, and every service must
// still be SERVING afterwards. Requests go out raw (bytes, not objects) so malformed wire data
// reaches the servers' decoders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDefinition } from '@rlprune/proto';
import { Rng } from '@rlprune/random';
import { checkHealth } from '@rlprune/service-kit';
import { malformedRequests, type DescriptorDecoder, type MethodLike } from './helpers/fuzz-messages';
import { spawnServiceProcess, type Spawned } from './helpers/process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const descriptor = require('protobufjs/ext/descriptor') as { FileDescriptorProto: { decode(b: Buffer): unknown; toObject(m: unknown, o: object): ReturnType<DescriptorDecoder> } };
const decode: DescriptorDecoder = (b) => descriptor.FileDescriptorProto.toObject(descriptor.FileDescriptorProto.decode(b), { enums: String });

const SEED = Number(process.env.RLPRUNE_FUZZ_SEED ?? 2110);
const CASES_PER_RPC = 100;
const CALL_DEADLINE_MS = 5_000;
const IN_FLIGHT = 8;

// which service process serves which packages
const SERVED: Record<string, string[]> = {
  orchestrator: ['rlprune.orchestrator.v1.Orchestrator', 'rlprune.orchestrator.v1.ArtifactStore', 'rlprune.common.v1.Info'],
  simulator: ['rlprune.simulator.v1.Simulator', 'rlprune.common.v1.Info'],
  trainer: ['rlprune.trainer.v1.Trainer', 'rlprune.common.v1.Info'],
  pruner: ['rlprune.pruner.v1.Pruner', 'rlprune.common.v1.Info'],
  attacker: ['rlprune.attacker.v1.Attacker', 'rlprune.common.v1.Info'],
  certifier: ['rlprune.certifier.v1.Certifier', 'rlprune.common.v1.Info'],
};

const procs: Record<string, Spawned> = {};
const addr: Record<string, string> = {};

beforeAll(async () => {
  procs.orchestrator = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-fuzz-')) });
  addr.orchestrator = await procs.orchestrator.listening;
  for (const s of Object.keys(SERVED).filter((s) => s !== 'orchestrator')) {
    procs[s] = spawnServiceProcess(s, { PORT: '0', ORCHESTRATOR_ADDRESS: addr.orchestrator, ATTACK: 'mad', RLPRUNE_DIAL_ANY: '0' });
  }
  for (const s of Object.keys(procs)) addr[s] = await procs[s]!.ready;
}, 120_000);

afterAll(async () => {
  for (const p of Object.values(procs)) p.child.kill('SIGTERM');
  await Promise.all(Object.values(procs).map((p) => p.exited));
});

/** One raw call; resolves with its final status code. */
function rawCall(client: grpc.Client, method: MethodLike, payloads: Buffer[]): Promise<number> {
  const id = (b: Buffer) => b;
  const opts = { deadline: Date.now() + CALL_DEADLINE_MS };
  return new Promise((resolve) => {
    const done = (err: grpc.ServiceError | null) => resolve(err ? err.code : grpc.status.OK);
    if (!method.requestStream && !method.responseStream) {
      client.makeUnaryRequest(method.path, id, id, payloads[0]!, opts, done);
      return;
    }
    if (!method.requestStream) {
      const s = client.makeServerStreamRequest(method.path, id, id, payloads[0]!, new grpc.Metadata(), opts);
      // a stream that starts real output is cancelled: the request was accepted
      s.on('data', () => s.cancel());
      s.on('status', (st: grpc.StatusObject) => resolve(st.code === grpc.status.CANCELLED ? grpc.status.OK : st.code));
      s.on('error', () => undefined);
      return;
    }
    const s = method.responseStream
      ? client.makeBidiStreamRequest(method.path, id, id, new grpc.Metadata(), opts)
      : client.makeClientStreamRequest(method.path, id, id, new grpc.Metadata(), opts, done);
    if (method.responseStream) {
      const bidi = s as grpc.ClientDuplexStream<Buffer, Buffer>;
      bidi.on('data', () => undefined);
      bidi.on('status', (st: grpc.StatusObject) => resolve(st.code));
      bidi.on('error', () => undefined);
    } else {
      s.on('error', () => undefined);
    }
    for (const p of payloads) s.write(p);
    s.end();
  });
}

describe('bounded fuzz of every RPC', () => {
  it(`>= ${CASES_PER_RPC} malformed requests per RPC (seed ${SEED}): never INTERNAL or UNKNOWN, every service still SERVING`, async () => {
    const def = packageDefinition() as unknown as Record<string, Record<string, MethodLike>>;
    const rng = new Rng(SEED);
    const bad: string[] = [];
    const tally: string[] = [];
    let rpcs = 0;
    const t0 = Date.now();
    for (const [service, packages] of Object.entries(SERVED)) {
      const client = new grpc.Client(addr[service]!, grpc.credentials.createInsecure(), { 'grpc.max_send_message_length': 64 * 1024 * 1024 });
      for (const pkg of packages) {
        for (const [name, method] of Object.entries(def[pkg]!)) {
          rpcs++;
          const requests = malformedRequests(rng, method, CASES_PER_RPC, decode);
          const codes = new Map<number, number>();
          for (let i = 0; i < requests.length; i += IN_FLIGHT) {
            const batch = requests.slice(i, i + IN_FLIGHT);
            // streaming requests send one to three messages of the case set
            const results = await Promise.all(batch.map((r, j) => rawCall(client, method, method.requestStream ? requests.slice(i + j, i + j + 1 + ((i + j) % 3)) : [r])));
            results.forEach((code, j) => {
              codes.set(code, (codes.get(code) ?? 0) + 1);
              if (code === grpc.status.INTERNAL || code === grpc.status.UNKNOWN) bad.push(`${service} ${pkg}.${name} case ${i + j}: ${grpc.status[code]}`);
            });
          }
          tally.push(`${service} ${name}: ${[...codes].map(([c, n]) => `${grpc.status[c]} ${n}`).join(', ')}`);
        }
      }
      client.close();
    }
    console.log(`fuzz seed ${SEED}: ${rpcs} RPCs x ${CASES_PER_RPC} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s\n${tally.join('\n')}`);
    expect(rpcs).toBeGreaterThanOrEqual(28);
    expect(bad, `seed ${SEED}`).toEqual([]);
    for (const s of Object.keys(procs)) {
      expect(procs[s]!.child.exitCode, `${s} exited`).toBeNull();
      expect((await checkHealth(addr[s]!, 5_000)).status, s).toBe('SERVING');
    }
  }, 600_000);
});
