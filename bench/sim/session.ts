// Env steps per second through a gRPC Session (simulator in its own process, 16 envs per session)
// against the same VecEnv in-process, side by side in one command, medians of several runs.
// Each Session is measured twice: stepping all its envs per round trip (the next actions wait for
// the answer), and stepping them as --groups pipelined groups (default 2) on the same session, each
// group's next step sent as soon as its own answer is in, so one group's round trip overlaps the
// simulator's work on the other (StepEnvs.env_indices); and pipelined again with the session's
// physics on one worker thread (CreateSession.physics_threads = 1), so the simulator's main thread
// handles one group's messages while the other group steps. Physics runs on one core in all of
// these. Last, for scale and not part of the ratio target: the session's envs split over two physics
// threads (physics_threads = 2), all envs per round trip, which lets one session use two cores.
//
//   node --import tsx bench/sim/session.ts [--steps 32000] [--runs 5] [--envs 16] [--groups 2] [--env Hopper-v4]
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
const groups = Number(arg('groups', '2'));
if (!(groups >= 1 && numEnvs % groups === 0)) throw new Error(`--groups must divide --envs (${numEnvs}), got ${groups}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeSteps(env: { reset(): unknown; step(a: Float32Array): unknown }, actDim: number, count = steps): Promise<number> {
  const rng = new Rng(1);
  const actions = Array.from({ length: 64 }, () => Float32Array.from({ length: numEnvs * actDim }, () => rng.range(-1, 1)));
  await env.reset();
  const batches = Math.ceil(count / numEnvs);
  const t0 = performance.now();
  for (let i = 0; i < batches; i++) await env.step(actions[i % actions.length]!);
  return (batches * numEnvs) / ((performance.now() - t0) / 1000);
}

/** The same random actions as timeSteps, sent as `groups` pipelined groups of envs. */
async function timeGroups(env: RemoteVecEnv): Promise<number> {
  const rng = new Rng(1);
  const actDim = env.actDim;
  const size = numEnvs / groups;
  const actions = Array.from({ length: 64 }, () => Float32Array.from({ length: numEnvs * actDim }, () => rng.range(-1, 1)));
  const indices = Array.from({ length: groups }, (_, k) => Array.from({ length: size }, (_, r) => k * size + r));
  const rowsOf = (i: number, k: number) => actions[i % actions.length]!.subarray(k * size * actDim, (k + 1) * size * actDim);
  await env.reset();
  const batches = Math.ceil(steps / numEnvs);
  const t0 = performance.now();
  const inFlight = indices.map((idx, k) => env.stepEnvs(idx, rowsOf(0, k)));
  for (let i = 1; i < batches; i++) {
    for (let k = 0; k < groups; k++) {
      await inFlight[k]; // group k's observations: its next actions may depend on them
      inFlight[k] = env.stepEnvs(indices[k]!, rowsOf(i, k));
    }
  }
  await Promise.all(inFlight);
  return (batches * numEnvs) / ((performance.now() - t0) / 1000);
}

(async () => {
  const sim = spawnServiceProcess('simulator', { PORT: '0' });
  const address = await sim.listening;
  try {
    // Warm-up, not timed: the first sessions after the simulator starts run its gRPC path before
    // the JIT has compiled it (measured: 1.1 ms, then 0.9, 0.7, then 0.6 ms per HalfCheetah step).
    for (let w = 0; w < 3; w++) {
      const l = await createVecEnv(envIds[0]!, { numEnvs, seed: 100 + w });
      await timeSteps(l, l.spec.actDim, 4000);
      l.close();
      const g = await RemoteVecEnv.open({ address, envId: envIds[0]!, numEnvs, seed: 100 + w });
      await timeSteps(g, g.actDim, 4000);
      g.close();
    }
    for (const envId of envIds) {
      const local: number[] = [];
      const remote: number[] = [];
      const pipelined: number[] = [];
      const threaded: number[] = [];
      const twoThreads: number[] = [];
      for (let r = 0; r < runs; r++) {
        const l = await createVecEnv(envId, { numEnvs, seed: r });
        local.push(await timeSteps(l, l.spec.actDim));
        l.close();
        const g = await RemoteVecEnv.open({ address, envId, numEnvs, seed: r });
        remote.push(await timeSteps(g, g.actDim));
        g.close();
        const p = await RemoteVecEnv.open({ address, envId, numEnvs, seed: r });
        pipelined.push(await timeGroups(p));
        p.close();
        const t = await RemoteVecEnv.open({ address, envId, numEnvs, seed: r, physicsThreads: 1 });
        threaded.push(await timeGroups(t));
        t.close();
        const two = await RemoteVecEnv.open({ address, envId, numEnvs, seed: r, physicsThreads: 2 });
        twoThreads.push(await timeSteps(two, two.actDim));
        two.close();
      }
      const row = { bench: 'session', env: envId, envs: numEnvs, in_process_steps_per_s: Math.round(median(local)), session_steps_per_s: Math.round(median(remote)) };
      const grouped = Math.round(median(pipelined));
      const physicsThread = Math.round(median(threaded));
      const two = Math.round(median(twoThreads));
      console.log(JSON.stringify({
        ...row, ratio: +(row.session_steps_per_s / row.in_process_steps_per_s).toFixed(3),
        groups, session_grouped_steps_per_s: grouped, grouped_ratio: +(grouped / row.in_process_steps_per_s).toFixed(3),
        session_grouped_thread_steps_per_s: physicsThread, grouped_thread_ratio: +(physicsThread / row.in_process_steps_per_s).toFixed(3),
        session_2_threads_steps_per_s: two, two_threads_ratio: +(two / row.in_process_steps_per_s).toFixed(3),
      }));
    }
  } finally {
    closeClients();
    sim.child.kill('SIGTERM');
    await sim.exited;
  }
})();
