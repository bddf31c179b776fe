// The env ids this library serves, and lookup by id.
import type { EnvSpec } from './env-spec';
import { NotFoundError, show } from '@rlprune/errors';
import { halfCheetahTask } from './tasks/half-cheetah';
import { hopperTask } from './tasks/hopper';
import { invertedPendulumTask } from './tasks/inverted-pendulum';
import type { Task } from './tasks/task';
import { walker2dTask } from './tasks/walker2d';

const tasks: ReadonlyMap<string, Task> = new Map(
  [
    hopperTask('v4'),
    hopperTask('v5'),
    walker2dTask('v4'),
    walker2dTask('v5'),
    halfCheetahTask('v4'),
    halfCheetahTask('v5'),
    invertedPendulumTask(),
  ].map((task) => [task.spec.id, task]),
);

/** Specs of every env id, in a stable order. */
export function listEnvSpecs(): EnvSpec[] {
  return [...tasks.values()].map((task) => task.spec);
}

/** The task behind an env id; throws NotFoundError listing the known ids. */
export function getTask(envId: string): Task {
  const task = tasks.get(envId);
  if (task === undefined) throw new NotFoundError('envId', `unknown env id ${show(envId)}; known ids: ${[...tasks.keys()].join(', ')}`);
  return task;
}

/** The spec of an env id; throws NotFoundError listing the known ids. */
export function getEnvSpec(envId: string): EnvSpec {
  return getTask(envId).spec;
}
