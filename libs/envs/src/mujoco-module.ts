// One MuJoCo WebAssembly instance per process (or per worker thread): instantiating it costs about a
// second and some tens of MB, and every model and data object lives in its heap.
import type { MainModule, MjData, MjModel } from 'mujoco-js';

export type MujocoModule = MainModule;
export type { MjData, MjModel };

let loading: Promise<MujocoModule> | null = null;

/** Loads the mujoco-js WebAssembly module once; later calls return the same instance. */
export function loadMujoco(): Promise<MujocoModule> {
  if (loading === null) {
    loading = (async () => {
      // mujoco-js is an ES module; a dynamic import is the way to reach it from CommonJS.
      const factory = (await import('mujoco-js')).default;
      return factory();
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

let fileCounter = 0;

/**
 * Compiles MJCF text into a model owned by the caller (who must call `.delete()`). The XML goes
 * through the module's in-memory file system because that is the loader mujoco-js exposes.
 */
export function compileModel(mujoco: MujocoModule, xml: string, label: string): MjModel {
  const fs = mujoco.FS;
  const dir = '/rlprune-models';
  if (!fs.analyzePath(dir, false).exists) fs.mkdir(dir);
  const path = `${dir}/${label.replace(/[^A-Za-z0-9_.-]/g, '_')}-${fileCounter++}.xml`;
  fs.writeFile(path, xml);
  try {
    const model = mujoco.MjModel.loadFromXML(path);
    if (!model) throw new Error(`MuJoCo could not compile the model ${label}`);
    return model;
  } finally {
    fs.unlink(path);
  }
}
