// The Orchestrator RPCs for experiments: submit (validate, expand, record, start), watch, get, list,
// cancel, resume and the report. Experiments run in this process; the ledger is the truth.
import { EventEmitter } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import type { Experiment, ExperimentEvent, WatchExperimentRequest__Output } from '@rlprune/proto';
import { activeTraceId, withSpan } from '@rlprune/telemetry';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError, type Logger } from '@rlprune/service-kit';
import type { Ledger, ExperimentRow } from '../ledger/ledger';
import { expandGrid } from '../pipeline/grid';
import type { ExperimentRunner, StageEvent } from '../pipeline/runner';
import type { StageClients } from '@rlprune/clients';
import { KNOWN_ENVS, parseSpec } from '../spec/experiment-spec';
import type { ReportPaths, ReportWriter } from './report';
import { processFacts, type ProcessFacts } from './report-provenance';
import { ReportThrottle } from './report-throttle';

/** Stage events after which the report has something new to show. */
const FINISHED_STAGE_STATES = new Set(['succeeded', 'cached', 'failed']);

/** The experiment as the wire carries it; traceIds are its runs' traces (Experiments.wire adds them). */
export function toWireExperiment(e: ExperimentRow, traceIds: readonly string[] = []): Experiment {
  return {
    id: e.id,
    name: e.name,
    state: e.state,
    gridPoints: e.gridPoints,
    stagesTotal: e.stagesTotal,
    stagesDone: e.stagesDone,
    stagesFailed: e.stagesFailed,
    error: e.error,
    traceIds: [...traceIds],
    stageKinds: e.stageKinds.map(({ kind, total, done, failed }) => ({ kind, total, done, failed })),
  };
}

export class Experiments {
  /** Experiment-level events ('ended' with id) for watchers. */
  readonly events = new EventEmitter();
  /** Set while the process stops: interrupted experiments stay 'running' so a restart resumes them. */
  private stopping = false;
  private readonly active = new Map<string, Promise<void>>();
  /** Rewrites a running experiment's (partial) report as its stages finish. */
  private readonly partialReports: ReportThrottle;

  constructor(
    private readonly ledger: Ledger,
    private readonly runner: ExperimentRunner,
    private readonly services: StageClients,
    private readonly reports: ReportWriter,
    private readonly logger: Logger,
    /** This orchestrator's code and runtime, recorded with what it submits and resumes (a test injects others). */
    private readonly facts: () => ProcessFacts = processFacts,
  ) {
    this.events.setMaxListeners(0);
    this.partialReports = new ReportThrottle(
      (id) => this.reports.write(id),
      (id, err) => this.logger.warn({ err, experiment: id }, 'partial report not written'),
    );
  }

  /** The experiment as the wire carries it, with the trace ids of its runs (the CLI prints them). */
  wire(e: ExperimentRow): Experiment {
    return toWireExperiment(e, this.reports.traceIds(e.id));
  }

  /** The experiment's report; an unfinished experiment's is written now from the ledger (partial). */
  report(id: string): ReportPaths {
    return this.reports.read(this.get(id).id);
  }

  /** One page with the same figures of several experiments side by side. */
  compare(ids: readonly string[]): ReportPaths {
    for (const id of ids) this.get(id);
    return this.reports.compare(ids);
  }

  get(id: string): ExperimentRow {
    if (!id) throw new InvalidArgumentError('id', 'is required');
    const e = this.ledger.getExperiment(id);
    if (!e) throw new NotFoundError('id', `no experiment ${JSON.stringify(id)} in the ledger (see ListExperiments)`);
    return e;
  }

  async submit(specYaml: string, name?: string): Promise<ExperimentRow> {
    if (!specYaml) throw new InvalidArgumentError('spec_yaml', 'is required (the spec as YAML text)');
    const spec = parseSpec(specYaml);
    const epsilons = await this.services.simulator().envEpsilons();
    for (const env of spec.envs) {
      if (!epsilons.has(env)) throw new InvalidArgumentError('envs', `${env} is not served by the simulator (known: ${[...epsilons.keys()].join(', ') || KNOWN_ENVS.join(', ')})`);
    }
    for (const a of spec.attacks) this.services.attackerAddress(a.name);
    const grid = expandGrid(spec, (env) => epsilons.get(env)!);
    const id = this.ledger.createExperiment(name || spec.name, specYaml, spec, grid, this.facts());
    this.start(id);
    return this.ledger.getExperiment(id)!;
  }

