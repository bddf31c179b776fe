// One way to start a service: bind, health (NOT_SERVING until ready), reflection, the Info service,
// async handlers with status mapping and wire-type checks, in-flight tracking, graceful shutdown, and
// a cap on connection age so clients re-resolve and reach replicas added after they connected.
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { packageDefinition, protos, type InfoHandlers } from '@rlprune/proto';
import type { MethodDefinition } from '@grpc/proto-loader';
import { ConfigError, type ListenConfig } from './config';
import { connectionAgeFromEnv, connectionAgeOptions, type ConnectionAge } from './connection-age';
import { UnimplementedError } from '@rlprune/errors';
import { statusError } from './errors';
import { assertWellFormed, MALFORMED, type AsyncHandlers, type RequestOf } from './handlers';
import { createLogger, type Logger } from './logger';
import { SERVER_OPTIONS } from './presets';
import { checkWireTypes, expectedWireTypes } from './wire-check';

export interface ServiceBinding {
  /** Generated service definition, e.g. protos().rlprune.simulator.v1.Simulator.service. */
  definition: grpc.ServiceDefinition;
  /** Async handlers by method name (typed by bindService); a missing method answers UNIMPLEMENTED. */
  implementation: Record<string, unknown>;
  /**
   * Hand-written decoders for a method's hot request shape, tried before the checked generic
   * decoder: each returns the message as the generic decoder would, or undefined to leave the bytes
   * (and any error in them) to the generic path.
   */
  fastRequestDecoders?: Record<string, ((bytes: Buffer) => unknown) | undefined>;
}

/**
 * The binding of one generated service to its async handlers, checked against the generated
 * `...Handlers` interface `H` (e.g. `bindService<TrainerHandlers>(protos()...Trainer.service, {...})`):
 * every method implemented, each with the request and response messages of the proto.
 */
export function bindService<H>(
  definition: grpc.ServiceDefinition<H>,
  implementation: AsyncHandlers<H>,
  fastRequestDecoders?: { [K in keyof H]?: (bytes: Buffer) => RequestOf<H[K]> | undefined },
): ServiceBinding {
  return { definition, implementation, ...(fastRequestDecoders ? { fastRequestDecoders } : {}) };
}

export interface StartOptions {
  /** Service name, e.g. "simulator". */
  name: string;
  /** Version reported by Info and GetSystemStatus. */
  version: string;
  /** Where to listen. */
  listen: ListenConfig;
  /** The gRPC services this process serves. */
  services: ServiceBinding[];
  /** Extra facts for Info (e.g. {attack: "mad"}). */
  details?: Record<string, string>;
  /** Time in-flight calls get to finish after shutdown starts; then they are cancelled. */
  graceMs?: number;
  /** Connection age cap (see connection-age.ts); default from MAX_CONNECTION_AGE_MS / _GRACE_MS. */
  connectionAge?: ConnectionAge;
  /** Runs after the server has stopped (close databases, flush telemetry). */
  onShutdown?: Array<() => Promise<void> | void>;
  logger?: Logger;
}

export interface ServiceHandle {
  name: string;
  /** Port actually bound (useful with PORT=0). */
  port: number;
  /** host:port to dial. */
  address: string;
  logger: Logger;
  /** Marks every served service SERVING (true) or NOT_SERVING (false) in grpc.health.v1. */
  setServing(serving: boolean): void;
  /** Calls currently running. */
  inFlight(): number;
  /** Graceful shutdown; resolves when the server has stopped and hooks have run. */
  shutdown(reason?: string): Promise<void>;
}

const HEALTH_SERVICE = 'grpc.health.v1.Health';

function serviceNameOf(definition: grpc.ServiceDefinition): string {
  const first = Object.values(definition)[0] as MethodDefinition<unknown, unknown> | undefined;
  if (!first) throw new Error('service definition has no methods');
  return first.path.split('/')[1]!;
}

function formatAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function startService(opts: StartOptions): Promise<ServiceHandle> {
  const logger = opts.logger ?? createLogger(opts.name);
  const graceMs = opts.graceMs ?? 10_000;
  // grpc-js prints its own errors to stderr; route them into the JSON log (at debug: every such error
  // also surfaces as a status or a start-up error of ours) so stderr stays one line per event.
  const grpcLog = (...args: unknown[]) => logger.debug({ grpc: args.map(String).join(' ') }, 'grpc-js');
  grpc.setLogger({ error: grpcLog, info: grpcLog, debug: grpcLog });
  const connectionAge = opts.connectionAge ?? connectionAgeFromEnv();
  const server = new grpc.Server({ ...SERVER_OPTIONS, ...connectionAgeOptions(connectionAge) });
  let active = 0;
  let shuttingDown: Promise<void> | undefined;

  const infoBinding = bindService<InfoHandlers>(protos().rlprune.common.v1.Info.service, {
    GetInfo: async () => ({
      name: opts.name,
      version: opts.version,
      pid: process.pid,
      // live memory, so operators and leak tests can watch a process from outside
      details: { ...opts.details, rss_bytes: String(process.memoryUsage().rss) },
    }),
  });
  const bindings = [...opts.services, infoBinding];
  const servedNames = bindings.map((b) => serviceNameOf(b.definition));

  const statusMap: Record<string, ServingStatus> = { '': 'NOT_SERVING' };
  for (const n of servedNames) statusMap[n] = 'NOT_SERVING';
  const health = new HealthImplementation(statusMap);
  health.addToServer(server);
  // Reflection describes the health service too, so grpcurl and friends can call it by name.
  new ReflectionService({ ...packageDefinition(), ...loadSync(healthProtoPath) }, { services: [...servedNames, HEALTH_SERVICE] }).addToServer(
    server,
  );

  for (const binding of bindings) {
    const { definition, handlers } = wrapService(binding, logger, {
      enter: () => active++,
      leave: () => active--,
    });
    server.addService(definition, handlers);
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      formatAddress(opts.listen.host, opts.listen.port),
      grpc.ServerCredentials.createInsecure(),
      (err, bound) => {
        if (err) {
          reject(
            new ConfigError(
              `cannot listen on ${formatAddress(opts.listen.host, opts.listen.port)} (port in use or address unavailable): ${err.message}`,
            ),
          );
        } else resolve(bound);
      },
    );
  });
  const address = formatAddress(opts.listen.host, port);
  logger.info({ address, maxConnectionAgeMs: connectionAge.maxAgeMs }, `${opts.name} listening`);

  const setServing = (serving: boolean): void => {
    const s: ServingStatus = serving ? 'SERVING' : 'NOT_SERVING';
    health.setStatus('', s);
    for (const n of servedNames) health.setStatus(n, s);
  };

  const shutdown = (reason = 'shutdown requested'): Promise<void> => {
    if (shuttingDown) return shuttingDown;
    shuttingDown = (async () => {
      logger.info({ reason, inFlight: active, graceMs }, `${opts.name} shutting down`);
      setServing(false);
      const drained = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!drained) {
        logger.warn({ inFlight: active }, 'grace period over; cancelling remaining calls');
        server.forceShutdown();
      }
      for (const hook of opts.onShutdown ?? []) {
        try {
          await hook();
        } catch (err) {
          logger.error({ err }, 'shutdown hook failed');
        }
      }
      logger.info(`${opts.name} stopped`);
    })();
    return shuttingDown;
  };

  return { name: opts.name, port, address, logger, setServing, inFlight: () => active, shutdown };
}

interface Tracker {
  enter(): void;
  leave(): void;
}

/** Copies a definition with checked deserialisers and adapts async handlers to grpc-js callbacks. */
function wrapService(
  binding: ServiceBinding,
  logger: Logger,
  tracker: Tracker,
): { definition: grpc.ServiceDefinition; handlers: grpc.UntypedServiceImplementation } {
  const definition: Record<string, MethodDefinition<unknown, unknown>> = {};
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const [method, raw] of Object.entries(binding.definition)) {
    const def = raw as MethodDefinition<unknown, unknown> & { requestType?: { type?: { name?: string; field?: never[] } } };
    const reqType = def.requestType?.type;
    const typeName = reqType?.name ?? 'request';
    const wire = expectedWireTypes(reqType?.field ?? []);
    const fast = binding.fastRequestDecoders?.[method];
    definition[method] = {
      ...def,
      // a streaming handler may write a message it has already encoded (a Buffer), for hot streams
      // where the generic object-to-protobuf conversion costs more than the work (simulator Session)
      responseSerialize: (value: unknown) => (Buffer.isBuffer(value) ? value : def.responseSerialize(value)),
      requestDeserialize: (buf: Buffer) => {
        const decoded = fast?.(buf);
        if (decoded !== undefined) return decoded;
        try {
          checkWireTypes(buf, wire, typeName);
          return def.requestDeserialize(buf);
        } catch (err) {
          return { [MALFORMED]: err instanceof Error ? err.message : String(err) };
        }
      },
    };
    const impl = binding.implementation[method] as ((call: unknown) => Promise<unknown>) | undefined;
    const handler =
      impl ??
      (async () => {
        throw new UnimplementedError(`${def.path} is not implemented yet in this version of rlprune`);
      });
    handlers[method] = adapt(def, handler, logger, tracker);
  }
  return { definition: definition as grpc.ServiceDefinition, handlers };
}

function adapt(
  def: MethodDefinition<unknown, unknown>,
  handler: (call: unknown) => Promise<unknown>,
  logger: Logger,
  tracker: Tracker,
): grpc.UntypedHandleCall {
  const fail = (err: unknown) => {
    const e = statusError(err);
    if (e.code === grpc.status.INTERNAL) logger.error({ err, method: def.path }, 'handler failed');
    else logger.debug({ method: def.path, code: e.code, details: e.details }, 'call rejected');
    return e;
  };
  if (!def.responseStream) {
    // unary or client-streaming: the handler's result is the response
    return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      tracker.enter();
      void (async () => {
        try {
          if (!def.requestStream) assertWellFormed(call.request);
          callback(null, await handler(call));
        } catch (err) {
          callback(fail(err));
        } finally {
          tracker.leave();
        }
      })();
    };
  }
  return (call: grpc.ServerWritableStream<unknown, unknown>) => {
    tracker.enter();
    void (async () => {
      try {
        if (!def.requestStream) assertWellFormed(call.request);
        await handler(call);
        if (!call.writableEnded) call.end();
      } catch (err) {
        // grpc-js turns an 'error' event on a server stream into the call's final status.
        if (!call.writableEnded) call.emit('error', fail(err));
      } finally {
        tracker.leave();
      }
    })();
  };
}
