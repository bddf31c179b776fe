// Clients: one cached client per (service, target), `dns:///` targets with round_robin over every
// resolved address, retries on UNAVAILABLE, and a default deadline on every unary call.
import * as grpc from '@grpc/grpc-js';
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

type ClientCtor<C> = (new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => C) & {
  serviceName?: string;
  service?: grpc.ServiceDefinition;
};

const cache = new Map<string, grpc.Client>();

/** The one client of `Ctor` for `address` in this process. */
export function getClient<C extends grpc.Client>(Ctor: ClientCtor<C>, address: string): C {
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

/** Promise form of a unary call with an optional deadline in ms. */
export function unary<Req, Res>(
  fn: (req: Req, options: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown,
  req: Req,
  deadlineMs?: number,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const options: grpc.CallOptions = deadlineMs === undefined ? {} : { deadline: Date.now() + deadlineMs };
    fn(req, options, (err, res) => (err ? reject(err) : resolve(res as Res)));
  });
}
