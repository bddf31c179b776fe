// Session: one bidi stream owns one VecEnv (or, with create.physics_threads, a ThreadedVecEnv). The
// first message creates it; resets and steps follow. The envs (and threads) are freed when the
// stream ends for any reason (close, cancel, error, disconnect).
import crypto from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { createThreadedVecEnv, createVecEnv, getEnvSpec, restoreVecEnvState, saveVecEnvState, ThreadedVecEnv, type VecEnv, type VecStepResult } from '@rlprune/envs';
import { decodeTensor, encodeStepResponse, encodeTensor, preEncoded, type SessionRequest__Output, type SessionResponse } from '@rlprune/proto';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  messages,
  requirePositiveInt,
  requireString,
  show,
  busyPoll,
  type Logger,
} from '@rlprune/service-kit';
import type { EnvBudget } from './budget';
import { toWireEnvSpec } from './env-spec';

export interface SessionOptions {
  /**
   * How long the process keeps polling for the next request after answering a step, in
   * microseconds (0: sleep in epoll as usual). A trainer sends its next step within tens of
   * microseconds, and not sleeping in between saves a vCPU wake-up per step (service-kit busy-poll.ts).
   */
  busyPollUs: number;
}

export async function runSession(
  call: grpc.ServerDuplexStream<SessionRequest__Output, SessionResponse>,
  budget: EnvBudget,
  logger: Logger,
  options: SessionOptions,
): Promise<void> {
  let env: VecEnv | ThreadedVecEnv | undefined;
  let held = { envs: 0, threads: 0 };
  const sessionId = crypto.randomBytes(6).toString('hex');
  let endPoll = () => {};
  // A threaded env answers later, and the loop reads the next request meanwhile (so a client's next
  // group is on its way to a worker while this one steps). Answers leave in request order along
  // `answered`; a worker's failure aborts the loop, which then ends the stream with its status.
  let answered: Promise<void> = Promise.resolve();
  const failed = new AbortController();
  const answerLater = (reply: Promise<SessionResponse>) => {
    answered = answered.then(() => reply).then(
      (r) => void call.write(r),
      (err: Error) => failed.abort(err.name === 'EnvStateError' ? new FailedPreconditionError('step', err.message) : err),
    );
  };
  try {
    for await (const msg of messages(call, failed.signal)) {
      endPoll();
      if (msg.create) {
        if (env) throw new FailedPreconditionError('create', 'the session already has envs; open a new stream for another session');
        const envId = requireString(msg.create.envId, 'create.env_id');
        getEnvSpec(envId); // NOT_FOUND listing the known ids, before any budget is taken
        const numEnvs = requirePositiveInt(msg.create.numEnvs, 'create.num_envs');
        const threads = msg.create.physicsThreads ?? 0;
        if (threads > numEnvs) throw new InvalidArgumentError('create.physics_threads', `at most num_envs (${numEnvs})`, show(threads));
        budget.acquire(numEnvs, threads);
        held = { envs: numEnvs, threads };
        const envOptions = { numEnvs, seed: msg.create.seed, resetNoise: !msg.create.disableResetNoise };
        env = threads > 0 ? await createThreadedVecEnv(envId, { ...envOptions, threads }) : await createVecEnv(envId, envOptions);
        logger.debug({ sessionId, envId, numEnvs, threads }, 'session created');
        call.write({ created: { sessionId, env: toWireEnvSpec(env.spec) } });
      } else if (msg.reset) {
        const e = requireEnv(env);
        const obs = (o: Float32Array): SessionResponse => ({ observations: encodeTensor(o, [e.numEnvs, e.spec.obsDim]) });
        if (e instanceof ThreadedVecEnv) answerLater(e.reset().then(obs));
        else call.write(obs(e.reset()));
      } else if (msg.step) {
        const e = requireEnv(env);
        const indices = msg.step.envIndices ?? [];
        const rows = indices.length > 0 ? indices.length : e.numEnvs;
        const { values } = decodeTensor(msg.step.actions, 'step.actions', [rows, e.spec.actDim]);
        if (e instanceof ThreadedVecEnv) {
          answerLater(stepBatch(e, indices, values).then(encodeStep));
          continue; // no busy polling: the main thread would spin against the physics thread for a core
        }
        call.write(encodeStep(stepBatch(e, indices, values)));
        endPoll = busyPoll(options.busyPollUs);
      } else if (msg.saveState) {
        const e = requireEnv(env);
        const state = (bytes: Uint8Array): SessionResponse => ({ state: Buffer.from(bytes) });
        if (e instanceof ThreadedVecEnv) answerLater(e.saveState().then(state));
        else call.write(state(saveVecEnvState(e)));
      } else if (msg.restoreState) {
        const e = requireEnv(env);
        if (e instanceof ThreadedVecEnv) answerLater(e.restoreState(msg.restoreState.state).then(() => ({ restored: {} })));
        else {
          restoreVecEnvState(e, msg.restoreState.state);
          call.write({ restored: {} });
        }
      } else {
        throw new InvalidArgumentError('kind', 'each message must set one of create, reset, step, save_state or restore_state');
      }
    }
    await answered; // the client has sent its last request: answer it before the stream ends
    if (failed.signal.aborted) throw failed.signal.reason;
  } finally {
    endPoll();
    env?.close();
    budget.release(held.envs, held.threads);
    logger.debug({ sessionId }, 'session closed');
  }
}

/**
 * Steps the listed envs (all when none are listed), turning "reset first" and "closed"
 * (EnvStateError) into FAILED_PRECONDITION.
 */
function stepBatch(e: VecEnv, indices: number[], actions: Float32Array): VecStepResult;
function stepBatch(e: ThreadedVecEnv, indices: number[], actions: Float32Array): Promise<VecStepResult>;
function stepBatch(e: VecEnv | ThreadedVecEnv, indices: number[], actions: Float32Array): VecStepResult | Promise<VecStepResult> {
  try {
    return indices.length > 0 ? e.stepEnvs(indices, actions) : e.step(actions);
  } catch (err) {
    if ((err as Error).name === 'EnvStateError') throw new FailedPreconditionError('step', (err as Error).message);
    throw err;
  }
}

// Step answers are written as protobuf bytes directly (service-kit passes a Buffer through): the
// generic path would copy every array into a plain object and back, on every step.
function encodeStep(r: VecStepResult): SessionResponse {
  return preEncoded<SessionResponse>(encodeStepResponse(r));
}

function requireEnv<E extends VecEnv | ThreadedVecEnv>(env: E | undefined): E {
  if (!env) throw new FailedPreconditionError('create', 'send create before reset or step');
  return env;
}
