// A train stage's parameters as the ledger stored them, read under today's names. Stages of an
// experiment submitted before the train fields took CleanRL's names (TRAIN_RENAMED) carry the old
// spellings; `rlprune resume` on such a home must train exactly what the old code would have: the old
// `rollout_steps` was already per env, and when unset it meant 2048 / num_envs (the trainer's old
// default), which today's libs/rl default (2048 per env) is not, so that default is written out.
import type { ExperimentSpec } from './experiment-spec';
import { TRAIN_RENAMED } from './experiment-spec';

/** The old trainer's rollout length per env when the spec left it unset. */
const OLD_ROLLOUT_TOTAL = 2048;

/** `train` with any old spelling moved to its new name (new-style params come back as they are). */
export function storedTrainParams(train: ExperimentSpec['train']): ExperimentSpec['train'] {
  const stored: Record<string, unknown> = { ...train };
  if (!Object.keys(TRAIN_RENAMED).some((old) => old in stored)) return train;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) out[TRAIN_RENAMED[key] ?? key] = value;
  if ('rollout_steps' in stored && (out.num_steps === null || out.num_steps === undefined)) {
    const numEnvs = typeof out.num_envs === 'number' ? out.num_envs : 1;
    out.num_steps = Math.max(1, Math.floor(OLD_ROLLOUT_TOTAL / numEnvs));
  }
  return out as ExperimentSpec['train'];
}
