// Env steps per second through a gRPC Session (simulator in its own process, 16 envs per session)
// against the same VecEnv in-process, side by side in one command, medians of several runs.
//
//   node --import tsx bench/sim/session.ts [--steps 32000] [--runs 5] [--envs 16] [--env Hopper-v4]
import { createVecEnv } from '@rlprune/envs';
import { Rng } from '@rlprune/random';
import { RemoteVecEnv } from '@rlprune/sim-client';
import { closeClients } from '@rlprune/service-kit';
import { spawnServiceProcess } from '../../test/helpers/process';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const steps = Number(arg('steps', '32000'));
const runs = Number(arg('runs', '5'));
const numEnvs = Number(arg('envs', '16'));
const envIds = arg('env', 'Hopper-v4,Walker2d-v4,HalfCheetah-v4').split(',');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeSteps(env: { reset(): unknown; step(a: Float32Array): unknown }, actDim: number): Promise<number> {
  const rng = new Rng(1);
  const actions = Array.from({ length: 64 }, () => Float32Array.from({ length: numEnvs * actDim }, () => rng.range(-1, 1)));
  await env.reset();
  const batches = Math.ceil(steps / numEnvs);
  const t0 = performance.now();
  for (let i = 0; i < batches; i++) await env.step(actions[i % actions.length]!);
  return (batches * numEnvs) / ((performance.now() - t0) / 1000);
}

(async () => {
  const sim = spawnServiceProcess('simulator', { PORT: '0' });
  const address = await sim.listening;
  try {
    for (const envId of envIds) {
      const local: number[] = [];
      const remote: number[] = [];
      for (let r = 0; r < runs; r++) {
        const l = await createVecEnv(envId, { numEnvs, seed: r });
        local.push(await timeSteps(l, l.spec.actDim));
        l.close();
        const g = await RemoteVecEnv.open({ address, envId, numEnvs, seed: r });
        remote.push(await timeSteps(g, g.actDim));
        g.close();
      }
      const row = { bench: 'session', env: envId, envs: numEnvs, in_process_steps_per_s: Math.round(median(local)), session_steps_per_s: Math.round(median(remote)) };
      console.log(JSON.stringify({ ...row, ratio: +(row.session_steps_per_s / row.in_process_steps_per_s).toFixed(3) }));
    }
  } finally {
    closeClients();
    sim.child.kill('SIGTERM');
    await sim.exited;
  }
})();
