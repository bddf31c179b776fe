// What each stage kind does: one RPC to the service that owns the work, with the stage's parameters
// and its inputs' artifact ids; the result is plain JSON for the ledger plus a few named metrics.
import type * as grpc from '@grpc/grpc-js';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import { unary } from '@rlprune/service-kit';
import type { ArtifactStore } from '../store/artifact-store';
import type { ExperimentSpec } from '../spec/experiment-spec';
import { consumeStream, type StageServices } from './service-clients';
import type { StageKind } from './grid';

export interface StageContext {
  kind: StageKind;
  params: Record<string, unknown>;
  /** Results of the stages this one depends on, by role (policy, prepared, states). */
  inputs: Record<string, Record<string, unknown>>;
  signal: AbortSignal;
  onProgress(fraction: number, message: string): void;
}

export interface StageOutcome {
  result: Record<string, unknown>;
  metrics: Record<string, number>;
}

export type Executor = (ctx: StageContext) => Promise<StageOutcome>;

const policyOf = (ctx: StageContext, role = 'policy') => ({ id: String(ctx.inputs[role]!.policy) });

export function executors(services: StageServices, store: ArtifactStore): Record<StageKind, Executor> {
  return {
    async train(ctx) {
      const p = ctx.params as { env: string; seed: number; train: ExperimentSpec['train']; sa: Record<string, unknown> | null; pruning: Record<string, unknown> | null };
      const t = p.train;
      const req = {
        envId: p.env,
        seed: p.seed,
        totalSteps: t.steps,
        ppo: {
          learningRate: t.learning_rate,
          numEnvs: t.num_envs,
          ...(t.rollout_steps ? { rolloutSteps: t.rollout_steps } : {}),
          epochs: t.epochs,
          minibatches: t.minibatches,
          hidden: t.hidden,
          activation: t.activation,
          // On the wire 0 is "none": no clip, one joint Adam. "auto" leaves both to the trainer's rule.
          ...(t.optimiser === 'cleanrl' ? { maxGradNorm: 0.5, valueLearningRate: 0 } : {}),
          ...(t.optimiser === 'sa_ppo' ? { maxGradNorm: 0, valueLearningRate: 2.5e-4 } : {}),
        },
        sa: p.sa
          ? {
              kappa: p.sa.kappa, epsilon: p.sa.epsilon, method: p.sa.method,
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
        simulatorAddress: services.cfg.simulator,
      };
      const curve: Array<{ envSteps: number; meanReturn: number; sparsity: number; lipschitzBound: number }> = [];
      // every mask update with the surrogate on either side of it (issue 15 item 5), in run order
      const maskUpdates: Array<{ envSteps: number; gradientStep: number; sparsity: number; before: number; after: number }> = [];
      let result: { policy?: { id: string }; finalMeanReturn?: number; envSteps?: number } | undefined;
      const trainer = services.trainer();
      await consumeStream(
        trainer.train!(req) as grpc.ClientReadableStream<{ progress?: Record<string, number> & { maskUpdates?: typeof maskUpdates }; result?: typeof result }>,
        (m) => {
          if (m.progress) {
            const pr = m.progress;
            curve.push({ envSteps: pr.envSteps!, meanReturn: pr.meanReturn!, sparsity: pr.sparsity!, lipschitzBound: pr.lipschitzBound! });
            for (const u of pr.maskUpdates ?? [])
              maskUpdates.push({ envSteps: u.envSteps, gradientStep: u.gradientStep, sparsity: u.sparsity, before: u.before, after: u.after });
            ctx.onProgress(pr.iteration! / pr.iterations!, `iter ${pr.iteration}/${pr.iterations} return ${pr.meanReturn!.toFixed(1)}`);
          }
          if (m.result) result = m.result;
        },
        { signal: ctx.signal },
      );
      if (!result?.policy?.id) throw new Error('trainer ended its stream without a result');
      const last = curve.at(-1);
      return {
        result: { policy: result.policy.id, final_mean_return: result.finalMeanReturn, curve, mask_updates: maskUpdates },
        metrics: { final_mean_return: result.finalMeanReturn ?? NaN, sparsity: last?.sparsity ?? 0, lipschitz: last?.lipschitzBound ?? NaN },
      };
    },

    async prune(ctx) {
      const p = ctx.params as { criterion: string; sparsity: number; scope: string; structured: boolean; seed: number };
      const pruner = services.pruner();
      const res = await unary<object, { policy: { id: string }; lipschitzBefore: number; lipschitzAfter: number; sparsity: number }>(
        pruner.prune!.bind(pruner) as never,
        { policy: policyOf(ctx), criterion: p.criterion, scope: p.scope, structured: p.structured, sparsity: p.sparsity, seed: p.seed },
        600_000,
      );
      return {
        result: { policy: res.policy.id, lipschitz_before: res.lipschitzBefore, lipschitz_after: res.lipschitzAfter, sparsity: res.sparsity },
        metrics: { lipschitz_before: res.lipschitzBefore, lipschitz_after: res.lipschitzAfter, sparsity: res.sparsity },
      };
    },

    async prepare(ctx) {
      // params: a robust sarsa sweep setting (eps_q, reg_coef), when the grid sweeps the attack
      const p = ctx.params as { env: string; seed: number; attack: string; epsilon: number; params?: Record<string, number> };
      let prepared: string | undefined;
      await consumeStream(
        services.attacker(p.attack).prepare!({
          policy: policyOf(ctx),
          envId: p.env,
          epsilon: p.epsilon,
          seed: p.seed,
          simulatorAddress: services.cfg.simulator,
          params: p.params ?? {},
        }) as grpc.ClientReadableStream<{ progress?: { fraction: number; message: string }; prepared?: { id: string } }>,
        (m) => {
          if (m.progress) ctx.onProgress(m.progress.fraction, m.progress.message);
          if (m.prepared) prepared = m.prepared.id;
        },
        { signal: ctx.signal },
      );
      if (!prepared) throw new Error(`attacker ${p.attack} ended Prepare without an artifact`);
      return { result: { prepared }, metrics: {} };
    },

    async evaluate(ctx) {
      const p = ctx.params as { env: string; seed: number; episodes: number; deterministic: boolean; attack: string | null; epsilon?: number; state_sample: number };
      const attack = p.attack
        ? {
            address: services.attackerAddress(p.attack),
            attack: p.attack,
            epsilon: p.epsilon,
            prepared: ctx.inputs.prepared ? { id: String(ctx.inputs.prepared.prepared) } : null,
          }
        : null;
      let summary: Record<string, unknown> | undefined;
      let done = 0;
      await consumeStream(
        services.simulator().evaluate!({
          policy: policyOf(ctx),
          envId: p.env,
          episodes: p.episodes,
          seed: p.seed,
          deterministic: p.deterministic,
          attack,
          stateSampleSize: p.state_sample,
        }) as grpc.ClientReadableStream<{ episode?: object; summary?: Record<string, unknown> }>,
        (m) => {
          if (m.episode) ctx.onProgress(++done / p.episodes, `episode ${done}/${p.episodes}`);
          if (m.summary) summary = m.summary;
        },
        { signal: ctx.signal },
      );
      if (!summary) throw new Error('simulator ended Evaluate without a summary');
      const { stateSample, ...stats } = summary as { stateSample?: { data: Buffer; shape: number[] } } & Record<string, unknown>;
      let states: string | null = null;
      if (p.state_sample > 0 && stateSample && stateSample.shape?.[0]) {
        const t = decodeTensor(stateSample, 'state_sample');
        states = store.put(Buffer.from(JSON.stringify({ shape: t.shape, values: Array.from(t.values) })), { kind: 'states', labels: { env: p.env } }).id;
      }
      return {
        result: { ...stats, states },
        metrics: { mean_return: Number(stats.meanReturn), std_return: Number(stats.stdReturn) },
      };
    },

    async certify(ctx) {
      // certified_radius: absent in stages planned before it existed, which computed no radius
      const p = ctx.params as { epsilon: number; methods: string[]; tv_threshold: number; certified_radius?: boolean };
      const statesId = ctx.inputs.states?.states as string | null;
      let states = null;
      if (statesId) {
        const { shape, values } = JSON.parse(store.get(statesId).data.toString('utf8')) as { shape: number[]; values: number[] };
        states = encodeTensor(Float32Array.from(values), shape);
      }
      const certifier = services.certifier();
      const res = await unary<object, Record<string, unknown> & { global?: Record<string, number>; perState?: Array<Record<string, unknown>> }>(
        certifier.certify!.bind(certifier) as never,
        {
          policy: policyOf(ctx),
          epsilon: p.epsilon,
          norm: 'linf',
          methods: p.methods,
          states,
          tvThreshold: p.tv_threshold,
          certifiedRadius: p.certified_radius ?? false,
          // the dense policy of the same run: the parameter path from it to this one
          referencePolicy: ctx.inputs.reference ? policyOf(ctx, 'reference') : null,
        },
        600_000,
      );
      const metrics: Record<string, number> = {
        lipschitz_surrogate: res.global?.lipschitzSurrogate ?? NaN,
        global_tv: res.global?.tv ?? NaN,
      };
      for (const s of res.perState ?? []) metrics[`${s.method}_mean_tv`] = Number(s.meanTv);
      const path = (res.parameterPath as Record<string, number> | null | undefined) ?? null;
      if (path) metrics.l_par = path.lPar;
      return {
        result: {
          epsilon: p.epsilon,
          global: res.global ?? null,
          // per-state bounds are not asked for, so these carry the statistics and the mean certified radius only
          perState: res.perState ?? [],
          layers: res.layers ?? [],
          constant: Boolean(res.constant),
          parameterPath: path,
        },
        metrics,
      };
    },
  };
}
