// Expands a spec into grid points and a DAG of stages. A stage's id hashes its kind, parameters and
// the ids of the stages it depends on, so grid points that need the same work share one stage (one
// dense policy serves every one-shot sparsity; sparsity 0 is the same run for every criterion).
// Certificates: one certify stage per epsilon in the union of the attacks' epsilons, the env's
// default epsilon and certify.epsilon, so every bound pairs with an attack at its own epsilon. The
// certified radius does not depend on epsilon, so only the stage at the env default computes it, and
// that stage of a pruned point also measures the parameter path against the dense policy of the same
// (env, seed, kappa) when the grid trains one (sparsity 0 listed, or post_hoc).
import { rsSettingLabel, rsSettingParams, type RsSweepSetting } from '@rlprune/attacks';
import { InvalidArgumentError } from '@rlprune/service-kit';
import type { ExperimentSpec } from '../spec/experiment-spec';
import { shortHash } from './canonical';
import type { SaParams, StageKind, StageParams, TrainPruningParams } from './stage-types';

interface StageNodeOf<K extends StageKind> {
  id: string;
  kind: K;
  /** Human-readable label, e.g. "evaluate mad eps=0.075". */
  label: string;
  /** Everything the stage's RPC needs besides its inputs' artifacts. */
  params: StageParams[K];
  /** Stages whose results this one consumes, by role (stage-types.ts StageInputs). */
  deps: Record<string, string>;
}

export type StageNode = { [K in StageKind]: StageNodeOf<K> }[StageKind];

export interface GridPoint {
  id: string;
  label: string;
  env: string;
  seed: number;
  kappa: number;
  criterion: string;
  sparsity: number;
  /** The stage whose result is this point's policy (train, or prune for one-shot). */
  policyStage: string;
  /** Clean evaluation stage. */
  cleanStage: string;
  /** Clean evaluation with sampled actions beside the mean-action one (evaluation.sampled_clean); absent otherwise. */
  sampledCleanStage?: string;
  /**
   * Attack evaluations: attack, epsilon, stage. A swept attack (rs / rs_mad with a robust sarsa sweep)
   * has one prepare + evaluate per setting, listed in `sweep` (results keep the lowest mean return);
   * its `stage` is the first setting's evaluation.
   */
  attackStages: { attack: string; epsilon: number; stage: string; sweep?: { stage: string; setting: string }[] }[];
  /** One certify stage per certified epsilon, ascending. */
  certifyStages: { epsilon: number; stage: string }[];
  /** Ledgers written before certificates per epsilon hold this single stage instead. */
  certifyStage?: string;
}

export interface Grid {
  points: GridPoint[];
  stages: Map<string, StageNode>;
}

/** Attacks that learn something about the victim before they can perturb. */
export const PREPARED_ATTACKS = new Set(['rs', 'rs_mad', 'learned']);

/**
 * Most stages one experiment may have (RLPRUNE_MAX_GRID_STAGES). The largest spec in examples/ has a
 * few thousand; a 1,000,000-point spec once took the orchestrator 200 s and 4 GB of ledger.
 */
export const DEFAULT_MAX_GRID_STAGES = 20_000;

/** A spec whose grid has more stages than the limit; nothing has been written when it is thrown. */
export class GridTooLargeError extends InvalidArgumentError {
  constructor(spec: ExperimentSpec, maxStages: number) {
    const p = spec.pruning;
    const points = spec.envs.length * spec.seeds.length * spec.sa.kappas.length * p.criteria.length * p.sparsities.length;
    const attacks = spec.attacks.map((a) => `${a.name} x ${Math.max(1, a.epsilons.length)} epsilon(s)${a.sweep.length > 0 ? ` x ${a.sweep.length} settings` : ''}`);
    super(
      `the grid needs more than ${maxStages} stages, the limit (set RLPRUNE_MAX_GRID_STAGES to change it): ` +
        `${spec.envs.length} env(s) x ${spec.seeds.length} seed(s) x ${spec.sa.kappas.length} kappa(s) x ${p.criteria.length} criteria x ` +
        `${p.sparsities.length} sparsities = ${points} grid points, each with its training, clean evaluation, certificates and attacks` +
        `${attacks.length > 0 ? ` (${attacks.join(', ')})` : ''}; split the experiment or shrink an axis`,
      'spec',
    );
  }
}

