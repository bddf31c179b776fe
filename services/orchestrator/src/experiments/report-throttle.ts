// Rewrites a running experiment's report as its stages finish, throttled so that a big grid does
// not spend its time writing reports: after a write, the next waits at least minIntervalMs and
// at least costFactor times as long as the last write took (so writing costs at most 1/costFactor
// of the time). Stages finishing meanwhile are folded into the one pending write.

export interface ThrottleOptions {
  /** Shortest time between two writes of one experiment's report (default 5 s). */
  minIntervalMs: number;
  /** The gap after a write is at least this many times its duration (default 50: <= 2% of the time). */
  costFactor: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { minIntervalMs: 5_000, costFactor: 50 };

interface State {
  lastEnd: number;
  lastDuration: number;
  timer: NodeJS.Timeout | null;
}

export class ReportThrottle {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly write: (experimentId: string) => void,
    private readonly onError: (experimentId: string, err: unknown) => void,
    private readonly opts: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A stage of the experiment finished: schedule a rewrite unless one is pending. */
  stageFinished(experimentId: string): void {
    const s = this.states.get(experimentId) ?? { lastEnd: -Infinity, lastDuration: 0, timer: null };
    this.states.set(experimentId, s);
    if (s.timer) return;
    const due = s.lastEnd + Math.max(this.opts.minIntervalMs, this.opts.costFactor * s.lastDuration);
    const delay = Math.max(0, due - this.now());
    s.timer = setTimeout(() => {
      s.timer = null;
      const start = this.now();
      try {
        this.write(experimentId);
      } catch (err) {
        this.onError(experimentId, err);
      }
      s.lastEnd = this.now();
      s.lastDuration = s.lastEnd - start;
    }, delay);
    s.timer.unref();
  }

  /** The experiment ended (its final report is written by the caller): drop any pending write. */
  stop(experimentId: string): void {
    const s = this.states.get(experimentId);
    if (s?.timer) clearTimeout(s.timer);
    this.states.delete(experimentId);
  }
}
