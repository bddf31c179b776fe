// Compiled models, one per MJCF file and MuJoCo instance. Models are read-only during simulation, so
// every env of an id shares one and owns only its MjData; they live as long as the process (there are
// five files), which keeps opening and closing many sessions free of model leaks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileModel, type MjModel, type MujocoModule } from './mujoco-module';
import type { Task } from './tasks/task';

/** Folder of the project's MJCF models. */
export const modelsDir = resolve(__dirname, '..', 'models');

const cache = new WeakMap<MujocoModule, Map<string, MjModel>>();

/** Reads one of the project's MJCF files. */
export function readModelXml(file: string): string {
  return readFileSync(resolve(modelsDir, file), 'utf8');
}

/** The shared compiled model of a task, checked against the task's expectations. */
export function sharedModel(mujoco: MujocoModule, task: Task): MjModel {
  let models = cache.get(mujoco);
  if (models === undefined) {
    models = new Map();
    cache.set(mujoco, models);
  }
  let model = models.get(task.modelFile);
  if (model === undefined) {
    model = compileModel(mujoco, readModelXml(task.modelFile), task.modelFile);
    try {
      checkModelMatchesTask(model, task);
    } catch (err) {
      model.delete();
      throw err;
    }
    models.set(task.modelFile, model);
  }
  return model;
}

function checkModelMatchesTask(model: MjModel, task: Task): void {
  const { spec } = task;
  const problems: string[] = [];
  if (model.opt.timestep !== task.timestep) problems.push(`timestep ${model.opt.timestep}, task expects ${task.timestep}`);
  if (model.nu !== spec.actDim) problems.push(`${model.nu} actuators, spec has actDim ${spec.actDim}`);
  const planarObsDim = model.nq - 1 + model.nv;
  if (planarObsDim !== spec.obsDim && model.nq + model.nv !== spec.obsDim) {
    problems.push(`nq ${model.nq} and nv ${model.nv} do not give obsDim ${spec.obsDim}`);
  }
  if (problems.length > 0) throw new Error(`model ${task.modelFile} does not fit ${spec.id}: ${problems.join('; ')}`);
}
