// One stage's view of its checkpoint in the ledger (stage_checkpoints): what a train stage continues
// from when an attempt starts, and where it records each checkpoint its trainer reports. Bound to the
// stage's cache key, so a checkpoint recorded under other parameters, inputs or service version (an
// upgrade between a crash and `rlprune resume`) is not continued: the stage starts over instead.
import type { Ledger } from './ledger';

/** A checkpoint of a stage's work and what the stage had collected up to it. */
export interface StageCheckpoint {
  artifact: string;
  /** The iteration the checkpoint continues after. */
  iteration: number;
  /** The stage's partial result up to the checkpoint, as its executor writes and reads it (JSON). */
  partial: unknown;
}

export interface StageCheckpoints {
  /** The stage's latest recorded checkpoint, if it has one recorded by this same stage. */
  latest(): StageCheckpoint | undefined;
  /** Records a checkpoint durably, replacing the one before; returns an artifact no longer needed (or null). */
  record(checkpoint: StageCheckpoint): string | null;
  /** Forgets the stage's checkpoint (it finished, or the checkpoint is unusable); returns its artifact if now unused. */
  drop(): string | null;
  /** A line in the experiment's event log (ledger events) about this stage. */
  note(type: string, message: string): void;
}

export class LedgerStageCheckpoints implements StageCheckpoints {
  constructor(
    private readonly ledger: Ledger,
    private readonly experimentId: string,
    private readonly stageId: string,
    private readonly cacheKey: string,
  ) {}

  latest(): StageCheckpoint | undefined {
    const row = this.ledger.stageCheckpoint(this.experimentId, this.stageId);
    if (!row || row.cacheKey !== this.cacheKey) return undefined;
    return { artifact: row.artifact, iteration: row.iteration, partial: row.partial };
  }

  record(checkpoint: StageCheckpoint): string | null {
    return this.ledger.recordStageCheckpoint(this.experimentId, this.stageId, { cacheKey: this.cacheKey, ...checkpoint });
  }

  drop(): string | null {
    return this.ledger.dropStageCheckpoint(this.experimentId, this.stageId);
  }

  note(type: string, message: string): void {
    this.ledger.addEvent(this.experimentId, this.stageId, type, message);
  }
}
