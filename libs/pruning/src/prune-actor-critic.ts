// Prunes a policy: the actor always, the critic when asked. Each net is ranked on its own (a global
// scope never mixes actor and critic weights, whose scales differ) and draws its random scores from
// its own derived seed. Both nets are checked and planned before either is changed.
import type { ActorCritic } from '@rlprune/nn';
import { deriveSeed } from '@rlprune/random';
import { applyPrune, planPrune, type NetPruneResult } from './prune-net';
import { PRUNE_DEFAULTS, requireBoolean, requireSeed, type NetSignals, type PruneOptions } from './options';
import type { LayerSparsityReport } from './report';

export interface PruneActorCriticOptions extends Omit<PruneOptions, keyof NetSignals | 'name'> {
  /** Also prune the critic. Default false: the actor only. */
  pruneCritic?: boolean;
  /** Gradients and bias masks of the actor. */
  actor?: NetSignals;
  /** Gradients and bias masks of the critic (used only when `pruneCritic`). */
  critic?: NetSignals;
}

export interface ActorCriticPruneResult {
  actor: NetPruneResult;
  /** Null when the critic was not pruned. */
  critic: NetPruneResult | null;
  /** Layers of the pruned nets, named "actor.<l>" and "critic.<l>". */
  perLayer: LayerSparsityReport[];
  /** Fraction of prunable entries at zero over the pruned nets together. */
  sparsity: number;
}

export function pruneActorCritic(ac: ActorCritic, options: PruneActorCriticOptions): ActorCriticPruneResult {
  const { pruneCritic: pruneCriticOpt, actor: actorSignals, critic: criticSignals, ...common } = options;
  const pruneCritic = requireBoolean(pruneCriticOpt ?? false, 'pruneCritic');
  const seed = requireSeed(common.seed ?? PRUNE_DEFAULTS.seed);
  const netOptions = (name: 'actor' | 'critic', signals: NetSignals | undefined): PruneOptions => ({
    ...common,
    ...signals,
    seed: deriveSeed(seed, name),
    name,
  });
  const actorPlan = planPrune(ac.actor, netOptions('actor', actorSignals), 'actor.');
  const criticPlan = pruneCritic ? planPrune(ac.critic, netOptions('critic', criticSignals), 'critic.') : null;
  const actor = applyPrune(actorPlan);
  const critic = criticPlan ? applyPrune(criticPlan) : null;
  const perLayer = critic ? [...actor.perLayer, ...critic.perLayer] : actor.perLayer;
  let total = 0;
  let pruned = 0;
  for (const layer of perLayer) {
    total += layer.total + (layer.bias?.total ?? 0);
    pruned += layer.pruned + (layer.bias?.pruned ?? 0);
  }
  return { actor, critic, perLayer, sparsity: total === 0 ? 0 : pruned / total };
}
