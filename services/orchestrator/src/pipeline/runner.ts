// Runs an experiment's stage DAG: stages whose inputs are done start, up to a concurrency limit per
// stage kind; results are cached by (kind, parameters, input artifact ids, service version); stages
// that fail with a transient status are retried with capped backoff for a time budget (longer than a
// worker restart, fresh on every run so a resume is not born with its retries spent), a request's
// own errors never; cancel stops running stages. Every
// state change goes to the ledger first, so a crash at any point resumes from the ledger alone.
import { EventEmitter } from 'node:events';
import { withSpan } from '@rlprune/telemetry';
import type { Ledger, StageRow } from '../ledger/ledger';
import { LedgerStageCheckpoints } from '../ledger/stage-checkpoints';
import { shortHash } from './canonical';
import type { StageContext, StageExecutors, StageOutcome } from './executors';
import { decodeStageResult } from './stage-results';
import type { StageInputs, StageKind, StageParams } from './stage-types';

export interface RunnerOptions {
  /** Stages of one kind running at once. */
  concurrency: Record<StageKind, number>;
  /**
   * How long a stage keeps retrying a service that is away (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED
   * by the peer), counted from its first failure in this run of the experiment, so a resume starts a
   * fresh budget. Longer than a worker's restart (a supervised trainer is back in ~7 s, a pod in
   * tens of seconds).
   */
  retryBudgetMs: number;
  /**
   * Attempts for a stage failing INTERNAL or UNKNOWN: a bug answers the same every time, but a
   * process dying mid-call can surface as either, so they get a few tries within the budget.
   */
  maxAttempts: number;
  /** First retry delay; doubles each attempt up to maxBackoffMs. */
  backoffMs: number;
  /** Longest delay between two attempts, so a worker back after a restart is found soon. */
  maxBackoffMs: number;
  /** Part of every cache key, so a new service version recomputes. */
  version: string;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  concurrency: { train: 1, prune: 2, prepare: 1, evaluate: 2, certify: 2 },
  retryBudgetMs: 120_000,
  maxAttempts: 4,
  backoffMs: 1_000,
  maxBackoffMs: 5_000,
  version: '0.1.0',
};

export interface StageEvent {
  experimentId: string;
  stageId: string;
  kind: string;
  label: string;
  state: string;
  fraction: number;
  message: string;
}

