// Async handler shapes: a unary handler returns its response, a streaming handler returns when it
// is done; thrown errors become gRPC statuses. This keeps status mapping in one place (server.ts).
import type * as grpc from '@grpc/grpc-js';
import { InvalidArgumentError } from '@rlprune/errors';

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

/** The request message a generated handler type receives. */
export type RequestOf<H> = H extends (call: grpc.ServerDuplexStream<infer Req, infer _Res>) => void
  ? Req
  : H extends (call: grpc.ServerWritableStream<infer Req, infer _Res>) => void
    ? Req
    : H extends (call: grpc.ServerUnaryCall<infer Req, infer _Res>, cb: grpc.sendUnaryData<infer _R>) => void
      ? Req
      : never;

/** Async versions of every handler of a generated `...Handlers` interface. */
export type AsyncHandlers<H> = { [K in keyof H]: AsyncHandler<H[K]> };

/**
 * Messages of a request stream; a message that failed to decode throws INVALID_ARGUMENT. Unlike a
 * plain `for await` over the call, leaving the loop early (break or throw) does not destroy the
 * call, so the server can still send the status that explains why. Aborting `signal` makes the
 * waiting loop throw the abort reason (work done off the loop, e.g. on a worker thread, failed).
 */
export function messages<T>(call: NodeJS.EventEmitter & { read(size?: number): T }, signal?: AbortSignal): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const queue: T[] = [];
      let done = false;
      let failure: Error | undefined;
      let wake: (() => void) | undefined;
      const notify = () => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      const onData = (m: T) => {
        queue.push(m);
        notify();
      };
      const onEnd = () => {
        done = true;
        notify();
      };
      const onError = (e: Error) => {
        failure ??= e;
        notify();
      };
      call.on('data', onData);
      call.on('end', onEnd);
      call.on('cancelled', onEnd);
      call.on('close', onEnd);
      call.on('error', onError);
      const onAbort = () => onError(signal!.reason as Error);
      signal?.addEventListener('abort', onAbort);
      if (signal?.aborted) onAbort();
      const cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
        call.off('data', onData);
        call.off('end', onEnd);
        call.off('cancelled', onEnd);
        call.off('close', onEnd);
        call.off('error', onError);
      };
      return {
        async next(): Promise<IteratorResult<T>> {
          for (;;) {
            if (queue.length > 0) {
              const msg = queue.shift()!;
              assertWellFormed(msg);
              return { value: msg, done: false };
            }
            if (failure) {
              cleanup();
              throw failure;
            }
            if (done) {
              cleanup();
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => (wake = resolve));
          }
        },
        async return(): Promise<IteratorResult<T>> {
          cleanup();
          return { value: undefined, done: true };
        },
      };
    },
  };
}

export function assertWellFormed(msg: unknown): void {
  if (msg && typeof msg === 'object' && MALFORMED in msg) {
    throw new InvalidArgumentError(String((msg as Record<symbol, unknown>)[MALFORMED]));
  }
}
