// gRPC ArtifactStore over the on-disk store: Put and Get stream 1 MiB chunks, ids are sha256.
import type * as grpc from '@grpc/grpc-js';
import type { ArtifactStoreHandlers } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/ArtifactStore';
import type { PutArtifactChunk__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/PutArtifactChunk';
import { InvalidArgumentError, messages, type AsyncHandlers } from '@rlprune/service-kit';
import type { ArtifactStore } from './artifact-store';

const CHUNK = 1024 * 1024;

function requireId(id: string | undefined): string {
  if (!id || !/^[0-9a-f]{64}$/.test(id)) {
    throw new InvalidArgumentError(`must be a sha256 artifact id (64 lower-case hex characters), got ${JSON.stringify(id ?? '')}`, 'id');
  }
  return id;
}

export function artifactStoreHandlers(store: ArtifactStore): AsyncHandlers<ArtifactStoreHandlers> {
  return {
    Put: async (call: grpc.ServerReadableStream<PutArtifactChunk__Output, unknown>) => {
      const parts: Buffer[] = [];
      let meta = { kind: '', labels: {} as Record<string, string> };
      let first = true;
      for await (const chunk of messages(call)) {
        if (first && chunk.meta) meta = { kind: chunk.meta.kind, labels: { ...chunk.meta.labels } };
        first = false;
        if (chunk.data?.length) parts.push(Buffer.from(chunk.data));
      }
      if (first) throw new InvalidArgumentError('Put received no chunks; send at least one chunk', 'data');
      const stored = store.put(Buffer.concat(parts), meta);
      return { id: stored.id, size: stored.size, meta: stored.meta };
    },
    Get: async (call) => {
      const { data, info } = store.get(requireId(call.request.id));
      for (let off = 0; off < data.length || off === 0; off += CHUNK) {
        call.write({ info: off === 0 ? info : null, data: data.subarray(off, off + CHUNK) });
        if (data.length === 0) break;
      }
    },
    Stat: async (call) => store.stat(requireId(call.request.id)),
  };
}
