// Clients: one cached client per (service, target), `dns:///` targets with round_robin over every
// resolved address, retries on UNAVAILABLE, and a default deadline on every unary call.
import * as grpc from '@grpc/grpc-js';
import type { ClientConstructor } from '@rlprune/proto';
import { CLIENT_OPTIONS } from './presets';

/** Unary calls without an explicit deadline get this one. */
export const DEFAULT_UNARY_DEADLINE_MS = 30_000;

const SERVICE_CONFIG = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: [{}],
      retryPolicy: {
        maxAttempts: 4,
        initialBackoff: '0.1s',
        maxBackoff: '2s',
        backoffMultiplier: 2,
        retryableStatusCodes: ['UNAVAILABLE'],
      },
    },
  ],
};

/** "host:port" becomes "dns:///host:port"; targets that already have a scheme are kept. */
export function normalizeTarget(address: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(address) || /^(dns|ipv4|ipv6|unix):/i.test(address)
    ? address
    : `dns:///${address}`;
}

const defaultDeadline: grpc.Interceptor = (options, nextCall) => {
  const def = options.method_definition;
  if (options.deadline === undefined && !def.requestStream && !def.responseStream) {
    options = { ...options, deadline: Date.now() + DEFAULT_UNARY_DEADLINE_MS };
  }
  return new grpc.InterceptingCall(nextCall(options));
};

const cache = new Map<string, grpc.Client>();

/** The one client of `Ctor` for `address` in this process. */
export function getClient<C extends grpc.Client>(Ctor: ClientConstructor<C>, address: string): C {
  const target = normalizeTarget(address);
  const key = `${Ctor.serviceName ?? Ctor.name}|${target}`;
  let client = cache.get(key) as C | undefined;
  if (!client) {
    client = new Ctor(target, grpc.credentials.createInsecure(), {
      ...CLIENT_OPTIONS,
      'grpc.service_config': JSON.stringify(SERVICE_CONFIG),
      interceptors: [defaultDeadline],
    });
    cache.set(key, client);
  }
  return client;
}

/** Closes every cached client (tests, CLI exit). */
export function closeClients(): void {
  for (const c of cache.values()) c.close();
  cache.clear();
}

/**
 * A generated unary client method, bound to its client. Its types come from the method's last two
 * overloads, (argument, options, callback) and (argument, callback), so `unary(c.getInfo.bind(c), {})`
 * knows both the request and the response message.
 */
export interface UnaryMethod<Req, Res> {
  (argument: Req, options: grpc.CallOptions, callback: grpc.requestCallback<Res>): grpc.ClientUnaryCall;
  (argument: Req, callback: grpc.requestCallback<Res>): grpc.ClientUnaryCall;
}

/** Promise form of a unary call with an optional deadline in ms. */
// (NoInfer: the request type comes from the method alone, so a request object with a field the
// message lacks, e.g. after a rename in the .proto, is an error rather than a wider request type)
export function unary<Req, Res>(fn: UnaryMethod<Req, Res>, req: NoInfer<Req>, deadlineMs?: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    const options: grpc.CallOptions = deadlineMs === undefined ? {} : { deadline: Date.now() + deadlineMs };
    fn(req, options, (err, res) => (err ? reject(err) : resolve(res!)));
  });
}

export interface StreamOptions {
  /** Aborting cancels the call (the promise then rejects with CANCELLED). */
  signal?: AbortSignal;
}

/**
 * Consumes a server stream, calling `onMessage` for each message; resolves when it ends. A throw
 * from `onMessage` cancels the call and rejects with that error.
 */
export function consumeStream<T>(stream: grpc.ClientReadableStream<T>, onMessage: (m: T) => void, opts: StreamOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => stream.cancel();
    opts.signal?.addEventListener('abort', abort, { once: true });
    const done = () => opts.signal?.removeEventListener('abort', abort);
    stream.on('data', (m: T) => {
      try {
        onMessage(m);
      } catch (err) {
        stream.cancel();
        reject(err);
      }
    });
    stream.on('error', (err) => {
      done();
      reject(err);
    });
    stream.on('end', () => {
      done();
      resolve();
    });
  });
}
