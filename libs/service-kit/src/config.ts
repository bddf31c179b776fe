// Reads a service's listening address from the environment. A bad value is a start-up error that
// names the variable (the process exits 2 with that one line).

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ListenConfig {
  host: string;
  port: number;
}

/** HOST (default 127.0.0.1) and PORT (default `defaultPort`; 0 picks a free port). */
export function listenConfig(defaultPort: number, env: NodeJS.ProcessEnv = process.env): ListenConfig {
  const host = env.HOST && env.HOST.length > 0 ? env.HOST : '127.0.0.1';
  const raw = env.PORT;
  if (raw === undefined || raw === '') return { host, port: defaultPort };
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT: expected an integer in [0, 65535], got ${JSON.stringify(raw)}`);
  }
  return { host, port: Number(raw) };
}

/** A duration in milliseconds from the environment, with a default. */
export function envMs(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new ConfigError(`${name}: expected a non-negative number of milliseconds, got ${JSON.stringify(raw)}`);
  return v;
}

/** A positive integer from the environment, with a default. */
export function envInt(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    const what = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new ConfigError(`${name}: expected ${what}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}
