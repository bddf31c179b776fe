// The pruner process: one-shot pruning of stored policies and previews of pruning schedules.
import { protos, type PreviewScheduleRequest__Output, type PreviewScheduleResponse, type PrunerHandlers } from '@rlprune/proto';
import { previewSchedule, type Criterion, type Scope } from '@rlprune/pruning';
import { ArtifactClient, bindService, enforceCap, InvalidArgumentError, packageVersion, readCap, requirePositiveInt, runService, type Cap } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';
import { prune } from './prune';

export const DEFAULT_PORT = 50054;

/** Points a PreviewSchedule may ask for (a curve to plot needs hundreds; 1e7 exhausted the heap). */
export const DEFAULT_MAX_PREVIEW_POINTS = 10_000;

function preview(req: PreviewScheduleRequest__Output, maxPoints: Cap): PreviewScheduleResponse {
  enforceCap(maxPoints, req.points, 'points');
  const s = req.schedule;
  if (!s) throw new InvalidArgumentError('schedule', 'is required');
  const totalSteps = requirePositiveInt(req.totalSteps, 'total_steps');
  const points = previewSchedule(
    {
      criterion: (s.criterion || 'magnitude') as Criterion,
      scope: (s.scope || 'layer') as Scope,
      structured: s.structured,
      kind: (s.kind || 'cubic') as 'cubic' | 'one_shot',
      initialSparsity: s.initialSparsity,
      finalSparsity: s.finalSparsity,
      ...(s.startFraction !== undefined ? { startFraction: s.startFraction } : {}),
      ...(s.endFraction !== undefined ? { endFraction: s.endFraction } : {}),
      ...(s.interval !== undefined ? { interval: s.interval } : {}),
    },
    totalSteps,
    req.points || 100,
  );
  return { points };
}

export async function main(telemetry: Telemetry): Promise<void> {
  const artifacts = new ArtifactClient(process.env.ORCHESTRATOR_ADDRESS ?? '127.0.0.1:50051');
  const maxPoints = readCap('RLPRUNE_MAX_PREVIEW_POINTS', DEFAULT_MAX_PREVIEW_POINTS, 'points');
  await runService({
    name: 'pruner',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [
      bindService<PrunerHandlers>(protos().rlprune.pruner.v1.Pruner.service, {
        Prune: (call) => prune(call, artifacts),
        PreviewSchedule: async (call) => preview(call.request, maxPoints),
      }),
    ],
    onShutdown: [() => telemetry.shutdown()],
  });
}
