// The CLI's view of an orchestrator: typed promise wrappers around its RPCs.
import type * as grpc from '@grpc/grpc-js';
import { protos } from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';
import { plainUnreachable } from './errors';
import type { Experiment__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/Experiment';
import type { ExperimentEvent__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/ExperimentEvent';
import type { Report__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/Report';

type Client = grpc.Client & Record<string, (...a: unknown[]) => unknown>;

/** How long `watch` waits for a restarting orchestrator (a supervised local one is back in seconds). */
export const DEFAULT_RECONNECT_MS = 120_000;
/** States of an experiment the orchestrator will still work on. */
const UNFINISHED = new Set(['pending', 'running']);
// the orchestrator went away (restart): UNAVAILABLE, a dropped connection (CANCELLED or INTERNAL
// "Connection dropped" / RST_STREAM), or a deadline while it starts
const RECONNECTABLE = new Set<number>([1, 4, 13, 14]);

export class OrchestratorClient {
  private readonly c: Client;
  constructor(readonly address: string) {
    this.c = getClient(protos().rlprune.orchestrator.v1.Orchestrator, address) as unknown as Client;
  }

  private call<T>(method: string, req: object, deadlineMs = 30_000): Promise<T> {
    return unary<object, T>((this.c[method] as (...a: unknown[]) => unknown).bind(this.c) as never, req, deadlineMs);
  }

  /** A call whose UNAVAILABLE says in plain words that nothing answers at the address. */
  private plainCall<T>(method: string, req: object, deadlineMs?: number): Promise<T> {
    return this.call<T>(method, req, deadlineMs).catch((err: unknown) => {
      throw plainUnreachable(err, this.address);
    });
  }

  submit(specYaml: string): Promise<Experiment__Output> {
    return this.plainCall('submitExperiment', { specYaml }, 60_000);
  }
  get(id: string): Promise<Experiment__Output> {
    return this.plainCall('getExperiment', { id });
  }
  list(): Promise<{ experiments: Experiment__Output[] }> {
    return this.plainCall('listExperiments', {});
  }
  cancel(id: string): Promise<Experiment__Output> {
    return this.plainCall('cancelExperiment', { id });
  }
  resume(id: string): Promise<Experiment__Output> {
    return this.plainCall('resumeExperiment', { id });
  }
  report(id: string): Promise<Report__Output> {
    return this.plainCall('getReport', { id }, 120_000);
  }
  compare(ids: string[]): Promise<Report__Output> {
    return this.plainCall('compareExperiments', { ids }, 120_000);
  }

  /**
   * Calls onEvent for each event until the experiment ends; resolves with its final state. Rides
   * out an orchestrator restart (a local supervisor brings it back in seconds and it resumes the
   * experiment): a dropped stream, or one ended while the experiment still runs, is watched again
   * once the orchestrator answers, for up to `reconnectMs` without an answer.
   */
  async watch(id: string, onEvent: (e: ExperimentEvent__Output) => void, reconnectMs = DEFAULT_RECONNECT_MS): Promise<Experiment__Output> {
    for (;;) {
      try {
        const end = await this.watchOnce(id, onEvent);
        if (!UNFINISHED.has(end.state)) return end;
      } catch (err) {
        if (!RECONNECTABLE.has((err as grpc.ServiceError).code)) throw err;
      }
      const back = await this.waitAnswer(id, reconnectMs);
      if (!UNFINISHED.has(back.state)) return back;
    }
  }

  /** The experiment, once the orchestrator answers again (UNAVAILABLE while it restarts). */
  private async waitAnswer(id: string, timeoutMs: number): Promise<Experiment__Output> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.call<Experiment__Output>('getExperiment', { id }, 2_000);
      } catch (err) {
        if (!RECONNECTABLE.has((err as grpc.ServiceError).code) || Date.now() > until) throw err;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private watchOnce(id: string, onEvent: (e: ExperimentEvent__Output) => void): Promise<Experiment__Output> {
    return new Promise((resolve, reject) => {
      const stream = this.c.watchExperiment!({ id }) as grpc.ClientReadableStream<ExperimentEvent__Output>;
      stream.on('data', onEvent);
      stream.on('error', reject);
      // the raw call: its UNAVAILABLE must stay reconnectable for watch
      stream.on('end', () => this.call<Experiment__Output>('getExperiment', { id }).then(resolve, reject));
    });
  }
}
