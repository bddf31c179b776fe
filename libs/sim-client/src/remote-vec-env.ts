// A vectorised env whose envs live in a simulator process: every reset/step is one message on a
// Session stream, answered in order. Same shapes as libs/envs' VecEnv, but async.
import * as grpc from '@grpc/grpc-js';
import type { VecStepResult } from '@rlprune/envs';
import { decodeStepResponse, decodeTensor, encodeStepRequest, protos, typedClientConstructor, type EnvSpec__Output, type SessionRequest, type SessionResponse__Output } from '@rlprune/proto';
import { busyPoll, envInt, getClient, UnavailableError } from '@rlprune/service-kit';
import { AdaptivePoll } from './adaptive-poll';

/** One step of every remote env: the same shape as libs/envs' in-process VecStepResult. */
export type RemoteVecStep = VecStepResult;

export interface RemoteVecEnvOptions {
  /** Simulator address (host:port or a gRPC target). */
  address: string;
  envId: string;
  numEnvs: number;
  seed: number;
  disableResetNoise?: boolean;
  /**
   * Worker threads the simulator steps these envs on (CreateSession.physics_threads). Default 0:
   * its main thread, which is fastest for one step at a time; 1 pays off when steps of groups of
   * envs are in flight together (stepEnvs), as the simulator then answers one group while stepping another.
   * A session with physics threads is never busy-polled for (see busyPollUs).
   */
  physicsThreads?: number;
  /** Cancels the stream (and so frees the remote envs). */
  signal?: AbortSignal;
  /**
   * How long to keep polling for an answer instead of sleeping, in microseconds, from each request
   * (service-kit busy-poll.ts): saves a vCPU wake-up per step at the cost of spinning this process's
   * event loop while the simulator steps; used only while it measures faster (adaptive-poll.ts).
   * Default RLPRUNE_SESSION_BUSY_POLL_US or DEFAULT_CLIENT_BUSY_POLL_US; 0 never polls.
   */
  busyPollUs?: number;
}

/** Long enough to cover a 16-env step of the fast tasks (HalfCheetah: ~0.5 ms). */
export const DEFAULT_CLIENT_BUSY_POLL_US = 1000;

/**
 * RLPRUNE_SESSION_BUSY_POLL_US, or the default. Services read it at start-up (so a bad value stops
 * them with one line) and pass it as `busyPollUs`.
 */
export function sessionBusyPollUs(env: NodeJS.ProcessEnv = process.env): number {
  return envInt('RLPRUNE_SESSION_BUSY_POLL_US', DEFAULT_CLIENT_BUSY_POLL_US, env, 0);
}

type Pending = { resolve: (m: Buffer) => void; reject: (e: Error) => void };

const SESSION = protos().rlprune.simulator.v1.Simulator.service.Session;

/**
 * The Simulator service with Session carrying raw bytes: steps are encoded and decoded by hand
 * (@rlprune/proto's step-codec.ts) and every other message with the generated codec, so the hot path skips the
 * generic object conversion. Same method path, so the server sees an ordinary Session call.
 */
type RawCall = grpc.ClientDuplexStream<Buffer, Buffer>;

/** The Simulator client with only Session, on bytes. */
interface RawSessionClient extends grpc.Client {
  Session(): RawCall;
}

const RawSessionClient = typedClientConstructor<RawSessionClient>(
  {
    Session: {
      ...SESSION,
      requestSerialize: (bytes: Buffer) => bytes,
      responseDeserialize: (bytes: Buffer) => bytes,
    },
  },
  'rlprune.simulator.v1.Simulator#raw-session',
);

export class RemoteVecEnv {
  readonly numEnvs: number;
  readonly obsDim: number;
  readonly actDim: number;
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;
  /** close() half-closed the stream: the session is ending gracefully. */
  private closing = false;

  private constructor(
    private readonly call: RawCall,
    readonly spec: EnvSpec__Output,
    readonly address: string,
    numEnvs: number,
    private readonly poll: AdaptivePoll,
  ) {
    this.numEnvs = numEnvs;
    this.obsDim = spec.obsDim;
    this.actDim = spec.actDim;
  }

