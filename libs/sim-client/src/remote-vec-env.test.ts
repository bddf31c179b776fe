// A real simulator process: its hand-encoded step answers read the same through the generated
// decoder (an ordinary gRPC client) as through RemoteVecEnv's own decoder, and both match the
// in-process VecEnv, including steps where episodes end and the optional fields are sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVecEnv } from '@rlprune/envs';
import { decodeTensor, encodeTensor, protos, type SessionRequest, type SessionResponse__Output } from '@rlprune/proto';
import { closeClients, getClient } from '@rlprune/service-kit';
import { spawnServiceProcess, type Spawned } from '../../../test/helpers/process';
import { RemoteVecEnv } from './remote-vec-env';

let sim: Spawned;
let address: string;

beforeAll(async () => {
  sim = spawnServiceProcess('simulator', { PORT: '0' });
  address = await sim.listening;
});

afterAll(async () => {
  closeClients();
  sim?.child.kill('SIGTERM');
  await sim?.exited;
});

/** A Session through the generated codec, one answer per request. */
function genericSession(): { send(m: SessionRequest): Promise<SessionResponse__Output>; end(): void } {
  const client = getClient(protos().rlprune.simulator.v1.Simulator, address);
  const call = client.session();
  const waiting: Array<(m: SessionResponse__Output) => void> = [];
  call.on('data', (m: SessionResponse__Output) => waiting.shift()?.(m));
  return {
    send: (m) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        call.write(m);
      }),
    end: () => call.end(),
  };
}

describe('RemoteVecEnv against a simulator process', () => {
  it('reads steps exactly as the generated decoder and the in-process VecEnv do', async () => {
    const [n, envId, seed] = [3, 'Hopper-v4', 5];
    const remote = await RemoteVecEnv.open({ address, envId, numEnvs: n, seed });
    const generic = genericSession();
    const created = await generic.send({ create: { envId, numEnvs: n, seed } });
    const { obsDim, actDim } = created.created!.env!;
    const local = await createVecEnv(envId, { numEnvs: n, seed });
    const obs0 = local.reset();
    expect(Array.from(await remote.reset())).toEqual(Array.from(obs0));
    await generic.send({ reset: {} });
    let endedSteps = 0;
    for (let t = 0; t < 150; t++) {
      const a = Float32Array.from({ length: n * actDim }, (_, i) => Math.sin(t * 0.37 + i));
      const l = local.step(a);
      const r = await remote.step(a);
      const g = (await generic.send({ step: { actions: encodeTensor(a, [n, actDim]) } })).step!;
      const ended = l.terminated.includes(1) || l.truncated.includes(1);
      if (ended) endedSteps++;
      // what the generated decoder reads from the server's bytes
      expect(Array.from(decodeTensor(g.observations, 'observations', [n, obsDim]).values)).toEqual(Array.from(l.obs));
      expect(g.rewards).toEqual(Array.from(l.rewards));
      expect(g.terminated).toEqual(Array.from(l.terminated, (v) => v === 1));
      expect(g.truncated).toEqual(Array.from(l.truncated, (v) => v === 1));
      if (ended) {
        expect(Array.from(decodeTensor(g.finalObservations, 'final_observations', [n, obsDim]).values)).toEqual(Array.from(l.finalObs));
        expect(g.episodeReturns).toEqual(Array.from(l.episodeReturns));
        expect(g.episodeLengths).toEqual(Array.from(l.episodeLengths));
      } else {
        expect(g.finalObservations).toBeNull();
        expect(g.episodeReturns).toEqual([]);
      }
      // what RemoteVecEnv reads: the in-process result, field for field
      expect(r).toEqual(l);
    }
    expect(endedSteps).toBeGreaterThan(0);
    remote.close();
    generic.end();
    local.close();
  });

  it('round-trips a state snapshot through the generic messages', async () => {
    const env = await RemoteVecEnv.open({ address, envId: 'InvertedPendulum-v4', numEnvs: 2, seed: 1 });
    await env.reset();
    const a = new Float32Array([0.3, -0.2]);
    const state = await env.saveState();
    const first = await env.step(a);
    await env.restoreState(state);
    expect(await env.step(a)).toEqual(first);
    env.close();
  });
});
