// What each stage kind does: one call to the service that owns the work (through @rlprune/clients),
// with the stage's parameters and its inputs' artifact ids; the result is the stage kind's
// StageResult (stored in the ledger as JSON) plus a few named metrics.
import type { StageClients } from '@rlprune/clients';
import { ppoSettings } from '../spec/experiment-spec';
import { decodeTensor, encodeTensor, type TrainRequest } from '@rlprune/proto';
import type { ArtifactStore } from '../store/artifact-store';
import type { MaskUpdateRecord, TrainingPoint } from '@rlprune/analysis';
import type { PolicyResult, StageInputs, StageKind, StageParams, StageResult } from './stage-types';

export interface StageContext<K extends StageKind = StageKind> {
  kind: K;
  params: StageParams[K];
  /** Results of the stages this one depends on, by role (policy, prepared, states, reference). */
  inputs: StageInputs;
  signal: AbortSignal;
  onProgress(fraction: number, message: string): void;
}

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

/** The Train request of a train stage. */
function trainRequest(p: StageParams['train'], simulatorAddress: string): TrainRequest {
  const t = p.train;
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
    checkpointEvery: 10,
    simulatorAddress,
  };
}

export function executors(services: StageClients, store: ArtifactStore): StageExecutors {
  const simulatorAddress = services.addresses.simulator;
  return {
    async train(ctx) {
      const curve: TrainingPoint[] = [];
      // every mask update with the surrogate on either side of it (issue 15 item 5), in run order
      const maskUpdates: MaskUpdateRecord[] = [];
      const result = await services.train(trainRequest(ctx.params, simulatorAddress), {
        signal: ctx.signal,
        onProgress: (pr) => {
          curve.push({ envSteps: pr.envSteps, meanReturn: pr.meanReturn, sparsity: pr.sparsity, lipschitzBound: pr.lipschitzBound });
          for (const u of pr.maskUpdates)
            maskUpdates.push({ envSteps: u.envSteps, gradientStep: u.gradientStep, sparsity: u.sparsity, before: u.before, after: u.after });
          ctx.onProgress(pr.iteration / pr.iterations, `iter ${pr.iteration}/${pr.iterations} return ${pr.meanReturn.toFixed(1)}`);
        },
      });
      const last = curve.at(-1);
      return {
        result: { policy: result.policy.id, final_mean_return: result.finalMeanReturn, curve, mask_updates: maskUpdates },
        metrics: { final_mean_return: result.finalMeanReturn, sparsity: last?.sparsity ?? 0, lipschitz: last?.lipschitzBound ?? NaN },
      };
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
