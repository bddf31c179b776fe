// What the progress view says about a stage beyond the event's own stage label: the grid point(s) it
// serves (env, seed, kappa, criterion, sparsity) and, once finished, its headline number (a
// training's or evaluation's mean return, a certificate's bound, a pruning's sparsity). Both come
// from the experiment's ledger, which a local run can read (WAL) while its orchestrator writes; an
// orchestrator at --address has no such view, so its stages show their stage label only.
import { Ledger, type StageRow } from '@rlprune/orchestrator';

export interface StageDescriber {
  /** The stage's label naming its grid point, e.g. "Hopper-v4/seed=1/kappa=0/magnitude/s=0.5: evaluate mad eps=0.075". */
  label(stageId: string, stageLabel: string): string;
  /** The finished stage's headline number, or "". */
  headline(stageId: string): string;
  close(): void;
}

/** The stage label alone (no ledger to read). */
export const PLAIN_DESCRIBER: StageDescriber = { label: (_id, stageLabel) => stageLabel, headline: () => '', close: () => undefined };

const num = (x: unknown, digits = 4): string | null => (typeof x === 'number' && Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : null);

/** The number a finished stage is summed up by, from its recorded result. */
export function stageHeadline(stage: Pick<StageRow, 'kind' | 'result'>): string {
  const r = stage.result ?? {};
  const parts: Array<string | null> = [];
  if (stage.kind === 'train') parts.push(num(r.final_mean_return) && `return ${num(r.final_mean_return)}`);
  if (stage.kind === 'evaluate') parts.push(num(r.meanReturn) && `return ${num(r.meanReturn)}${num(r.stdReturn) ? ` ± ${num(r.stdReturn, 3)}` : ''}`);
  if (stage.kind === 'prune') parts.push(num(r.sparsity) && `sparsity ${num(r.sparsity, 3)}`, num(r.lipschitz_after) && `L ${num(r.lipschitz_after)}`);
  if (stage.kind === 'certify') {
    const g = (r.global ?? {}) as Record<string, unknown>;
    parts.push(num(g.tv) && `TV bound ${num(g.tv)}`);
    for (const m of (r.perState ?? []) as Array<Record<string, unknown>>) parts.push(num(m.meanTv) && `${String(m.method)} mean TV ${num(m.meanTv)}`);
  }
  return parts.filter((p): p is string => Boolean(p)).join(', ');
}

/** Reads the experiment's stages and grid points from the home's ledger. */
export function ledgerDescriber(ledgerFile: string, experimentId: string): StageDescriber {
  const ledger = new Ledger(ledgerFile);
  const labels = new Map<string, string>();
  return {
    label(stageId, stageLabel) {
      let label = labels.get(stageId);
      if (label === undefined) {
        const points = ledger.pointsOfStage(experimentId, stageId);
        const where = points.length === 0 ? '' : `${points[0]}${points.length > 1 ? ` (+${points.length - 1} more)` : ''}: `;
        label = `${where}${stageLabel}`;
        labels.set(stageId, label);
      }
      return label;
    },
    headline(stageId) {
      const stage = ledger.stage(experimentId, stageId);
      return stage ? stageHeadline(stage) : '';
    },
    close: () => ledger.close(),
  };
}