  /** Runs (or continues) an experiment in the background. */
  start(id: string): void {
    if (this.active.has(id)) return;
    const e = this.get(id);
    // a resume (or restart) on other code: its later stages run on this orchestrator's facts
    if (this.ledger.recordResumeFacts(id, this.facts())) this.logger.info({ experiment: id }, "recorded this orchestrator's code as running the rest of the experiment");
    const onStage = (ev: StageEvent) => {
      if (ev.experimentId === id && FINISHED_STAGE_STATES.has(ev.state)) this.partialReports.stageFinished(id);
    };
    this.runner.on('stage', onStage);
    const run = withSpan('experiment', { 'rlprune.experiment': id, 'rlprune.name': e.name }, async () => {
      const traceId = activeTraceId();
      if (traceId) this.reports.recordTrace(id, traceId);
      const outcome = await this.runner.run(id);
      this.runner.off('stage', onStage);
      this.partialReports.stop(id);
      if (this.stopping) return;
      if (outcome === 'succeeded') {
        await withSpan('stage.analyse', { 'rlprune.experiment': id }, async () => this.reports.write(id));
      }
      const failed = this.ledger.stages(id).filter((s) => s.state === 'failed');
      this.ledger.setExperimentState(id, outcome, failed.map((s) => `${s.label}: ${s.error}`).join('; '));
      // A failed or cancelled experiment keeps a (partial) report of what did finish.
      if (outcome !== 'succeeded') this.writeQuietly(id);
    })
      .catch((err: Error) => {
        this.logger.error({ err, experiment: id }, 'experiment crashed');
        this.ledger.setExperimentState(id, 'failed', err.message);
      })
      .finally(() => {
        this.runner.off('stage', onStage);
        this.partialReports.stop(id);
        this.active.delete(id);
        this.events.emit('ended', id);
      });
    this.active.set(id, run);
  }

  private writeQuietly(id: string): void {
    try {
      this.reports.write(id);
    } catch (err) {
      this.logger.warn({ err, experiment: id }, 'partial report not written');
    }
  }

  /** Stops every running experiment without marking it cancelled (graceful shutdown). */
  async interruptAll(): Promise<void> {
    this.stopping = true;
    for (const id of this.active.keys()) this.runner.cancel(id);
    await Promise.allSettled(this.active.values());
  }

  cancel(id: string): ExperimentRow {
    const e = this.get(id);
    if (e.state !== 'running' && e.state !== 'pending') throw new FailedPreconditionError('id', `experiment ${id} is ${e.state}, not running`);
    if (this.active.has(id)) this.runner.cancel(id);
    else this.ledger.setExperimentState(id, 'cancelled');
    return this.get(id);
  }

  resume(id: string): ExperimentRow {
    const e = this.get(id);
    if (e.state === 'succeeded') return e;
    this.start(id);
    return this.get(id);
  }

  /** Streams stage events of one experiment until it ends. */
  async watch(id: string, call: grpc.ServerWritableStream<WatchExperimentRequest__Output, ExperimentEvent>): Promise<void> {
    this.get(id);
    await new Promise<void>((resolve) => {
      const onStage = (ev: StageEvent) => {
        if (ev.experimentId !== id) return;
        call.write({
          experimentId: id,
          stageId: ev.stageId,
          stageKind: ev.kind,
          gridPoint: ev.label,
          state: ev.state,
          progress: { fraction: ev.fraction, message: ev.message },
          experiment: this.wire(this.get(id)),
        });
      };
      const finish = () => {
        this.runner.off('stage', onStage);
        this.events.off('ended', onEnded);
        resolve();
      };
      const onEnded = (ended: string) => {
        if (ended !== id) return;
        call.write({ experimentId: id, state: this.get(id).state, experiment: this.wire(this.get(id)) });
        finish();
      };
      this.runner.on('stage', onStage);
      this.events.on('ended', onEnded);
      call.on('cancelled', finish);
      // already finished: one final event and done
      const now = this.get(id);
      if (!this.active.has(id) && now.state !== 'running' && now.state !== 'pending') onEnded(id);
    });
  }
}
