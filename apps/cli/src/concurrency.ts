// `--concurrency N` of the commands that run stages locally (run, resume, up): how many trainings run
// at once, each on its own trainer process. Default: the CPUs Node sees, since a training keeps one
// core busy and the machine has no better use for an idle one during a grid.
import os from 'node:os';

export function concurrencyOrDefault(n: number | undefined): number {
  return n ?? os.availableParallelism();
}
