// A VecEnv whose envs step on worker threads, each thread owning a contiguous share of them in its
// own MuJoCo module. With one thread, physics leaves the thread that handles I/O (a simulator
// Session handles one group's messages while another group steps); with more, a batch uses more
// than one core. Env i is seeded as in createVecEnv, so threaded and unthreaded envs given the same
// actions produce the same results, bit for bit. Every request is checked on the calling thread
// before anything is sent, so rejected input leaves every env as it was; requests are answered in
// the order they were made, and several may be in flight.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EnvSpec } from './env-spec';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { resolveEnvOptions } from './mujoco-env';
import { getTask } from './registry';
import { checkActionRows, checkEnvIndices } from './vec-env-checks';
import { joinVecEnvStates, splitVecEnvState } from './vec-env-state';
import { checkNumEnvs, emptyStepResult, type VecEnvOptions, type VecStepResult } from './vec-env';
import type { WorkerHello, WorkerReply, WorkerRequestBody, WorkerSetup } from './vec-env-worker-protocol';

export interface ThreadedVecEnvOptions extends VecEnvOptions {
  /** Worker threads to split the envs over, at most numEnvs. Each loads its own MuJoCo module (~0.3 s here, tens of MB). */
  threads: number;
}

// tsx compiles the worker's TypeScript; it must be registered inside the worker, which does not
// inherit the parent's loader hooks.
// tsx only for a TypeScript entry: the images run this file compiled to JavaScript, worker included
const BOOT = "const { workerData } = require('node:worker_threads'); if (workerData.entry.endsWith('.ts')) require(workerData.tsx).register(); require(workerData.entry);";

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(err: Error): void;
}

/** One worker thread and the requests it has not answered yet (it answers in order). */
class PhysicsThread {
  readonly pending = new Map<number, Pending>();
  private nextId = 0;
  constructor(
    readonly worker: Worker,
    readonly first: number,
    readonly count: number,
  ) {}

  request(req: WorkerRequestBody, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }
}

export class ThreadedVecEnv {
  readonly spec: EnvSpec;
  readonly numEnvs: number;
  private readonly threads: PhysicsThread[];
  private readonly owner: Uint16Array;
  private readonly stateSize: number;
  private started = false;
  private closed = false;
  private failure: Error | null = null;

