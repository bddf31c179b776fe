// gRPC ArtifactStore over the on-disk store: Put and Get stream 1 MiB chunks, ids are sha256. A Put
// streams to disk and is refused past a maximum size (issue 21: 512 MiB held 1.2 GB before).
import type * as grpc from '@grpc/grpc-js';
import type { ArtifactInfo, ArtifactStoreHandlers, PutArtifactChunk__Output } from '@rlprune/proto';
import { InvalidArgumentError, messages, show, type AsyncHandlers } from '@rlprune/service-kit';
import type { ArtifactStore } from './artifact-store';

const CHUNK = 1024 * 1024;

/** What one Put may carry. */
export interface ArtifactLimits {
  /** Largest artifact in bytes (RLPRUNE_MAX_ARTIFACT_BYTES); policies and checkpoints are a few MB. */
  maxArtifactBytes: number;
}

export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = { maxArtifactBytes: 256 * 1024 * 1024 };

/** Labels are a handful of short strings (env, attack, policy id); this bounds their JSON. */
const MAX_META_CHARS = 64 * 1024;

function requireId(id: string | undefined): string {
  if (!id || !/^[0-9a-f]{64}$/.test(id)) {
    throw new InvalidArgumentError('id', 'a sha256 artifact id (64 lower-case hex characters)', show(id ?? ''));
  }
  return id;
}

function checkMeta(kind: string, labels: Record<string, string>): { kind: string; labels: Record<string, string> } {
  const chars = kind.length + Object.entries(labels).reduce((n, [k, v]) => n + k.length + v.length, 0);
  if (chars > MAX_META_CHARS) throw new InvalidArgumentError('meta', `kind and labels hold ${chars} characters, over the limit of ${MAX_META_CHARS}`);
  return { kind, labels };
}

export function artifactStoreHandlers(store: ArtifactStore, limits: ArtifactLimits = DEFAULT_ARTIFACT_LIMITS): AsyncHandlers<ArtifactStoreHandlers> {
  return {
    Put: async (call: grpc.ServerReadableStream<PutArtifactChunk__Output, ArtifactInfo>) => {
      const upload = store.beginPut(limits.maxArtifactBytes);
      try {
        let meta = { kind: '', labels: {} as Record<string, string> };
        let first = true;
        for await (const chunk of messages(call)) {
          if (first && chunk.meta) meta = checkMeta(chunk.meta.kind, { ...chunk.meta.labels });
          first = false;
          if (chunk.data?.length) upload.write(chunk.data);
        }
        if (first) throw new InvalidArgumentError('data', 'Put received no chunks; send at least one chunk');
        const stored = upload.commit(meta);
        return { id: stored.id, size: stored.size, meta: stored.meta };
      } finally {
        upload.abort();
      }
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
