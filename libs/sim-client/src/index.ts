export { RemoteVecEnv } from './remote-vec-env';
export type { RemoteVecEnvOptions, RemoteVecStep } from './remote-vec-env';
export { encodeStepResponse } from './step-codec';
