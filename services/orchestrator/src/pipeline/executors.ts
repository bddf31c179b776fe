// What each stage kind does: one call to the service that owns the work (through @rlprune/clients),
// with the stage's parameters and its inputs' artifact ids; the result is the stage kind's
// StageResult (stored in the ledger as JSON) plus a few named metrics. A train stage continues from
// its last recorded checkpoint (train-resume.ts).
import { status } from '@grpc/grpc-js';
import type { StageClients } from '@rlprune/clients';
import { ppoSettings } from '../spec/experiment-spec';
import { storedTrainParams } from '../spec/stored-train';
import { decodeTensor, encodeTensor, type TrainRequest } from '@rlprune/proto';
import type { ArtifactStore } from '../store/artifact-store';
import type { MaskUpdateRecord, TrainingPoint } from '@rlprune/analysis';
import type { StageCheckpoints } from '../ledger/stage-checkpoints';
import type { PolicyResult, StageInputs, StageKind, StageParams, StageResult } from './stage-types';
import { TrainResume, type ResumeLog, type ResumePoint } from './train-resume';

export interface StageContext<K extends StageKind = StageKind> {
  kind: K;
  params: StageParams[K];
  /** Results of the stages this one depends on, by role (policy, prepared, states, reference). */
  inputs: StageInputs;
  signal: AbortSignal;
  onProgress(fraction: number, message: string): void;
  /** The stage's recorded checkpoint in the ledger (train stages record and continue from it). */
  checkpoints: StageCheckpoints;
}

export interface ExecutorOptions {
  /**
   * Train iterations between the checkpoints a train stage records to continue from after an
   * interruption (RLPRUNE_CHECKPOINT_EVERY; 0 = none). Default 10: a 1M-step Hopper run (488
   * iterations of 2048 steps) loses at most ~20k steps (under a minute here) to a crash.
   */
  checkpointEvery: number;
  /** Where resumed and unusable checkpoints are logged, besides the ledger's events. */
  logger?: ResumeLog;
}

export const DEFAULT_EXECUTOR_OPTIONS: ExecutorOptions = { checkpointEvery: 10 };

export interface StageOutcome<K extends StageKind = StageKind> {
  result: StageResult[K];
  metrics: Record<string, number>;
}

/** The work of each stage kind. */
export type StageExecutors = { [K in StageKind]: (ctx: StageContext<K>) => Promise<StageOutcome<K>> };

/** The artifact of the policy an input stage produced (a missing input is a bug in the grid). */
function policyOf(input: PolicyResult | undefined, role: string): { id: string } {
  if (!input) throw new Error(`the stage has no ${role} input`);
  return { id: input.policy };
}

/** The Train request of a train stage (continuing the run of checkpoint `resumeFrom`, if given). */
function trainRequest(p: StageParams['train'], simulatorAddress: string, checkpointEvery: number, resumeFrom: string | null): TrainRequest {
  // stages stored before the CleanRL renames resume with what they were submitted with
  const t = storedTrainParams(p.train);
  return {
    envId: p.env,
    seed: p.seed,
    totalTimesteps: t.total_timesteps,
    ppo: {
      // CleanRL's names on both ends; unset ones take libs/rl's defaults at the trainer
      ...ppoSettings(t),
      hidden: t.hidden,
      activation: t.activation,
      // On the wire 0 is "none": no clip, one joint Adam. "auto" leaves both to the trainer's rule.
      ...(t.optimiser === 'cleanrl' ? { maxGradNorm: 0.5, valueLearningRate: 0 } : {}),
      ...(t.optimiser === 'sa_ppo' ? { maxGradNorm: 0, valueLearningRate: 2.5e-4 } : {}),
    },
    sa: p.sa
      ? {
          kappa: p.sa.kappa,
          epsilon: p.sa.epsilon,
          method: p.sa.method,
          ...(p.sa.detach_stdev !== undefined ? { detachStdev: p.sa.detach_stdev } : {}),
          ...(p.sa.convex_bounds !== undefined ? { convexBounds: p.sa.convex_bounds } : {}),
        }
      : null,
    pruning: p.pruning
      ? {
          criterion: p.pruning.criterion,
          scope: p.pruning.scope,
          structured: p.pruning.structured,
          kind: p.pruning.kind ?? 'cubic',
          initialSparsity: 0,
          finalSparsity: p.pruning.final_sparsity,
          startFraction: p.pruning.start_fraction,
          endFraction: p.pruning.end_fraction,
          interval: p.pruning.interval,
          seed: p.seed,
        }
      : null,
    checkpointEvery,
    resumeFrom: resumeFrom ? { id: resumeFrom } : null,
    simulatorAddress,
  };
}

