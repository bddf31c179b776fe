// Raw ArtifactStore calls for tests.
import * as grpc from '@grpc/grpc-js';
import { protos } from '@rlprune/proto';

export type ArtifactStoreClient = grpc.Client & {
  put(cb: (err: grpc.ServiceError | null, res?: { id: string; size: number }) => void): grpc.ClientWritableStream<object>;
  stat(req: object, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: { id: string; size: number }) => void): void;
};

export function artifactClient(address: string): ArtifactStoreClient {
  const Ctor = protos().rlprune.orchestrator.v1.ArtifactStore;
  return new Ctor(address, grpc.credentials.createInsecure()) as unknown as ArtifactStoreClient;
}

export function stat(client: ArtifactStoreClient, req: object): Promise<{ id: string; size: number }> {
  return new Promise((resolve, reject) =>
    client.stat(req, { deadline: Date.now() + 5_000 }, (err, res) => (err ? reject(err) : resolve(res!))),
  );
}

/** Sends raw bytes as a Stat request (to test malformed wire input). */
export function statRaw(client: grpc.Client, bytes: Buffer): Promise<grpc.ServiceError | null> {
  return new Promise((resolve) =>
    client.makeUnaryRequest(
      '/rlprune.orchestrator.v1.ArtifactStore/Stat',
      (b: Buffer) => b,
      (b: Buffer) => b,
      bytes,
      { deadline: Date.now() + 5_000 },
      (err) => resolve(err),
    ),
  );
}
