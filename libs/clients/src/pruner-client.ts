// One-shot pruning and schedule previews on a pruner.
import { protos, type PreviewScheduleRequest, type PreviewScheduleResponse__Output, type PruneRequest, type PruneResponse__Output } from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';

/** Pruning a large policy takes minutes on a busy machine (saliency needs rollouts' gradients). */
export const DEFAULT_PRUNE_DEADLINE_MS = 600_000;

export class PrunerClient {
  constructor(readonly address: string) {}

  private client() {
    return getClient(protos().rlprune.pruner.v1.Pruner, this.address);
  }

  /** Prunes a stored policy; the pruned one is stored and named in the response. */
  prune(request: PruneRequest, deadlineMs = DEFAULT_PRUNE_DEADLINE_MS): Promise<PruneResponse__Output> {
    const c = this.client();
    return unary(c.prune.bind(c), request, deadlineMs);
  }

  /** The sparsity a schedule reaches at each of `points` steps. */
  previewSchedule(request: PreviewScheduleRequest, deadlineMs?: number): Promise<PreviewScheduleResponse__Output> {
    const c = this.client();
    return unary(c.previewSchedule.bind(c), request, deadlineMs);
  }
}