  /** Prefer createThreadedVecEnv. */
  constructor(spec: EnvSpec, numEnvs: number, threads: PhysicsThread[], stateSize: number) {
    this.spec = spec;
    this.numEnvs = numEnvs;
    this.threads = threads;
    this.stateSize = stateSize;
    this.owner = new Uint16Array(numEnvs);
    threads.forEach((t, k) => this.owner.fill(k, t.first, t.first + t.count));
    for (const t of threads) {
      t.worker.on('message', (reply: WorkerReply) => this.settle(t, reply));
      t.worker.on('error', (err) => this.fail(new Error(`a physics thread of ${spec.id} failed: ${err.message}`)));
      t.worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a physics thread of ${spec.id} exited (code ${code})`));
      });
    }
  }

  get threadCount(): number {
    return this.threads.length;
  }

  /** Resets every env and returns the batch of first observations, [numEnvs * obsDim]. */
  async reset(): Promise<Float32Array> {
    this.checkUsable();
    this.started = true;
    const parts = await Promise.all(this.threads.map((t) => t.request({ op: 'reset' })));
    const obs = new Float32Array(this.numEnvs * this.spec.obsDim);
    parts.forEach((p, k) => obs.set((p as { obs: Float32Array }).obs, this.threads[k]!.first * this.spec.obsDim));
    return obs;
  }

  /** As VecEnv.step. */
  step(actions: Float32Array | Float64Array | ArrayLike<number>): Promise<VecStepResult> {
    this.checkStarted();
    checkActionRows(actions, this.numEnvs, this.spec.actDim, 'numEnvs');
    const rows = this.threads.map((t) => Array.from({ length: t.count }, (_, r) => t.first + r));
    return this.dispatch(rows, rows, actions, false);
  }

  /** As VecEnv.stepEnvs: only the listed envs, one result row per listed env. */
  stepEnvs(envIndices: ArrayLike<number>, actions: Float32Array | Float64Array | ArrayLike<number>): Promise<VecStepResult> {
    this.checkStarted();
    checkEnvIndices(envIndices, this.numEnvs);
    checkActionRows(actions, envIndices.length, this.spec.actDim, 'listed envs', envIndices);
    const positions: number[][] = this.threads.map(() => []);
    const envs: number[][] = this.threads.map(() => []);
    for (let r = 0; r < envIndices.length; r++) {
      const k = this.owner[envIndices[r]!]!;
      positions[k]!.push(r);
      envs[k]!.push(envIndices[r]!);
    }
    return this.dispatch(positions, envs, actions, true);
  }

  /** The envs' complete state, in saveVecEnvState's format (restorable into an unthreaded VecEnv too). */
  async saveState(): Promise<Uint8Array> {
    this.checkUsable();
    const parts = await Promise.all(this.threads.map((t) => t.request({ op: 'save' })));
    return joinVecEnvStates(parts.map((p) => (p as { state: Uint8Array }).state));
  }

  /** As restoreVecEnvState; a state of other envs is rejected before anything changes. */
  async restoreState(state: Uint8Array): Promise<void> {
    this.checkUsable();
    const parts = splitVecEnvState(state, this.spec.id, this.threads.map((t) => t.count), this.stateSize);
    this.started = new Float64Array(new Uint8Array(state.subarray(0, 32)).buffer)[3] === 1;
    await Promise.all(this.threads.map((t, k) => t.request({ op: 'restore', state: parts[k]! }, [parts[k]!.buffer as ArrayBuffer])));
  }

  /** Stops the threads, which frees their envs. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.threads) {
      for (const p of t.pending.values()) p.reject(new EnvStateError(`${this.spec.id}: the vec env was closed`));
      t.pending.clear();
      void t.worker.terminate();
    }
  }

  /** positions[k][j]: the result row of thread k's j-th env, envs[k][j] (a global env index). */
  private async dispatch(positions: number[][], envs: number[][], actions: ArrayLike<number>, listed: boolean): Promise<VecStepResult> {
    const { obsDim, actDim } = this.spec;
    const asks = this.threads.map((t, k) => {
      const mine = envs[k]!;
      if (mine.length === 0) return null;
      const rows = new Float64Array(mine.length * actDim);
      positions[k]!.forEach((r, j) => {
        for (let c = 0; c < actDim; c++) rows[j * actDim + c] = actions[r * actDim + c]!;
      });
      const indices = listed ? Int32Array.from(mine, (i) => i - t.first) : null;
      return t.request({ op: 'step', indices, actions: rows }, [rows.buffer]);
    });
    const n = positions.reduce((s, p) => s + p.length, 0);
    const out = emptyStepResult(n, obsDim);
    const replies = await Promise.all(asks);
    replies.forEach((reply, k) => {
      if (!reply) return;
      const part = (reply as { result: VecStepResult }).result;
      positions[k]!.forEach((r, j) => {
        out.obs.set(part.obs.subarray(j * obsDim, (j + 1) * obsDim), r * obsDim);
        out.finalObs.set(part.finalObs.subarray(j * obsDim, (j + 1) * obsDim), r * obsDim);
        out.rewards[r] = part.rewards[j]!;
        out.terminated[r] = part.terminated[j]!;
        out.truncated[r] = part.truncated[j]!;
        out.episodeReturns[r] = part.episodeReturns[j]!;
        out.episodeLengths[r] = part.episodeLengths[j]!;
      });
    });
    return out;
  }

  private settle(t: PhysicsThread, reply: WorkerReply): void {
    const p = t.pending.get(reply.id);
    if (!p) return;
    t.pending.delete(reply.id);
    if ('error' in reply) p.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    else p.resolve(reply);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const t of this.threads) {
      for (const p of t.pending.values()) p.reject(err);
      t.pending.clear();
    }
  }

  private checkUsable(): void {
    if (this.closed) throw new EnvStateError(`${this.spec.id}: the vec env is closed`);
    if (this.failure) throw this.failure;
  }

  private checkStarted(): void {
    this.checkUsable();
    if (!this.started) throw new EnvStateError(`${this.spec.id}: call reset() before step()`);
  }
}

/** Starts `threads` worker threads holding numEnvs copies of an env id between them, seeded as createVecEnv's. */
export async function createThreadedVecEnv(envId: string, options: ThreadedVecEnvOptions): Promise<ThreadedVecEnv> {
  const task = getTask(envId);
  const resolved = resolveEnvOptions(task, options);
  const { numEnvs, threads } = options;
  checkNumEnvs(numEnvs);
  if (!Number.isSafeInteger(threads) || threads < 1 || threads > numEnvs) {
    throw new InvalidArgumentError('threads', `an integer in [1, numEnvs = ${numEnvs}]`, show(threads));
  }
  const started: { thread: PhysicsThread; hello: Promise<WorkerHello> }[] = [];
  for (let k = 0, first = 0; k < threads; k++) {
    const count = Math.floor(numEnvs / threads) + (k < numEnvs % threads ? 1 : 0);
    const setup: WorkerSetup = {
      tsx: require.resolve('tsx/cjs/api'),
      entry: path.join(__dirname, `vec-env-worker${path.extname(__filename)}`),
      envId,
      options: { numEnvs, seed: resolved.seed, resetNoise: resolved.resetNoise, maxEpisodeSteps: resolved.maxEpisodeSteps },
      first,
      count,
    };
    const worker = new Worker(BOOT, { eval: true, workerData: setup });
    const hello = new Promise<WorkerHello>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`a physics thread of ${envId} exited during start-up (code ${code})`));
      const settle = (f: () => void) => {
        // only this start-up's listeners: Worker keeps internal ones that deliver its messages
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        f();
      };
      const onMessage = (m: WorkerHello) => settle(() => resolve(m));
      const onError = (e: Error) => settle(() => reject(e));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    started.push({ thread: new PhysicsThread(worker, first, count), hello });
    first += count;
  }
  const hellos = await Promise.allSettled(started.map((s) => s.hello));
  const bad = hellos.find((h) => h.status === 'rejected' || !h.value.ready);
  if (bad) {
    for (const s of started) void s.thread.worker.terminate();
    if (bad.status === 'rejected') throw bad.reason;
    const error = (bad.value as { error: { name: string; message: string } }).error;
    throw Object.assign(new Error(error.message), { name: error.name });
  }
  const stateSize = (hellos[0] as PromiseFulfilledResult<{ ready: true; stateSize: number }>).value.stateSize;
  return new ThreadedVecEnv({ ...task.spec, maxEpisodeSteps: resolved.maxEpisodeSteps }, numEnvs, started.map((s) => s.thread), stateSize);
}
