import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { checkHealth } from './health-client';
import { closeClients, getClient, unary } from './client';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { startService, type ServiceHandle } from './server';

const handles: ServiceHandle[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(handles.splice(0).map((h) => h.shutdown('test done')));
});

async function start(implementation: Record<string, unknown> = {}) {
  const h = await startService({
    name: 'certifier',
    version: '9.9.9',
    listen: { host: '127.0.0.1', port: 0 },
    services: [{ definition: protos().rlprune.certifier.v1.Certifier.service, implementation }],
    graceMs: 2_000,
  });
  handles.push(h);
  return h;
}

function certify(address: string, req: object): Promise<unknown> {
  const c = getClient(protos().rlprune.certifier.v1.Certifier, address);
  return unary(c.certify.bind(c) as never, req, 5_000);
}

describe('startService', () => {
  it('reports NOT_SERVING until ready, then SERVING, through grpc.health.v1', async () => {
    const h = await start();
    expect((await checkHealth(h.address)).status).toBe('NOT_SERVING');
    h.setServing(true);
    const res = await checkHealth(h.address);
    expect(res.status).toBe('SERVING');
    expect(res.version).toBe('9.9.9');
    expect((await checkHealth(h.address, 2_000, 'rlprune.certifier.v1.Certifier')).status).toBe('SERVING');
  });

  it('answers UNIMPLEMENTED with a message for methods whose logic has not landed', async () => {
    const h = await start();
    await expect(certify(h.address, {})).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
      details: expect.stringContaining('Certify is not implemented yet'),
    });
  });

  it('maps a typed error to its status code and keeps serving', async () => {
    const h = await start({
      Certify: async (call: { request: { epsilon: number } }) => {
        if (call.request.epsilon < 0) throw new InvalidArgumentError('epsilon', 'a number >= 0', show(call.request.epsilon));
        return { states: 7 };
      },
    });
    await expect(certify(h.address, { epsilon: -0.1 })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'epsilon: expected a number >= 0, got -0.1',
    });
    await expect(certify(h.address, { epsilon: 0.1 })).resolves.toMatchObject({ states: 7 });
  });

  it('turns an unexpected exception into INTERNAL without crashing', async () => {
    const h = await start({
      Certify: async () => {
        throw new Error('boom');
      },
    });
    await expect(certify(h.address, {})).rejects.toMatchObject({ code: grpc.status.INTERNAL });
    expect((await checkHealth(h.address)).status).toBe('NOT_SERVING');
  });

  it('names the field whose wire type is wrong', async () => {
    const h = await start({ Certify: async () => ({ states: 1 }) });
    const client = new grpc.Client(h.address, grpc.credentials.createInsecure());
    // field 2 (epsilon, a double) sent as a varint
    const bad = Buffer.from([0x10, 0x05]);
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      client.makeUnaryRequest(
        '/rlprune.certifier.v1.Certifier/Certify',
        (b: Buffer) => b,
        (b: Buffer) => b,
        bad,
        (e) => resolve(e!),
      ),
    );
    client.close();
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toMatch(/^epsilon: has the wrong type in CertifyRequest: expected 64-bit encoding, got varint/);
  });

  it('refuses to start on a port that is in use with a reason naming the address', async () => {
    const h = await start();
    await expect(
      startService({
        name: 'x',
        version: '0',
        listen: { host: '127.0.0.1', port: h.port },
        services: [],
      }),
    ).rejects.toThrow(`cannot listen on 127.0.0.1:${h.port}`);
  });

  it('health Watch streams the change to SERVING', async () => {
    const h = await start();
    const { service } = await import('grpc-health-check');
    const Health = grpc.makeGenericClientConstructor(service, 'Health') as unknown as new (
      a: string,
      c: grpc.ChannelCredentials,
    ) => grpc.Client & { watch(req: object): grpc.ClientReadableStream<{ status: string }> };
    const client = new Health(h.address, grpc.credentials.createInsecure());
    const seen: string[] = [];
    const stream = client.watch({ service: '' });
    stream.on('error', () => {}); // the cancel below ends the stream with CANCELLED
    await new Promise<void>((resolve) => {
      stream.on('data', (m: { status: string }) => {
        seen.push(m.status);
        if (m.status === 'NOT_SERVING') h.setServing(true);
        if (m.status === 'SERVING') resolve();
      });
    });
    stream.cancel();
    client.close();
    expect(seen).toEqual(['NOT_SERVING', 'SERVING']);
  });
});
