// Async handler shapes: a unary handler returns its response, a streaming handler returns when it
// is done; thrown errors become gRPC statuses. This keeps status mapping in one place (server.ts).
import type * as grpc from '@grpc/grpc-js';
import { InvalidArgumentError } from './errors';

export const MALFORMED = Symbol('malformed request');

/** An async version of one generated grpc-js handler type. */
export type AsyncHandler<H> = H extends (call: grpc.ServerDuplexStream<infer Req, infer Res>) => void
  ? (call: grpc.ServerDuplexStream<Req, Res>) => Promise<void>
  : H extends (call: grpc.ServerWritableStream<infer Req, infer Res>) => void
    ? (call: grpc.ServerWritableStream<Req, Res>) => Promise<void>
    : H extends (call: grpc.ServerReadableStream<infer Req, infer Res>, cb: grpc.sendUnaryData<infer _R>) => void
      ? (call: grpc.ServerReadableStream<Req, Res>) => Promise<Res>
      : H extends (call: grpc.ServerUnaryCall<infer Req, infer Res>, cb: grpc.sendUnaryData<infer _R>) => void
        ? (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>
        : never;

/** Async versions of every handler of a generated `...Handlers` interface. */
export type AsyncHandlers<H> = { [K in keyof H]: AsyncHandler<H[K]> };

/** Messages of a request stream; a message that failed to decode throws INVALID_ARGUMENT. */
export async function* messages<T>(call: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const msg of call) {
    assertWellFormed(msg);
    yield msg;
  }
}

export function assertWellFormed(msg: unknown): void {
  if (msg && typeof msg === 'object' && MALFORMED in msg) {
    throw new InvalidArgumentError(String((msg as Record<symbol, unknown>)[MALFORMED]));
  }
}
