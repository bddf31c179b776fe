// Session: one bidi stream owns one VecEnv. The first message creates it; resets and steps follow.
// The envs are freed when the stream ends for any reason (close, cancel, error, disconnect).
import crypto from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { createVecEnv, getEnvSpec, restoreVecEnvState, saveVecEnvState, type VecEnv, type VecStepResult } from '@rlprune/envs';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import type { SessionRequest__Output } from '@rlprune/proto/src/generated/rlprune/simulator/v1/SessionRequest';
import type { SessionResponse } from '@rlprune/proto/src/generated/rlprune/simulator/v1/SessionResponse';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  messages,
  requirePositiveInt,
  requireString,
  ResourceExhaustedError,
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

export async function runSession(
  call: grpc.ServerDuplexStream<SessionRequest__Output, SessionResponse>,
  budget: EnvBudget,
  logger: Logger,
): Promise<void> {
  let env: VecEnv | undefined;
  let held = 0;
  const sessionId = crypto.randomBytes(6).toString('hex');
  try {
    for await (const msg of messages(call)) {
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
        const { values } = decodeTensor(msg.step.actions, 'step.actions', [e.numEnvs, e.spec.actDim]);
        let r;
        try {
          r = e.step(values);
        } catch (err) {
          if ((err as Error).name === 'EnvStateError') throw new FailedPreconditionError((err as Error).message, 'step');
          throw err;
        }
        // written as protobuf bytes directly (service-kit passes a Buffer through): the generic
        // path would copy every array into a plain object and back, on every step
        call.write(encodeStepResponse(r) as unknown as SessionResponse);
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
    env?.close();
    budget.release(held);
    logger.debug({ sessionId }, 'session closed');
  }
}

function requireEnv(env: VecEnv | undefined): VecEnv {
  if (!env) throw new FailedPreconditionError('send create before reset or step', 'create');
  return env;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LEN = 2; // protobuf wire type of length-delimited fields

function varintSize(v: number): number {
  let n = 1;
  for (; v >= 0x80; n++) v = Math.floor(v / 128);
  return n;
}

function tensorSize(byteLength: number, rows: number, cols: number): number {
  const shapeLen = varintSize(rows) + varintSize(cols);
  return 1 + varintSize(byteLength) + byteLength + 1 + varintSize(shapeLen) + shapeLen;
}

function fieldSize(payload: number): number {
  return 1 + varintSize(payload) + payload;
}

/**
 * Protobuf writer over one buffer of known size. Methods, not closures made per message: tsx's
 * keep-names helper would wrap every closure on every call, which showed in the profile.
 */
class StepWriter {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(v: number): void {
    for (; v >= 0x80; v = Math.floor(v / 128)) this.buf[this.pos++] = (v & 0x7f) | 0x80;
    this.buf[this.pos++] = v;
  }

  tag(field: number): void {
    this.buf[this.pos++] = (field << 3) | LEN;
  }

  floats(values: Float32Array): void {
    if (LITTLE_ENDIAN) this.buf.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), this.pos);
    else for (let i = 0; i < values.length; i++) this.buf.writeFloatLE(values[i]!, this.pos + 4 * i);
    this.pos += values.byteLength;
  }

  /** Tensor { 1: data, 2: packed shape [rows, cols] } as field `field`. */
  tensor(field: number, values: Float32Array, rows: number, cols: number): void {
    this.tag(field);
    this.varint(tensorSize(values.byteLength, rows, cols));
    this.tag(1);
    this.varint(values.byteLength);
    this.floats(values);
    this.tag(2);
    this.varint(varintSize(rows) + varintSize(cols));
    this.varint(rows);
    this.varint(cols);
  }

  packedFloats(field: number, values: Float32Array): void {
    this.tag(field);
    this.varint(values.byteLength);
    this.floats(values);
  }

  /** Packed bools from 0/1 flags. */
  packedFlags(field: number, values: Uint8Array): void {
    this.tag(field);
    this.varint(values.length);
    for (let i = 0; i < values.length; i++) this.buf[this.pos++] = values[i] === 1 ? 1 : 0;
  }
}

/**
 * SessionResponse{step: StepResult} as protobuf bytes, byte for byte what protobufjs writes for the
 * object the generic path would build (packed repeated fields, fields in number order). Most steps
 * end no episode: then final_observations, episode_returns and episode_lengths are left out, which
 * the proto allows and the client fills in with zeros.
 */
function encodeStepResponse(r: VecStepResult): Buffer {
  const n = r.rewards.length; // >= 1: a session has at least one env
  const obsDim = r.obs.length / n;
  const anyEnded = r.terminated.includes(1) || r.truncated.includes(1);
  let lengthsLen = 0;
  if (anyEnded) for (let i = 0; i < n; i++) lengthsLen += varintSize(r.episodeLengths[i]!);
  const stepLen =
    fieldSize(tensorSize(r.obs.byteLength, n, obsDim)) +
    fieldSize(4 * n) +
    2 * fieldSize(n) +
    (anyEnded ? fieldSize(tensorSize(r.finalObs.byteLength, n, obsDim)) + fieldSize(4 * n) + fieldSize(lengthsLen) : 0);
  const w = new StepWriter(Buffer.allocUnsafe(fieldSize(stepLen)));
  w.tag(3); // SessionResponse.step
  w.varint(stepLen);
  w.tensor(1, r.obs, n, obsDim);
  w.packedFloats(2, r.rewards);
  w.packedFlags(3, r.terminated);
  w.packedFlags(4, r.truncated);
  if (anyEnded) {
    w.tensor(5, r.finalObs, n, obsDim);
    w.packedFloats(6, r.episodeReturns);
    w.tag(7);
    w.varint(lengthsLen);
    for (let i = 0; i < n; i++) w.varint(r.episodeLengths[i]!);
  }
  if (w.pos !== w.buf.length) throw new Error(`step response encoder wrote ${w.pos} of ${w.buf.length} bytes`);
  return w.buf;
}
