export { RemoteVecEnv, sessionBusyPollUs, DEFAULT_CLIENT_BUSY_POLL_US } from './remote-vec-env';
export type { RemoteVecEnvOptions, RemoteVecStep } from './remote-vec-env';
