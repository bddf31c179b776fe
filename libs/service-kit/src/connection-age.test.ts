// The connection age cap: its settings from the environment, and on a real server that an aged
// connection is replaced for new calls while a stream opened on it runs to its end.
import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { closeClients, getClient, unary } from './client';
import { ConfigError } from './config';
import { connectionAgeFromEnv, connectionAgeOptions, DEFAULT_MAX_CONNECTION_AGE_MS } from './connection-age';
import { CLIENT_OPTIONS, SERVER_OPTIONS } from './presets';
import { startService, type ServiceHandle } from './server';

const handles: ServiceHandle[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(handles.splice(0).map((h) => h.shutdown('test done')));
});

describe('connectionAgeFromEnv', () => {
  it('caps connections at 5 minutes with no grace limit by default', () => {
    expect(connectionAgeFromEnv({})).toEqual({ maxAgeMs: DEFAULT_MAX_CONNECTION_AGE_MS });
    expect(DEFAULT_MAX_CONNECTION_AGE_MS).toBe(300_000);
    expect(connectionAgeOptions(connectionAgeFromEnv({}))).toEqual({ 'grpc.max_connection_age_ms': 300_000 });
  });

  it('reads both settings, and 0 turns the cap off', () => {
    const age = connectionAgeFromEnv({ MAX_CONNECTION_AGE_MS: '60000', MAX_CONNECTION_AGE_GRACE_MS: '5000' });
    expect(connectionAgeOptions(age)).toEqual({ 'grpc.max_connection_age_ms': 60_000, 'grpc.max_connection_age_grace_ms': 5_000 });
    expect(connectionAgeOptions(connectionAgeFromEnv({ MAX_CONNECTION_AGE_MS: '0' }))).toEqual({});
  });

  it('names the variable when a value is not a usable number of milliseconds', () => {
    expect(() => connectionAgeFromEnv({ MAX_CONNECTION_AGE_MS: '5m' })).toThrow(ConfigError);
    expect(() => connectionAgeFromEnv({ MAX_CONNECTION_AGE_MS: '5m' })).toThrow(/MAX_CONNECTION_AGE_MS: expected .*got "5m"/);
    // Node would fire a longer timer after 1 ms, closing every connection at once
    expect(() => connectionAgeFromEnv({ MAX_CONNECTION_AGE_GRACE_MS: String(2 ** 31) })).toThrow(/MAX_CONNECTION_AGE_GRACE_MS/);
  });
});

describe('a server with a short connection age', () => {
  it('runs with no keepalive pings on either side, which grpc-js would let cut a draining connection', () => {
    expect(SERVER_OPTIONS['grpc.keepalive_time_ms']).toBeUndefined();
    expect(CLIENT_OPTIONS['grpc.keepalive_time_ms']).toBeUndefined();
  });

  it('moves new calls to a new connection and lets a stream opened before the age finish', async () => {
    const STREAM_MS = 1_500;
    const peers: string[] = [];
    const h = await startService({
      name: 'simulator',
      version: '0.0.0',
      listen: { host: '127.0.0.1', port: 0 },
      connectionAge: { maxAgeMs: 300 },
      services: [
        {
          definition: protos().rlprune.simulator.v1.Simulator.service,
          implementation: {
            ListEnvs: async (call: grpc.ServerUnaryCall<unknown, unknown>) => {
              peers.push(call.getPeer());
              return { envs: [] };
            },
            // one episode every 100 ms for longer than the connection may live
            Evaluate: async (call: grpc.ServerWritableStream<unknown, unknown>) => {
              for (let i = 0; i < STREAM_MS / 100; i++) {
                await new Promise((r) => setTimeout(r, 100));
                call.write({ episode: { index: i, return: i } });
              }
            },
          },
        },
      ],
    });
    handles.push(h);
    const sim = getClient(protos().rlprune.simulator.v1.Simulator, h.address);
    const listEnvs = () => unary(sim.listEnvs.bind(sim), {}, 5_000);

    const episodes: number[] = [];
    const streamDone = new Promise<void>((resolve, reject) => {
      const stream = sim.evaluate({});
      stream.on('data', (e: { episode?: { index: number } }) => episodes.push(e.episode!.index));
      stream.on('error', reject);
      stream.on('end', resolve);
    });
    await listEnvs();
    const started = Date.now();
    while (Date.now() - started < STREAM_MS) {
      await new Promise((r) => setTimeout(r, 100));
      await listEnvs();
    }
    await streamDone;

    expect(episodes).toEqual(Array.from({ length: STREAM_MS / 100 }, (_, i) => i));
    // each connection's client port shows as a new peer; at most 300 ms +10% each, over 1.5 s
    expect(new Set(peers).size).toBeGreaterThanOrEqual(3);
  });
});
