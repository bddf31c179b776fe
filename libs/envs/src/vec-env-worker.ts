// The worker-thread side of a ThreadedVecEnv: owns one contiguous share of the envs as a VecEnv in
// its own MuJoCo module, and answers the main thread's requests one at a time, in arrival order.
import { parentPort, workerData } from 'node:worker_threads';
import { createVecEnvSlice, type VecEnv, type VecEnvOptions } from './vec-env';
import { restoreVecEnvState, saveVecEnvState, vecEnvStateSize } from './vec-env-state';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './vec-env-worker-protocol';

const setup = workerData as WorkerSetup;
const port = parentPort!;

function transferablesOf(reply: WorkerReply): ArrayBuffer[] {
  if ('result' in reply) return Object.values(reply.result).map((a) => (a as ArrayBufferView).buffer as ArrayBuffer);
  if ('obs' in reply) return [reply.obs.buffer as ArrayBuffer];
  if ('state' in reply) return [reply.state.buffer as ArrayBuffer];
  return [];
}

function handle(env: VecEnv, req: WorkerRequest): WorkerReply {
  switch (req.op) {
    case 'reset':
      return { id: req.id, obs: env.reset() };
    case 'step':
      return { id: req.id, result: req.indices ? env.stepEnvs(req.indices, req.actions) : env.step(req.actions) };
    case 'save':
      return { id: req.id, state: saveVecEnvState(env) };
    case 'restore':
      restoreVecEnvState(env, req.state);
      return { id: req.id, done: true };
  }
}

createVecEnvSlice(setup.envId, setup.options as VecEnvOptions, setup.first, setup.count).then(
  (env) => {
    port.on('message', (req: WorkerRequest) => {
      let reply: WorkerReply;
      try {
        reply = handle(env, req);
      } catch (err) {
        reply = { id: req.id, error: { name: (err as Error).name, message: (err as Error).message } };
      }
      port.postMessage(reply, transferablesOf(reply));
    });
    port.postMessage({ ready: true, stateSize: vecEnvStateSize(env) });
  },
  (err: Error) => port.postMessage({ ready: false, error: { name: err.name, message: err.message } }),
);