/**
 * A lower bound on the grid's stage count, from the axes alone: every distinct policy (one per
 * (env, seed, kappa) at sparsity 0, one per criterion at each other sparsity) has its own training or
 * pruning, clean evaluation, attack evaluations (and preparations) and at least one certificate.
 */
export function gridStageLowerBound(spec: ExperimentSpec): number {
  const p = spec.pruning;
  const nonZero = p.sparsities.filter((s) => s > 0).length;
  const policies = spec.envs.length * spec.seeds.length * spec.sa.kappas.length * (p.criteria.length * nonZero + (nonZero < p.sparsities.length ? 1 : 0));
  const attackStages = spec.attacks.reduce(
    (n, a) => n + Math.max(1, a.epsilons.length) * Math.max(1, a.sweep.length) * (PREPARED_ATTACKS.has(a.name) ? 2 : 1),
    0,
  );
  return policies * (1 + 1 + attackStages + 1);
}

export function expandGrid(spec: ExperimentSpec, defaultEpsilon: (env: string) => number, maxStages = Infinity): Grid {
  // an oversized spec is refused from its axes alone, before a single stage is hashed
  if (gridStageLowerBound(spec) > maxStages) throw new GridTooLargeError(spec, maxStages);
  const stages = new Map<string, StageNode>();
  const idOf = <K extends StageKind>(kind: K, params: StageParams[K], deps: Record<string, string> = {}) => `${kind}-${shortHash({ kind, params, deps })}`;
  const add = <K extends StageKind>(kind: K, label: string, params: StageParams[K], deps: Record<string, string> = {}): string => {
    const id = idOf(kind, params, deps);
    if (!stages.has(id)) {
      // counted as the grid grows, so an oversized spec costs at most maxStages hashes, not its size
      if (stages.size >= maxStages) throw new GridTooLargeError(spec, maxStages);
      const node: StageNodeOf<K> = { id, kind, label, params, deps };
      stages.set(id, node as StageNode);
    }
    return id;
  };
  const points: GridPoint[] = [];
  const p = spec.pruning;
  // the grid trains an unpruned policy per (env, seed, kappa): the parameter path's reference
  const denseTrained = p.mode === 'post_hoc' || p.sparsities.includes(0);
  for (const env of spec.envs) {
    const envEps = defaultEpsilon(env);
    const attackEpsilons = spec.attacks.flatMap((a) => (a.epsilons.length > 0 ? a.epsilons : [envEps]));
    const asked = spec.certify.epsilon === null ? [] : [spec.certify.epsilon];
    const certifyEpsilons = [...new Set([...attackEpsilons, envEps, ...asked])].sort((a, b) => a - b);
    for (const seed of spec.seeds) {
      for (const kappa of spec.sa.kappas) {
        for (const criterion of p.criteria) {
          for (const sparsity of p.sparsities) {
            // during and one_shot prune inside the training run; post_hoc prunes the finished policy
            const pruneDuring = p.mode !== 'post_hoc' && sparsity > 0;
            const schedule: TrainPruningParams | null = pruneDuring
              ? {
                  // (only one_shot names its kind, so micro-pruning stages keep their ids)
                  ...(p.mode === 'one_shot' ? { kind: 'one_shot' } : {}),
                  criterion,
                  scope: p.scope,
                  structured: p.structured,
                  final_sparsity: sparsity,
                  start_fraction: p.start_fraction,
                  end_fraction: p.end_fraction,
                  interval: p.interval,
                }
              : null;
            // (SA options join the parameters only when set, so stages of specs without them keep their ids)
            const sa: SaParams | null = kappa > 0
              ? {
                  kappa, method: spec.sa.method, epsilon: spec.sa.epsilon ?? envEps,
                  ...(spec.sa.detach_stdev ? { detach_stdev: true } : {}),
                  ...(spec.sa.convex_bounds !== 'crown-ibp' ? { convex_bounds: spec.sa.convex_bounds } : {}),
                }
              : null;
            // one place for a train stage's params, so the dense reference below has the dense run's id
            const trainParams = (pruning: typeof schedule): StageParams['train'] => ({ env, seed, train: spec.train, sa, pruning });
            const train = add('train', `train ${env} seed=${seed} kappa=${kappa}${schedule ? ` ${criterion} s=${sparsity}` : ''}`, trainParams(schedule));
            let policy = train;
            if (p.mode === 'post_hoc' && sparsity > 0) {
              policy = add(
                'prune',
                `prune ${criterion} s=${sparsity}`,
                { criterion, sparsity, scope: p.scope, structured: p.structured, seed },
                { policy: train },
              );
            }
            const evalParams = { env, seed, episodes: spec.evaluation.episodes, deterministic: spec.evaluation.deterministic };
            const clean = add('evaluate', 'evaluate clean', { ...evalParams, attack: null, state_sample: spec.certify.states }, { policy });
            // no state sample: certificates bound the states the evaluated (mean-action) policy visits
            const sampledClean = spec.evaluation.sampled_clean
              ? add('evaluate', 'evaluate clean sampled actions', { ...evalParams, deterministic: false, attack: null, state_sample: 0 }, { policy })
              : null;
            const attackStages: GridPoint['attackStages'] = [];
            for (const attack of spec.attacks) {
              const epsilons = attack.epsilons.length > 0 ? attack.epsilons : [envEps];
              for (const epsilon of epsilons) {
                // a prepare (with the setting's parameters, if swept) and an evaluation on its artifact
                const evaluation = (setting: RsSweepSetting | null): string => {
                  const deps: Record<string, string> = { policy };
                  const suffix = setting ? ` ${rsSettingLabel(setting)}` : '';
                  if (PREPARED_ATTACKS.has(attack.name)) {
                    // rs_mad's Q is rs's (same seed, same parameters): with rs in the spec, rs's prepare stages serve both
                    const preparer = attack.name === 'rs_mad' && spec.attacks.some((a) => a.name === 'rs') ? 'rs' : attack.name;
                    // a learned adversary's budget other than the attack's default is a parameter of its prepare stage
                    const budget = attack.iterations !== null ? { iterations: attack.iterations } : null;
                    const params = setting ? rsSettingParams(setting) : budget;
                    const prepareParams = { env, seed, attack: preparer, epsilon, ...(params ? { params } : {}) };
                    const budgetLabel = budget ? ` iterations=${budget.iterations}` : '';
                    deps.prepared = add('prepare', `prepare ${preparer} eps=${epsilon}${suffix}${budgetLabel}`, prepareParams, { policy });
                  }
                  return add('evaluate', `evaluate ${attack.name} eps=${epsilon}${suffix}`, { ...evalParams, attack: attack.name, epsilon, state_sample: 0 }, deps);
                };
                const settings = attack.sweep ?? [];
                if (settings.length === 0) {
                  attackStages.push({ attack: attack.name, epsilon, stage: evaluation(null) });
                } else {
                  const sweep = settings.map((setting) => ({ stage: evaluation(setting), setting: rsSettingLabel(setting) }));
                  attackStages.push({ attack: attack.name, epsilon, stage: sweep[0]!.stage, sweep });
                }
              }
            }
            const dense = denseTrained && sparsity > 0 ? idOf('train', trainParams(null)) : null;
            const certifyStages = certifyEpsilons.map((epsilon) => {
              const atDefault = epsilon === envEps;
              const params = { epsilon, methods: spec.certify.methods, tv_threshold: spec.certify.tv_threshold, certified_radius: atDefault };
              const withPath = atDefault && dense !== null;
              const deps: Record<string, string> = { policy, states: clean, ...(withPath ? { reference: dense } : {}) };
              return { epsilon, stage: add('certify', `certify eps=${epsilon}${withPath ? ' +parameter path' : ''}`, params, deps) };
            });
            const label = `${env}/seed=${seed}/kappa=${kappa}/${criterion}/s=${sparsity}`;
            points.push({
              id: shortHash(label, 12),
              label,
              env,
              seed,
              kappa,
              criterion,
              sparsity,
              policyStage: policy,
              cleanStage: clean,
              ...(sampledClean ? { sampledCleanStage: sampledClean } : {}),
              attackStages,
              certifyStages,
            });
          }
        }
      }
    }
  }
  return { points, stages };
}

/** Stages in an order where every stage comes after its dependencies. */
export function topologicalOrder(stages: Map<string, StageNode>): StageNode[] {
  const out: StageNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = stages.get(id)!;
    for (const dep of Object.values(node.deps)) visit(dep);
    out.push(node);
  };
  for (const id of stages.keys()) visit(id);
  return out;
}
