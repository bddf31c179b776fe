// One JSON log line per event (pino), on stderr so that stdout stays free for CLI output. The lines
// go through a sink (log-sink.ts) rather than pino's own destination, so that a stderr nobody reads
// any more never keeps a service from stopping.
import pino from 'pino';
import { envInt } from './config';
import { DEFAULT_LOG_BACKLOG_BYTES, stdioSink } from './log-sink';

export type Logger = pino.Logger;

export function createLogger(service: string): Logger {
  const sink = stdioSink(process.stderr, {
    backlogBytes: envInt('RLPRUNE_LOG_BACKLOG_BYTES', DEFAULT_LOG_BACKLOG_BYTES),
    // in the logger's own format, written directly: the sink is not re-entered from inside a write
    droppedLine: (dropped) =>
      `${JSON.stringify({ level: pino.levels.values.warn, time: Date.now(), service, pid: process.pid, name: service, dropped, msg: `${dropped} log lines dropped while stderr was not being read` })}\n`,
  });
  return pino({ name: service, level: process.env.LOG_LEVEL ?? 'info', base: { service, pid: process.pid } }, sink);
}
