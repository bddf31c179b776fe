// `--concurrency N` of the commands that run stages locally (run, resume, up): how many trainings run
// at once, each on its own trainer process. Default: the CPUs Node sees, since a training keeps one
// core busy and the machine has no better use for an idle one during a grid.
import os from 'node:os';
import { UsageError } from './errors';

export const CONCURRENCY_OPTION = { concurrency: { type: 'string' } } as const;

export function parseConcurrency(raw: string | undefined): number {
  if (raw === undefined) return os.availableParallelism();
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--concurrency: expected a positive integer (trainings at once), got ${JSON.stringify(raw)}`);
  }
  return n;
}
