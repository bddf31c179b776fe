// Where a service's log lines go: one of its stdio streams, written so that a reader that stalls or
// goes away can neither block the process nor end it. pino's own destination (sonic-boom) retries a
// write that cannot go through every 100 ms for good, and on 'exit' flushes synchronously retrying
// any error, EPIPE included: a service whose stderr reader had stopped reading hung in process.exit
// after SIGTERM as long as the pipe stayed full, and kept retrying EPIPE after the reader died
// (test/closed-stdio.e2e.test.ts). Node's own process.stderr does not block on a pipe or socket
// while the descriptor is non-blocking (libuv queues what the pipe cannot take, and the queue is
// dropped at exit) and reports a closed reader as an 'error' event; this sink stops writing at the
// first such error, and bounds the queue while nobody reads by dropping lines (counted, and reported
// in one line once the reader catches up).
// Non-blocking is a flag of the open file description, shared with every process that inherited it,
// and libuv clears it in any child spawned with stdio 'inherit' (tsx starts esbuild that way on a
// transform-cache miss, i.e. after a source file changed): from then on a write to a full pipe
// blocks the main thread in write(2), where no signal handler can run. So the sink sets the pipe
// non-blocking again before every write (one ioctl; through Node's internal stream handle, the only
// way to reach it; a TTY or file stream is left as Node made it).
import type { Writable } from 'node:stream';

/**
 * Bytes of log lines queued for a reader that is not reading beyond which new lines are dropped
 * (RLPRUNE_LOG_BACKLOG_BYTES): a bound on the memory a stalled reader costs, and still about 4000
 * lines of backlog for one that only lags.
 */
export const DEFAULT_LOG_BACKLOG_BYTES = 1024 * 1024;

export interface LogSink {
  /** Writes one serialized line (pino calls this), or drops it: never throws, never blocks. */
  write(line: string): void;
  /** The stream failed (its reader closed it): nothing more is written to it. */
  readonly closed: boolean;
  /** Lines dropped since the last report because the backlog was full. */
  readonly dropped: number;
}

export interface LogSinkOptions {
  /** See DEFAULT_LOG_BACKLOG_BYTES. */
  backlogBytes?: number;
  /** The line that reports `count` dropped lines, written before the next line once the backlog is empty. */
  droppedLine?: (count: number) => string;
}

// one sink (and one 'error' listener) per stream, however many loggers share it
const sinks = new WeakMap<Writable, LogSink>();

/** The sink for `stream` (e.g. process.stderr); options apply when it is first made. */
export function stdioSink(stream: Writable, opts: LogSinkOptions = {}): LogSink {
  const existing = sinks.get(stream);
  if (existing) return existing;
  const backlogBytes = opts.backlogBytes ?? DEFAULT_LOG_BACKLOG_BYTES;
  let closed = false;
  let dropped = 0;
  // a lasting listener: with none, an EPIPE (or a write after it) would be an uncaught exception
  stream.on('error', () => {
    closed = true;
  });
  const put = (line: string) => {
    try {
      pipeHandle(stream)?.setBlocking(false);
      stream.write(line);
    } catch {
      // a stream that throws synchronously (a file stream on a full disk) is as good as closed
      closed = true;
    }
  };
  const sink: LogSink = {
    write(line) {
      if (closed || stream.destroyed) {
        closed = true;
        return;
      }
      if (stream.writableLength > backlogBytes) {
        dropped++;
        return;
      }
      if (dropped > 0 && stream.writableLength === 0) {
        if (opts.droppedLine) put(opts.droppedLine(dropped));
        dropped = 0;
      }
      put(line);
    },
    get closed() {
      return closed;
    },
    get dropped() {
      return dropped;
    },
  };
  sinks.set(stream, sink);
  return sink;
}

interface BlockingControl {
  setBlocking(blocking: boolean): number;
}

/** The libuv handle of a stdio stream that Node opened on a pipe or socket, or undefined. */
function pipeHandle(stream: Writable): BlockingControl | undefined {
  const internal = stream as Writable & { _type?: string; _handle?: Partial<BlockingControl> | null };
  const handle = internal._handle;
  return internal._type === 'pipe' && typeof handle?.setBlocking === 'function' ? (handle as BlockingControl) : undefined;
}