// gRPC codes of a service that went away or hiccuped: retried for the whole time budget.
const TRANSIENT = new Set([1 /* CANCELLED by the peer */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
// Codes that are usually a bug (deterministic) but can be a process dying mid-call: a few attempts.
const MAYBE_TRANSIENT = new Set([2 /* UNKNOWN */, 13 /* INTERNAL */]);
// Everything else (INVALID_ARGUMENT, FAILED_PRECONDITION, NOT_FOUND, PERMISSION_DENIED, ...) is the
// request's fault, the same on every attempt: never retried.

function codeOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

function errorText(err: unknown): string {
  const e = err as { details?: string; message?: string };
  return e.details || e.message || String(err);
}

/** The artifact ids a stage consumes, which (with its parameters) determine its result. */
function inputIds(stage: StageRow, byId: Map<string, StageRow>): Record<string, unknown> {
  const ids: Record<string, unknown> = {};
  for (const [role, dep] of Object.entries(stage.deps)) {
    const r = byId.get(dep)!.result ?? {};
    ids[role] = { policy: r.policy, prepared: r.prepared, states: r.states };
  }
  return ids;
}

/** Runs the executor of the context's kind (the one place the kinds of context and executor are matched). */
function execute<K extends StageKind>(execs: StageExecutors, ctx: StageContext<K>): Promise<StageOutcome<K>> {
  return execs[ctx.kind](ctx);
}

/**
 * The results of a stage's dependencies by role, each decoded as its stage kind's result: a stored
 * result with a missing or renamed field fails the stage here, naming the input stage and the field.
 */
function stageInputs(stage: StageRow, byId: Map<string, StageRow>): StageInputs {
  const inputs: Record<string, unknown> = {};
  for (const [role, id] of Object.entries(stage.deps)) {
    const dep = byId.get(id)!;
    inputs[role] = decodeStageResult(dep.kind as StageKind, dep.result, `${dep.id} (${dep.label})`);
  }
  return inputs as StageInputs;
}

export class ExperimentRunner extends EventEmitter {
  private readonly controllers = new Map<string, AbortController>();

  constructor(
    private readonly ledger: Ledger,
    private readonly execs: StageExecutors,
    private readonly opts: RunnerOptions = DEFAULT_RUNNER_OPTIONS,
  ) {
    super();
  }

  isRunning(experimentId: string): boolean {
    return this.controllers.has(experimentId);
  }

  cancel(experimentId: string): void {
    this.controllers.get(experimentId)?.abort();
  }

  private emitStage(experimentId: string, s: StageRow, state: string, fraction: number, message = ''): void {
    const ev: StageEvent = { experimentId, stageId: s.id, kind: s.kind, label: s.label, state, fraction, message };
    this.emit('stage', ev);
  }

  /** Runs every unfinished stage; resolves with the stages' final outcome. */
  async run(experimentId: string): Promise<'succeeded' | 'failed' | 'cancelled'> {
    if (this.controllers.has(experimentId)) throw new Error(`experiment ${experimentId} is already running`);
    const controller = new AbortController();
    this.controllers.set(experimentId, controller);
    try {
      this.ledger.resetInterrupted(experimentId);
      this.ledger.setExperimentState(experimentId, 'running');
      const running = new Map<string, Promise<void>>();
      const active: Record<string, number> = {};
      for (;;) {
        const stages = this.ledger.stages(experimentId);
        const byId = new Map(stages.map((s) => [s.id, s]));
        if (controller.signal.aborted) {
          await Promise.allSettled(running.values());
          return 'cancelled';
        }
        const ready = stages.filter(
          (s) => s.state === 'pending' && !running.has(s.id) && Object.values(s.deps).every((d) => byId.get(d)!.state === 'succeeded'),
        );
        for (const s of ready) {
          if ((active[s.kind] ?? 0) >= this.opts.concurrency[s.kind as StageKind]) continue;
          active[s.kind] = (active[s.kind] ?? 0) + 1;
          const p = this.runStage(experimentId, s, byId, controller.signal).finally(() => {
            active[s.kind]!--;
            running.delete(s.id);
          });
          running.set(s.id, p);
        }
        if (running.size === 0) {
          return stages.every((s) => s.state === 'succeeded') ? 'succeeded' : 'failed';
        }
        await Promise.race(running.values());
      }
    } finally {
      this.controllers.delete(experimentId);
    }
  }

  private async runStage(experimentId: string, stage: StageRow, byId: Map<string, StageRow>, signal: AbortSignal): Promise<void> {
    const inputs = stageInputs(stage, byId);
    const cacheKey = shortHash({ kind: stage.kind, params: stage.params, inputs: inputIds(stage, byId), version: this.opts.version }, 32);
    const hit = this.ledger.cacheGet(cacheKey);
    if (hit) {
      this.ledger.finishStage(experimentId, stage.id, hit, true);
      this.emitStage(experimentId, stage, 'cached', 1);
      return;
    }
    // attempts and the time budget of this run (the ledger's attempt count spans every run)
    let runAttempts = 0;
    let maybeBugs = 0;
    let firstFailure: number | null = null;
    for (;;) {
      const attempt = this.ledger.startAttempt(experimentId, stage.id);
      runAttempts++;
      this.emitStage(experimentId, stage, 'running', 0, `attempt ${attempt}`);
      let outcome: StageOutcome;
      try {
        const attributes = {
          'rlprune.experiment': experimentId,
          'rlprune.stage': stage.id,
          'rlprune.stage.label': stage.label,
          'rlprune.attempt': attempt,
          ...(stage.params.env ? { 'rlprune.env': String(stage.params.env) } : {}),
          ...(stage.params.seed !== undefined ? { 'rlprune.seed': Number(stage.params.seed) } : {}),
          'rlprune.grid_points': this.ledger.pointsOfStage(experimentId, stage.id).join(','),
        };
        outcome = await withSpan(`stage.${stage.kind}`, attributes, () =>
          execute(this.execs, {
            kind: stage.kind as StageKind,
            // written by grid.ts for this kind (stage-types.ts StageParams)
            params: stage.params as StageParams[StageKind],
            inputs,
            signal,
            onProgress: (fraction, message) => this.emitStage(experimentId, stage, 'running', fraction, message),
            checkpoints: new LedgerStageCheckpoints(this.ledger, experimentId, stage.id, cacheKey),
          }),
        );
      } catch (err) {
        if (signal.aborted) {
          this.ledger.failStage(experimentId, stage.id, 'cancelled', 'cancelled');
          this.emitStage(experimentId, stage, 'cancelled', 0);
          return;
        }
        const text = errorText(err);
        const code = codeOf(err);
        firstFailure ??= Date.now();
        if (code !== undefined && MAYBE_TRANSIENT.has(code)) maybeBugs++;
        const delay = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (runAttempts - 1));
        const withinBudget = Date.now() + delay - firstFailure <= this.opts.retryBudgetMs;
        const retry =
          withinBudget && code !== undefined && (TRANSIENT.has(code) || (MAYBE_TRANSIENT.has(code) && maybeBugs < this.opts.maxAttempts));
        if (retry) {
          this.ledger.retryStage(experimentId, stage.id, text);
          this.emitStage(experimentId, stage, 'pending', 0, `retrying after: ${text}`);
          await new Promise((r) => setTimeout(r, delay));
          if (signal.aborted) {
            this.ledger.failStage(experimentId, stage.id, 'cancelled', 'cancelled');
            return;
          }
          continue;
        }
        this.ledger.failStage(experimentId, stage.id, text);
        this.emitStage(experimentId, stage, 'failed', 0, text);
        return;
      }
      const stored: Record<string, unknown> = { ...outcome.result };
      this.ledger.finishStage(experimentId, stage.id, stored, false, outcome.metrics);
      this.ledger.cachePut(cacheKey, stored);
      this.emitStage(experimentId, stage, 'succeeded', 1);
      return;
    }
  }
}
