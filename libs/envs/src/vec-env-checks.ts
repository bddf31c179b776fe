// Input checks shared by VecEnv and ThreadedVecEnv: a whole batch is checked before any env moves,
// so rejected input leaves every env as it was (and, threaded, before anything is sent to a worker).
import { InvalidArgumentError, show } from '@rlprune/errors';

/** `envIndices` must be a non-empty list of distinct integers in [0, numEnvs). */
export function checkEnvIndices(envIndices: ArrayLike<number>, numEnvs: number): void {
  if (envIndices === null || typeof envIndices !== 'object' || typeof envIndices.length !== 'number' || envIndices.length === 0) {
    throw new InvalidArgumentError('env_indices', `a non-empty list of env indices in [0, ${numEnvs})`, show(envIndices));
  }
  const seen = new Uint8Array(numEnvs);
  for (let r = 0; r < envIndices.length; r++) {
    const i = envIndices[r];
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= numEnvs) {
      throw new InvalidArgumentError(`env_indices[${r}]`, `an env index in [0, ${numEnvs})`, show(i));
    }
    if (seen[i]) throw new InvalidArgumentError(`env_indices[${r}]`, 'an env not already listed', `${i} twice`);
    seen[i] = 1;
  }
}

/** `actions` must hold `rows` rows of `actDim` finite numbers; an error names the env and coordinate. */
export function checkActionRows(actions: ArrayLike<number>, rows: number, actDim: number, rowsName: string, envIndices?: ArrayLike<number>): void {
  const expected = rows * actDim;
  if (actions === null || typeof actions !== 'object' || typeof actions.length !== 'number') {
    throw new InvalidArgumentError('actions', `an array of ${expected} numbers`, show(actions));
  }
  if (actions.length !== expected) {
    throw new InvalidArgumentError('actions', `an array of length ${rowsName} * actDim = ${rows} * ${actDim} = ${expected}`, `length ${actions.length}`);
  }
  for (let k = 0; k < expected; k++) {
    const a = actions[k];
    if (typeof a !== 'number' || !Number.isFinite(a)) {
      const row = Math.floor(k / actDim);
      const env = envIndices ? envIndices[row] : row;
      throw new InvalidArgumentError(`actions[${k}] (env ${env}, coordinate ${k % actDim})`, 'a finite number', show(a));
    }
  }
}
