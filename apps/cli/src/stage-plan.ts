// An experiment's stages as the progress view's ETA needs them up front (eta.ts): each stage's kind
// and whether it is already done, from the home's ledger (a local run reads it while its
// orchestrator writes, WAL). An orchestrator at --address streams no such list: its view learns
// the stages from their events and says "ETA >= ..." until it has seen them all.
import { Ledger } from '@rlprune/orchestrator';
import type { PlannedStage } from './eta';

export function ledgerStagePlan(ledgerFile: string, experimentId: string): PlannedStage[] {
  const ledger = new Ledger(ledgerFile);
  try {
    return ledger.stages(experimentId).map((s) => ({ id: s.id, kind: s.kind, done: s.state === 'succeeded' }));
  } finally {
    ledger.close();
  }
}
