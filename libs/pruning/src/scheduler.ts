// What the trainer holds during training: asked every step whether the mask is due for an update
// and, when it is, prunes the policy in place to the schedule's target (micro-pruning). It is a pure
// function of the step except for the bias masks, which a checkpoint saves when biases are pruned.
import type { ActorCritic } from '@rlprune/nn';
import type { NetSignals } from './options';
import { pruneActorCritic, type ActorCriticPruneResult } from './prune-actor-critic';
import {
  isUpdateStep,
  requireTotalSteps,
  resolveSchedule,
  scheduleWindow,
  targetSparsity,
  type PruningSchedule,
  type ResolvedPruningSchedule,
} from './schedule';

/** Gradients for one update; only saliency reads them. */
export type UpdateSignals = Omit<NetSignals, 'biasMasks'>;

export class PruningScheduler {
  readonly schedule: ResolvedPruningSchedule;
  readonly totalSteps: number;
  /** First step at which the mask is updated (end of burn-in). */
  readonly startStep: number;
  /** Step at which the final sparsity is reached. */
  readonly endStep: number;
  /** Bias masks after the last update, per net (null until then, or when biases are not pruned). */
  biasMasks: { actor: Float32Array[] | null; critic: Float32Array[] | null } = { actor: null, critic: null };

  constructor(schedule: PruningSchedule, totalSteps: number) {
    this.schedule = resolveSchedule(schedule);
    this.totalSteps = requireTotalSteps(totalSteps);
    const { start, end } = scheduleWindow(this.schedule, this.totalSteps);
    this.startStep = start;
    this.endStep = end;
  }

  /** Whether updates need gradients, so the trainer computes them only then. */
  get needsGradients(): boolean {
    return this.schedule.criterion === 'saliency';
  }

  targetAt(step: number): number {
    return targetSparsity(step, this.schedule, this.totalSteps);
  }

  shouldUpdate(step: number): boolean {
    return isUpdateStep(step, this.schedule, this.totalSteps);
  }

  /**
   * At an update step, prunes `ac` in place to `targetAt(step)` and returns what it reached;
   * otherwise does nothing and returns null. Masks only shrink, so entries pruned earlier stay
   * pruned; the seed is fixed, so random pruning gives nested masks.
   */
  update(ac: ActorCritic, step: number, signals: { actor?: UpdateSignals; critic?: UpdateSignals } = {}): ActorCriticPruneResult | null {
    if (!this.shouldUpdate(step)) return null;
    const s = this.schedule;
    const result = pruneActorCritic(ac, {
      criterion: s.criterion,
      scope: s.scope,
      structured: s.structured,
      sparsity: this.targetAt(step),
      seed: s.seed,
      pruneBiases: s.pruneBiases,
      pruneCritic: s.pruneCritic,
      actor: { ...signals.actor, biasMasks: this.biasMasks.actor ?? undefined },
      critic: { ...signals.critic, biasMasks: this.biasMasks.critic ?? undefined },
    });
    this.biasMasks = { actor: result.actor.biasMasks, critic: result.critic?.biasMasks ?? null };
    return result;
  }
}