// The trainer's answers that can mean it cannot use a checkpoint (missing, unreadable, another run's):
// INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION. A resumed call failing so is run once more from scratch.
const REFUSED_CHECKPOINT = new Set<number>([status.INVALID_ARGUMENT, status.NOT_FOUND, status.FAILED_PRECONDITION]);

export function executors(services: StageClients, store: ArtifactStore, opts: ExecutorOptions = DEFAULT_EXECUTOR_OPTIONS): StageExecutors {
  const simulatorAddress = services.addresses.simulator;

  /**
   * One training, from `from` or from scratch, its reported checkpoints recorded as they come;
   * `reports` counts the trainer's progress reports (none: it refused the request before training).
   */
  async function trainFrom(ctx: StageContext<'train'>, from: ResumePoint | null, resume: TrainResume, reports = { n: 0 }): Promise<StageOutcome<'train'>> {
    const curve: TrainingPoint[] = from ? [...from.partial.curve] : [];
    // every mask update with the surrogate on either side of it (issue 15 item 5), in run order
    const maskUpdates: MaskUpdateRecord[] = from ? [...from.partial.maskUpdates] : [];
    let iterations = from?.partial.iterations ?? 0;
    const resumed = from ? ` (resumed from iteration ${from.iteration})` : '';
    if (from) ctx.onProgress(from.iteration / iterations, `resuming from iteration ${from.iteration}`);
    const result = await services.train(trainRequest(ctx.params, simulatorAddress, opts.checkpointEvery, from?.artifact ?? null), {
      signal: ctx.signal,
      onProgress: (pr) => {
        if (++reports.n === 1 && from) resume.continued(from);
        iterations = pr.iterations;
        curve.push({ envSteps: pr.envSteps, meanReturn: pr.meanReturn, sparsity: pr.sparsity, lipschitzBound: pr.lipschitzBound });
        for (const u of pr.maskUpdates)
          maskUpdates.push({ envSteps: u.envSteps, gradientStep: u.gradientStep, sparsity: u.sparsity, before: u.before, after: u.after });
        ctx.onProgress(pr.iteration / pr.iterations, `iter ${pr.iteration}/${pr.iterations} return ${pr.meanReturn.toFixed(1)}${resumed}`);
      },
      onCheckpoint: (checkpoint) => resume.record(checkpoint, { iterations, curve, maskUpdates }),
    });
    // a checkpoint of the last iteration: the trainer answers with the result alone
    if (from && reports.n === 0) resume.continued(from);
    const last = curve.at(-1);
    return {
      result: { policy: result.policy.id, final_mean_return: result.finalMeanReturn, curve, mask_updates: maskUpdates },
      metrics: { final_mean_return: result.finalMeanReturn, sparsity: last?.sparsity ?? 0, lipschitz: last?.lipschitzBound ?? NaN },
    };
  }

  return {
    async train(ctx) {
      const resume = new TrainResume(ctx.checkpoints, store, opts.logger, `${ctx.params.env} seed ${ctx.params.seed}`);
      const from = resume.latest();
      const reports = { n: 0 };
      let outcome: StageOutcome<'train'>;
      try {
        outcome = await trainFrom(ctx, from, resume, reports);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        // a resumed training that ran and then failed keeps its checkpoint (the runner decides on a retry)
        if (!from || ctx.signal.aborted || reports.n > 0 || typeof code !== 'number' || !REFUSED_CHECKPOINT.has(code)) throw err;
        resume.refused(from, (err as Error).message);
        outcome = await trainFrom(ctx, null, resume);
      }
      // the checkpoint goes just before the runner records the result: a crash between the two costs
      // a rerun of the training, never a wrong result
      resume.finished();
      return outcome;
    },

    async prune(ctx) {
      const p = ctx.params;
      const res = await services.pruner().prune({
        policy: policyOf(ctx.inputs.policy, 'policy'),
        criterion: p.criterion,
        scope: p.scope,
        structured: p.structured,
        sparsity: p.sparsity,
        seed: p.seed,
      });
      if (!res.policy) throw new Error('pruner answered without a policy');
      return {
        result: { policy: res.policy.id, lipschitz_before: res.lipschitzBefore, lipschitz_after: res.lipschitzAfter, sparsity: res.sparsity },
        metrics: { lipschitz_before: res.lipschitzBefore, lipschitz_after: res.lipschitzAfter, sparsity: res.sparsity },
      };
    },

    async prepare(ctx) {
      const p = ctx.params;
      const prepared = await services.attacker(p.attack).prepare(
        { policy: policyOf(ctx.inputs.policy, 'policy'), envId: p.env, epsilon: p.epsilon, seed: p.seed, simulatorAddress, params: p.params ?? {} },
        { signal: ctx.signal, onProgress: (pr) => ctx.onProgress(pr.fraction, pr.message) },
      );
      return { result: { prepared }, metrics: {} };
    },

    async evaluate(ctx) {
      const p = ctx.params;
      const attack = p.attack
        ? {
            address: services.attackerAddress(p.attack),
            attack: p.attack,
            ...(p.epsilon !== undefined ? { epsilon: p.epsilon } : {}),
            prepared: ctx.inputs.prepared ? { id: ctx.inputs.prepared.prepared } : null,
          }
        : null;
      let done = 0;
      const summary = await services.simulator().evaluate(
        {
          policy: policyOf(ctx.inputs.policy, 'policy'),
          envId: p.env,
          episodes: p.episodes,
          seed: p.seed,
          deterministic: p.deterministic,
          attack,
          stateSampleSize: p.state_sample,
        },
        { signal: ctx.signal, onEpisode: () => ctx.onProgress(++done / p.episodes, `episode ${done}/${p.episodes}`) },
      );
      const { stateSample, ...stats } = summary;
      let states: string | null = null;
      if (p.state_sample > 0 && stateSample && stateSample.shape?.[0]) {
        const t = decodeTensor(stateSample, 'state_sample');
        states = store.put(Buffer.from(JSON.stringify({ shape: t.shape, values: Array.from(t.values) })), { kind: 'states', labels: { env: p.env } }).id;
      }
      return {
        result: { ...stats, states },
        metrics: { mean_return: stats.meanReturn, std_return: stats.stdReturn },
      };
    },

    async certify(ctx) {
      const p = ctx.params;
      const statesId = ctx.inputs.states?.states ?? null;
      let states = null;
      if (statesId) {
        const { shape, values } = JSON.parse(store.get(statesId).data.toString('utf8')) as { shape: number[]; values: number[] };
        states = encodeTensor(Float32Array.from(values), shape);
      }
      const res = await services.certifier().certify({
        policy: policyOf(ctx.inputs.policy, 'policy'),
        epsilon: p.epsilon,
        norm: 'linf',
        methods: p.methods,
        states,
        tvThreshold: p.tv_threshold,
        certifiedRadius: p.certified_radius ?? false,
        // the dense policy of the same run: the parameter path from it to this one
        referencePolicy: ctx.inputs.reference ? policyOf(ctx.inputs.reference, 'reference') : null,
      });
      const metrics: Record<string, number> = {
        lipschitz_surrogate: res.global?.lipschitzSurrogate ?? NaN,
        global_tv: res.global?.tv ?? NaN,
      };
      for (const s of res.perState) metrics[`${s.method}_mean_tv`] = s.meanTv;
      const path = res.parameterPath;
      if (path) metrics.l_par = path.lPar;
      return {
        result: {
          epsilon: p.epsilon,
          global: res.global,
          // per-state bounds are not asked for, so these carry the statistics and the mean certified radius only
          perState: res.perState,
          layers: res.layers,
          constant: res.constant,
          parameterPath: path,
        },
        metrics,
      };
    },
  };
}
