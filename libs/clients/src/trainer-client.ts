// Train on a trainer: the one place the Train stream is consumed (the orchestrator's train stage,
// `rlprune train` and bench/ppo all call this). Progress and checkpoints go to callbacks; the call
// resolves with the final result, or fails if the stream ends without one.
import { protos, type TrainProgress__Output, type TrainRequest, type TrainResult__Output } from '@rlprune/proto';
import { consumeStream, getClient } from '@rlprune/service-kit';

export interface TrainCallbacks {
  /** Cancels the training (the trainer stops within one iteration). */
  signal?: AbortSignal;
  /** Every PPO iteration's statistics, in order. */
  onProgress?(progress: TrainProgress__Output): void;
  /**
   * Each checkpoint the trainer stored (TrainRequest.checkpoint_every): its artifact id and the
   * iteration it continues after (libs/rl checkpoints right after reporting that iteration, so it is
   * the iteration of the progress event before it; 0 if the stream had none).
   */
  onCheckpoint?(checkpoint: TrainCheckpoint): void;
}

/** A checkpoint a trainer reported: TrainRequest.resume_from continues the run after `iteration`. */
export interface TrainCheckpoint {
  id: string;
  iteration: number;
}

/** The finished training: the stored policy's artifact id and the last evaluation. */
export interface TrainOutcome extends TrainResult__Output {
  policy: { id: string };
}

export class TrainerClient {
  constructor(readonly address: string) {}

  /** One training run; resolves once the trainer has stored the final policy. */
  async train(request: TrainRequest, callbacks: TrainCallbacks = {}): Promise<TrainOutcome> {
    const client = getClient(protos().rlprune.trainer.v1.Trainer, this.address);
    let result: TrainResult__Output | undefined;
    let iteration = 0;
    await consumeStream(
      client.train(request),
      (event) => {
        if (event.progress) {
          iteration = event.progress.iteration;
          callbacks.onProgress?.(event.progress);
        }
        if (event.checkpoint) callbacks.onCheckpoint?.({ id: event.checkpoint.id, iteration });
        if (event.result) result = event.result;
      },
      callbacks.signal ? { signal: callbacks.signal } : {},
    );
    if (!result?.policy?.id) throw new Error(`trainer at ${this.address} ended its stream without a result`);
    return { ...result, policy: { id: result.policy.id } };
  }
}
