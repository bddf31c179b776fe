// A train stage continues from its last checkpoint instead of starting over (issue 17, issue 21 item
// 2): every checkpoint the trainer reports is recorded in the ledger (stage_checkpoints) together with
// what the stage collected up to it (the curve and the mask updates, which the final result needs and
// the trainer does not send again), so an attempt after a trainer or orchestrator death, or after
// `rlprune resume`, sends it as resume_from and seeds its curve with the recorded part. libs/rl resumes
// bit-identically, so the stage's result is what an uninterrupted run gives.
//
// Only the latest checkpoint of a stage is kept: each recorded one deletes the file of the one before,
// and the last is deleted when the stage succeeds. Checkpoints are never an input of anything else and
// a 1M-step paper run writes 48 of them (one per 10 iterations); a Hopper 64x64 checkpoint is 167 KB
// (2.2 MB at 256x256, measured), so kept, the paper grid's ~150 trainings would leave ~7,000 dead files,
// ~1.2 GB, in RLPRUNE_HOME.
// A checkpoint that is missing, corrupt, undecodable or refused by the trainer is logged (orchestrator
// log and the experiment's ledger events) and the stage starts over: it never fails the stage.
import type { TrainCheckpoint } from '@rlprune/clients';
import type { MaskUpdateRecord, TrainingPoint } from '@rlprune/analysis';
import type { StageCheckpoints } from '../ledger/stage-checkpoints';
import type { ArtifactStore } from '../store/artifact-store';
import { decodeStageResult } from './stage-results';

/** What a train stage has collected up to a checkpoint. */
export interface TrainPartial {
  /** The run's iteration count (for the progress fraction before the trainer's first report). */
  iterations: number;
  curve: TrainingPoint[];
  maskUpdates: MaskUpdateRecord[];
}

/** A recorded checkpoint a train attempt continues from. */
export interface ResumePoint {
  artifact: string;
  /** The iteration the checkpoint continues after (> 0). */
  iteration: number;
  partial: TrainPartial;
}

/** Where resume decisions are logged besides the ledger's events (the orchestrator's logger). */
export interface ResumeLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** One train attempt's checkpoints: the one it starts from, the ones its trainer reports. */
export class TrainResume {
  constructor(
    private readonly checkpoints: StageCheckpoints,
    private readonly store: Pick<ArtifactStore, 'get' | 'delete'>,
    private readonly log: ResumeLog | undefined,
    /** Names the stage in log lines. */
    private readonly stage: string,
  ) {}

  /** The recorded checkpoint to continue from; null when there is none or it is unusable (logged and dropped). */
  latest(): ResumePoint | null {
    const recorded = this.checkpoints.latest();
    if (!recorded) return null;
    let partial: TrainPartial;
    try {
      // re-hashes the file: a missing or corrupt checkpoint is found here, before the trainer is asked
      this.store.get(recorded.artifact);
      partial = decodePartial(recorded.partial, recorded.artifact);
      if (!(recorded.iteration > 0) || partial.curve.length !== recorded.iteration) {
        throw new Error(`its partial curve has ${partial.curve.length} points for iteration ${recorded.iteration}`);
      }
    } catch (err) {
      this.discard(recorded.artifact, recorded.iteration, (err as Error).message);
      return null;
    }
    return { artifact: recorded.artifact, iteration: recorded.iteration, partial };
  }

  /** The trainer continued from `from` (it reported an iteration after it, or the result): logged once per attempt. */
  continued(from: ResumePoint): void {
    this.checkpoints.note('stage-resumed', `resumed from iteration ${from.iteration} (checkpoint ${from.artifact})`);
    this.log?.info({ stage: this.stage, iteration: from.iteration, checkpoint: from.artifact }, 'train stage resumed from its checkpoint');
  }

  /** Records a checkpoint the trainer reported, with the stage's partial result up to it (one ledger transaction). */
  record(checkpoint: TrainCheckpoint, partial: TrainPartial): void {
    // libs/rl checkpoints right after reporting the iteration: anything else would pair the
    // checkpoint with another iteration's curve, so it is not recorded (the previous one stays)
    if (checkpoint.iteration !== partial.curve.length) {
      this.log?.warn({ stage: this.stage, checkpoint }, `checkpoint not recorded: the stage has ${partial.curve.length} curve points`);
      return;
    }
    const superseded = this.checkpoints.record({ artifact: checkpoint.id, iteration: checkpoint.iteration, partial: encodePartial(partial) });
    if (superseded) this.deleteFile(superseded);
  }

  /** The trainer refused the checkpoint `from` (e.g. written by another checkpoint version): start over. */
  refused(from: ResumePoint, reason: string): void {
    this.discard(from.artifact, from.iteration, `the trainer refused it: ${reason}`);
  }

  /** The stage succeeded: its checkpoint is no longer needed. */
  finished(): void {
    const unused = this.checkpoints.drop();
    if (unused) this.deleteFile(unused);
  }

  private discard(artifact: string, iteration: number, reason: string): void {
    const message = `checkpoint after iteration ${iteration} (${artifact}) is unusable, starting over: ${reason}`;
    this.checkpoints.note('checkpoint-unusable', message);
    this.log?.warn({ stage: this.stage }, message);
    const unused = this.checkpoints.drop();
    if (unused) this.deleteFile(unused);
  }

  private deleteFile(artifact: string): void {
    try {
      this.store.delete(artifact);
    } catch (err) {
      // a file left behind costs disk space, not correctness
      this.log?.warn({ stage: this.stage, artifact, err }, 'superseded checkpoint not deleted');
    }
  }
}

/** The partial as stored: the train result's field names (stage-types.ts), so stage-results.ts reads it back. */
function encodePartial(p: TrainPartial): unknown {
  return { iterations: p.iterations, curve: p.curve, mask_updates: p.maskUpdates };
}

/** A stored partial, checked field by field as a stored train result is (JSON null reads back as NaN). */
function decodePartial(stored: unknown, artifact: string): TrainPartial {
  const s = (stored ?? {}) as { iterations?: unknown; curve?: unknown; mask_updates?: unknown };
  if (typeof s.iterations !== 'number' || !(s.iterations > 0)) throw new Error(`its partial has no iteration count (${String(s.iterations)})`);
  const read = decodeStageResult('train', { policy: artifact, final_mean_return: null, curve: s.curve, mask_updates: s.mask_updates }, `checkpoint ${artifact}`);
  return { iterations: s.iterations, curve: read.curve, maskUpdates: read.mask_updates ?? [] };
}
