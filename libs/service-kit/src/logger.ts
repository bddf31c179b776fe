// One JSON log line per event (pino), on stderr so that stdout stays free for CLI output.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(service: string): Logger {
  return pino(
    { name: service, level: process.env.LOG_LEVEL ?? 'info', base: { service, pid: process.pid } },
    pino.destination(2),
  );
}
