// An experiment's stages as the progress view's ETA needs them up front (eta.ts): how many of each
// kind and how many of those are done, as the orchestrator counts them in its ledger
// (Experiment.stage_kinds). Local and remote runs read them the same way, from GetExperiment, so the
// same state gives the same ETA. An orchestrator older than the field sends none: the view then
// learns the stages from their events and says "ETA >= ..." until it has seen them all.
import type { Experiment__Output } from '@rlprune/proto';
import type { PlannedKind } from './eta';

export function experimentStagePlan(exp: Pick<Experiment__Output, 'stageKinds'>): PlannedKind[] {
  return exp.stageKinds.map((k) => ({ kind: k.kind, total: k.total, done: k.done }));
}