  static async open(opts: RemoteVecEnvOptions): Promise<RemoteVecEnv> {
    const client = getClient(RawSessionClient, opts.address);
    const call = client.Session();
    const first = new Promise<Buffer>((resolve, reject) => {
      call.once('data', resolve);
      call.once('error', reject);
    });
    call.write(encodeRequest({ create: { envId: opts.envId, numEnvs: opts.numEnvs, seed: opts.seed, disableResetNoise: !!opts.disableResetNoise, physicsThreads: opts.physicsThreads ?? 0 } }));
    let created: SessionResponse__Output;
    try {
      created = decodeResponse(await first);
    } catch (err) {
      throw describeFailure(err as grpc.ServiceError, opts.address);
    }
    // a session on physics threads needs this host's cores for them (if the simulator is local):
    // spinning here would take one (measured: 2 threads of a 16-env HalfCheetah session, 0.59x of
    // in-process speed with this client polling, 0.72x sleeping)
    const windowUs = (opts.physicsThreads ?? 0) > 0 ? 0 : (opts.busyPollUs ?? sessionBusyPollUs());
    const poll = new AdaptivePoll({ windowUs });
    const env = new RemoteVecEnv(call, created.created!.env!, opts.address, opts.numEnvs, poll);
    call.on('data', (m: Buffer) => env.pending.shift()?.resolve(m));
    call.on('error', (err: grpc.ServiceError) => env.fail(describeFailure(err, opts.address)));
    call.on('status', () => env.fail(new UnavailableError(`simulator at ${opts.address} ended the session`)));
    opts.signal?.addEventListener('abort', () => env.cancel(), { once: true });
    return env;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.splice(0)) p.reject(this.failure);
  }

  /** Sends one request (encoded, or a message to encode); resolves with the encoded answer, in request order. */
  private request(msg: Buffer | SessionRequest): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = Buffer.isBuffer(msg) ? msg : encodeRequest(msg);
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      let endPoll = () => {};
      this.pending.push({
        resolve: (m) => {
          endPoll();
          this.poll.record(performance.now() - t0);
          resolve(m);
        },
        reject: (e) => {
          endPoll();
          reject(e);
        },
      });
      this.call.write(bytes);
      endPoll = busyPoll(this.poll.windowUs());
    });
  }

  async reset(): Promise<Float32Array> {
    const m = decodeResponse(await this.request({ reset: {} }));
    return decodeTensor(m.observations, 'observations', [this.numEnvs, this.obsDim]).values;
  }

  async step(actions: Float32Array): Promise<RemoteVecStep> {
    return this.decodeStep(await this.request(encodeStepRequest(actions, this.numEnvs, this.actDim)), this.numEnvs);
  }

  /**
   * Steps only the listed envs (one row of actions each, in that order); the answer has one row per
   * listed env. Several of these may be in flight at once (answers come in request order), so a
   * caller can compute one group's next actions while another group steps.
   */
  async stepEnvs(envIndices: ArrayLike<number>, actions: Float32Array): Promise<RemoteVecStep> {
    const rows = envIndices.length;
    return this.decodeStep(await this.request(encodeStepRequest(actions, rows, this.actDim, envIndices)), rows);
  }

  private decodeStep(bytes: Buffer, rows: number): RemoteVecStep {
    const fast = decodeStepResponse(bytes, rows, this.obsDim);
    if (fast) return fast;
    // a step answer with other top-level fields too (a newer server): the generic decoder copes
    return stepFromObject(decodeResponse(bytes).step!, rows, this.obsDim);
  }

  /** The envs' complete state (see libs/envs saveVecEnvState), for exact resume. */
  async saveState(): Promise<Uint8Array> {
    const m = decodeResponse(await this.request({ saveState: {} }));
    return new Uint8Array(m.state!);
  }

  async restoreState(state: Uint8Array): Promise<void> {
    await this.request({ restoreState: { state: Buffer.from(state) } });
  }

  /**
   * Ends the session by half-closing the stream; the simulator frees its envs and ends the call. A
   * graceful end, not a cancel: Node's HTTP/2 server treats bursts of stream resets as an attack
   * ("rapid reset") and drops the whole connection.
   */
  close(): void {
    if (this.failure) return;
    this.failure = new UnavailableError('session closed');
    this.closing = true;
    this.call.end();
  }

  /**
   * Cancels the stream outright (as a crashed or aborted client would). Not after close(): that
   * session is already ending, and a cancel would turn its clean end into CANCELLED (an ERROR span
   * in the trace; a trainer's abort signal fires as its Train call ends, after it closed the session).
   */
  cancel(): void {
    if (this.closing) return;
    this.failure ??= new UnavailableError('session cancelled');
    this.call.cancel();
  }
}

function stepFromObject(s: NonNullable<SessionResponse__Output['step']>, numEnvs: number, obsDim: number): RemoteVecStep {
  return {
    obs: decodeTensor(s.observations, 'observations', [numEnvs, obsDim]).values,
    rewards: Float32Array.from(s.rewards),
    terminated: Uint8Array.from(s.terminated, Number),
    truncated: Uint8Array.from(s.truncated, Number),
    // absent when no episode ended this step
    finalObs: s.finalObservations?.shape?.length
      ? decodeTensor(s.finalObservations, 'final_observations', [numEnvs, obsDim]).values
      : new Float32Array(numEnvs * obsDim),
    episodeReturns: s.episodeReturns.length ? Float32Array.from(s.episodeReturns) : new Float32Array(numEnvs),
    episodeLengths: s.episodeLengths.length ? Uint32Array.from(s.episodeLengths) : new Uint32Array(numEnvs),
  };
}

function encodeRequest(msg: SessionRequest): Buffer {
  return SESSION.requestSerialize(msg);
}

function decodeResponse(bytes: Buffer): SessionResponse__Output {
  return SESSION.responseDeserialize(bytes);
}

/** An unreachable simulator becomes UNAVAILABLE naming the address; other statuses pass through. */
function describeFailure(err: grpc.ServiceError, address: string): Error {
  if (err.code === 14) return new UnavailableError(`simulator at ${address} is unreachable: ${err.details || err.message}`);
  return err;
}
