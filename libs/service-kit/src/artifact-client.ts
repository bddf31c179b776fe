// Services fetch artifacts from the orchestrator's ArtifactStore by content id and keep them in a
// small in-memory cache (ids are sha256 of the bytes, so a cached copy can never be stale).
import crypto from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { protos, type ArtifactStoreClient } from '@rlprune/proto';
import { consumeStream, getClient } from './client';
import { FailedPreconditionError, UnavailableError } from '@rlprune/errors';

const CHUNK = 1024 * 1024;

export interface ArtifactMetaInput {
  kind: string;
  labels?: Record<string, string>;
}

export class ArtifactClient {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    readonly address: string,
    private readonly maxCached = 64,
  ) {}

  private client(): ArtifactStoreClient {
    return getClient(protos().rlprune.orchestrator.v1.ArtifactStore, this.address);
  }

  async get(id: string): Promise<Buffer> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const parts: Buffer[] = [];
    try {
      await consumeStream(this.client().get({ id }, { deadline: Date.now() + 120_000 }), (chunk) => parts.push(Buffer.from(chunk.data)));
    } catch (err) {
      throw this.explain(err as grpc.ServiceError);
    }
    const data = Buffer.concat(parts);
    const actual = crypto.createHash('sha256').update(data).digest('hex');
    if (actual !== id) throw new FailedPreconditionError(`artifact ${id} arrived corrupted (sha256 ${actual})`);
    this.remember(id, data);
    return data;
  }

  async put(data: Buffer, meta: ArtifactMetaInput): Promise<string> {
    const id = await new Promise<string>((resolve, reject) => {
      const call = this.client().put((err, res) => (err ? reject(this.explain(err)) : resolve(res!.id)));
      if (data.length === 0) call.write({ meta: { kind: meta.kind, labels: meta.labels ?? {} }, data: Buffer.alloc(0) });
      for (let off = 0; off < data.length; off += CHUNK) {
        call.write({ meta: off === 0 ? { kind: meta.kind, labels: meta.labels ?? {} } : null, data: data.subarray(off, off + CHUNK) });
      }
      call.end();
    });
    this.remember(id, data);
    return id;
  }

  private remember(id: string, data: Buffer): void {
    this.cache.set(id, data);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
  }

  private explain(err: grpc.ServiceError): Error {
    if (err.code === 14) return new UnavailableError(`artifact store at ${this.address} is unreachable: ${err.details}`);
    return err;
  }
}
