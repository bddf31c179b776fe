// Session: one bidi stream owns one VecEnv. The first message creates it; resets and steps follow.
// The envs are freed when the stream ends for any reason (close, cancel, error, disconnect).
import crypto from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { createVecEnv, getEnvSpec, restoreVecEnvState, saveVecEnvState, type VecEnv } from '@rlprune/envs';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import { encodeStepResponse } from '@rlprune/sim-client';
import type { SessionRequest__Output } from '@rlprune/proto/src/generated/rlprune/simulator/v1/SessionRequest';
import type { SessionResponse } from '@rlprune/proto/src/generated/rlprune/simulator/v1/SessionResponse';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  messages,
  requirePositiveInt,
  requireString,
  ResourceExhaustedError,
  busyPoll,
  type Logger,
} from '@rlprune/service-kit';
import { toWireEnvSpec } from './env-spec';

export interface SessionLimits {
  /** Most envs one session may create. */
  maxEnvsPerSession: number;
  /** Most envs all open sessions together may hold. */
  maxEnvsTotal: number;
}

/** Counts envs held by open sessions, so the process cap is enforced across streams. */
export class EnvBudget {
  private used = 0;
  constructor(readonly limits: SessionLimits) {}

  acquire(n: number): void {
    if (n > this.limits.maxEnvsPerSession) {
      throw new ResourceExhaustedError(`asks for ${n} envs; this simulator allows at most ${this.limits.maxEnvsPerSession} per session (SIM_MAX_ENVS_PER_SESSION)`, 'num_envs');
    }
    if (this.used + n > this.limits.maxEnvsTotal) {
      throw new ResourceExhaustedError(
        `asks for ${n} envs but only ${this.limits.maxEnvsTotal - this.used} of ${this.limits.maxEnvsTotal} are free (SIM_MAX_ENVS); retry later or use another replica`,
        'num_envs',
      );
    }
    this.used += n;
  }

  release(n: number): void {
    this.used -= n;
  }

  get inUse(): number {
    return this.used;
  }
}

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
  let env: VecEnv | undefined;
  let held = 0;
  const sessionId = crypto.randomBytes(6).toString('hex');
  let endPoll = () => {};
  try {
    for await (const msg of messages(call)) {
      endPoll();
      if (msg.create) {
        if (env) throw new FailedPreconditionError('the session already has envs; open a new stream for another session', 'create');
        const envId = requireString(msg.create.envId, 'create.env_id');
        getEnvSpec(envId); // NOT_FOUND listing the known ids, before any budget is taken
        const numEnvs = requirePositiveInt(msg.create.numEnvs, 'create.num_envs');
        budget.acquire(numEnvs);
        held = numEnvs;
        env = await createVecEnv(envId, { numEnvs, seed: msg.create.seed, resetNoise: !msg.create.disableResetNoise });
        logger.debug({ sessionId, envId, numEnvs }, 'session created');
        call.write({ created: { sessionId, env: toWireEnvSpec(env.spec) } });
      } else if (msg.reset) {
        const e = requireEnv(env);
        call.write({ observations: encodeTensor(e.reset(), [e.numEnvs, e.spec.obsDim]) });
      } else if (msg.step) {
        const e = requireEnv(env);
        const indices = msg.step.envIndices ?? [];
        const rows = indices.length > 0 ? indices.length : e.numEnvs;
        const { values } = decodeTensor(msg.step.actions, 'step.actions', [rows, e.spec.actDim]);
        let r;
        try {
          r = indices.length > 0 ? e.stepEnvs(indices, values) : e.step(values);
        } catch (err) {
          if ((err as Error).name === 'EnvStateError') throw new FailedPreconditionError((err as Error).message, 'step');
          throw err;
        }
        // written as protobuf bytes directly (service-kit passes a Buffer through): the generic
        // path would copy every array into a plain object and back, on every step
        call.write(encodeStepResponse(r) as unknown as SessionResponse);
        endPoll = busyPoll(options.busyPollUs);
      } else if (msg.saveState) {
        call.write({ state: Buffer.from(saveVecEnvState(requireEnv(env))) });
      } else if (msg.restoreState) {
        restoreVecEnvState(requireEnv(env), msg.restoreState.state);
        call.write({ restored: {} });
      } else {
        throw new InvalidArgumentError('each message must set one of create, reset, step, save_state or restore_state', 'kind');
      }
    }
  } finally {
    endPoll();
    env?.close();
    budget.release(held);
    logger.debug({ sessionId }, 'session closed');
  }
}

function requireEnv(env: VecEnv | undefined): VecEnv {
  if (!env) throw new FailedPreconditionError('send create before reset or step', 'create');
  return env;
}
