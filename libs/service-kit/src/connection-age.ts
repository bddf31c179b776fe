// How long a client connection may live before the server asks the client to reconnect (gRPC's
// MAX_CONNECTION_AGE, proposal A9). Clients keep one long-lived channel per target, and grpc-js only
// re-resolves a `dns:` name when a connection drops, so without an age cap a replica the autoscaler
// adds never receives calls from clients that connected before it existed (grpc/grpc-node#2265,
// #1663). When the age passes (+/-10% jitter, added by grpc-js) the server sends GOAWAY: calls in
// flight continue on the old connection, new calls go on a new one, and the client's round_robin
// re-resolves the name (at most every 30 s, grpc-js's grpc.dns_min_time_between_resolutions_ms).
//
// The grace is how long calls in flight on an aged connection may still run before it is closed
// under them. A9's default is no limit, and rlprune keeps it: a Train, Session, Perturb or Prepare
// stream lasts a whole training or evaluation, and a finite grace would cut it midway. For the same
// reason neither side sends keepalive pings (presets.ts): grpc-js drops a draining connection when
// one fails.
import type { ChannelOptions } from '@grpc/grpc-js';
import { ConfigError } from './config';

/** Longest delay Node's timers accept; a longer one fires after 1 ms instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ConnectionAge {
  /** Connection age after which the server sends GOAWAY; 0 = never. Default 300000 (5 minutes). */
  maxAgeMs: number;
  /**
   * Time calls in flight on an aged connection still get before it is closed; undefined = until
   * they end (the default, A9's).
   */
  graceMs?: number;
}

export const DEFAULT_MAX_CONNECTION_AGE_MS = 300_000;

function readMs(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_TIMER_MS) {
    throw new ConfigError(`${name}: expected a whole number of milliseconds in [0, ${MAX_TIMER_MS}], got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/** MAX_CONNECTION_AGE_MS (0 turns the cap off) and MAX_CONNECTION_AGE_GRACE_MS (unset: no limit). */
export function connectionAgeFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionAge {
  const maxAgeMs = readMs('MAX_CONNECTION_AGE_MS', env) ?? DEFAULT_MAX_CONNECTION_AGE_MS;
  const graceMs = readMs('MAX_CONNECTION_AGE_GRACE_MS', env);
  return graceMs === undefined ? { maxAgeMs } : { maxAgeMs, graceMs };
}

/** The grpc-js server options for an age cap (none when the cap is off). */
export function connectionAgeOptions(age: ConnectionAge): ChannelOptions {
  if (age.maxAgeMs === 0) return {};
  return {
    'grpc.max_connection_age_ms': age.maxAgeMs,
    ...(age.graceMs === undefined ? {} : { 'grpc.max_connection_age_grace_ms': age.graceMs }),
  };
}
