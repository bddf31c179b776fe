// An orchestrator's experiments, reports and system status, as promises; watch rides out a restart.
import type * as grpc from '@grpc/grpc-js';
import {
  protos,
  type Experiment__Output,
  type ExperimentEvent__Output,
  type Report__Output,
  type ServiceStatus__Output,
} from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';

/** How long `watch` waits for a restarting orchestrator (a supervised local one is back in seconds). */
export const DEFAULT_RECONNECT_MS = 120_000;
/** Submitting validates and expands the spec (and asks the simulator for env epsilons). */
const SUBMIT_DEADLINE_MS = 60_000;
/** A report of a large experiment is written on demand. */
const REPORT_DEADLINE_MS = 120_000;
/** GetSystemStatus probes every service with its own short deadline. */
const STATUS_DEADLINE_MS = 10_000;
/** States of an experiment the orchestrator will still work on. */
const UNFINISHED = new Set(['pending', 'running']);
// the orchestrator went away (restart): UNAVAILABLE, a dropped connection (CANCELLED or INTERNAL
// "Connection dropped" / RST_STREAM), or a deadline while it starts
const RECONNECTABLE = new Set<number>([1, 4, 13, 14]);

export interface OrchestratorClientOptions {
  /**
   * Turns a failed call's error into the one its caller shows (the CLI: an unreachable orchestrator
   * in plain words). Not applied inside watch, whose reconnects need the raw status.
   */
  explainError?(err: unknown, address: string): unknown;
}

export class OrchestratorClient {
  constructor(
    readonly address: string,
    private readonly options: OrchestratorClientOptions = {},
  ) {}

  private client() {
    return getClient(protos().rlprune.orchestrator.v1.Orchestrator, this.address);
  }

  private explained<T>(call: Promise<T>): Promise<T> {
    const explain = this.options.explainError;
    return explain
      ? call.catch((err: unknown) => {
          throw explain(err, this.address);
        })
      : call;
  }

  /** Submits a spec; `name` overrides the spec's name (empty: the spec's). */
  submit(specYaml: string, name = ''): Promise<Experiment__Output> {
    const c = this.client();
    return this.explained(unary(c.submitExperiment.bind(c), { specYaml, name }, SUBMIT_DEADLINE_MS));
  }
  get(id: string): Promise<Experiment__Output> {
    return this.explained(this.fetch(id));
  }
  /** Every experiment the orchestrator's ledger holds. */
  async list(): Promise<Experiment__Output[]> {
    const c = this.client();
    return (await this.explained(unary(c.listExperiments.bind(c), {}))).experiments;
  }
  cancel(id: string): Promise<Experiment__Output> {
    const c = this.client();
    return this.explained(unary(c.cancelExperiment.bind(c), { id }));
  }
  resume(id: string): Promise<Experiment__Output> {
    const c = this.client();
    return this.explained(unary(c.resumeExperiment.bind(c), { id }));
  }
  report(id: string): Promise<Report__Output> {
    const c = this.client();
    return this.explained(unary(c.getReport.bind(c), { id }, REPORT_DEADLINE_MS));
  }
  compare(ids: string[]): Promise<Report__Output> {
    const c = this.client();
    return this.explained(unary(c.compareExperiments.bind(c), { ids }, REPORT_DEADLINE_MS));
  }
  /** Health, address and version of every service the orchestrator knows, itself included. */
  async systemStatus(): Promise<ServiceStatus__Output[]> {
    const c = this.client();
    return (await this.explained(unary(c.getSystemStatus.bind(c), {}, STATUS_DEADLINE_MS))).services;
  }

  /** GetExperiment with its raw status on failure. */
  private fetch(id: string, deadlineMs?: number): Promise<Experiment__Output> {
    const c = this.client();
    return unary(c.getExperiment.bind(c), { id }, deadlineMs);
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
        return await this.fetch(id, 2_000);
      } catch (err) {
        if (!RECONNECTABLE.has((err as grpc.ServiceError).code) || Date.now() > until) throw err;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private watchOnce(id: string, onEvent: (e: ExperimentEvent__Output) => void): Promise<Experiment__Output> {
    return new Promise((resolve, reject) => {
      const stream = this.client().watchExperiment({ id });
      stream.on('data', onEvent);
      stream.on('error', reject);
      stream.on('end', () => this.fetch(id).then(resolve, reject));
    });
  }
}
