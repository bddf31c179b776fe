// Progress of an experiment's stages on stderr: redrawn bars on a terminal, plain lines otherwise
// (each state change and every 25% of a stage), so logs of non-interactive runs stay readable. The
// overall line has the elapsed time and an ETA from the stages' kinds (eta.ts); a finished stage
// shows its headline number; the end says how many stages ran and how many came from the cache.
import { EtaEstimator, type PlannedKind } from './eta';

export interface StageProgress {
  stageId: string;
  /** train, prune, prepare, evaluate, certify; '' or absent when not known. */
  kind?: string;
  label: string;
  state: string;
  fraction: number;
  message: string;
  /** A finished stage's headline number (stage-describer.ts), or "". */
  headline?: string;
}

const WIDTH = 24;
const FINISHED = new Set(['succeeded', 'cached', 'failed', 'cancelled']);

function bar(fraction: number): string {
  const n = Math.max(0, Math.min(WIDTH, Math.round(fraction * WIDTH)));
  return `[${'#'.repeat(n)}${'-'.repeat(WIDTH - n)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
}

/** "42s", "3m05s", "1h02m". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class ProgressView {
  private readonly active = new Map<string, StageProgress>();
  private readonly lastQuarter = new Map<string, number>();
  private readonly counts = { succeeded: 0, cached: 0, failed: 0, cancelled: 0 };
  private readonly started: number;
  private readonly eta: EtaEstimator;
  private drawn = 0;

  /**
   * `alreadyDone`: stages finished before this view started (a resumed experiment's); they count as
   * done but not towards the ETA. `plan`: how many stages of each kind the experiment has and how
   * many of them are done, when known up front.
   */
  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
    private readonly alreadyDone = 0,
    plan: readonly PlannedKind[] = [],
  ) {
    this.started = now();
    this.eta = new EtaEstimator(total, alreadyDone, now);
    this.eta.plan(plan);
  }

  private get finishedHere(): number {
    return this.counts.succeeded + this.counts.cached + this.counts.failed + this.counts.cancelled;
  }

  update(p: StageProgress): void {
    this.eta.observe(p.stageId, p.kind ?? '', p.state, p.fraction);
    const finished = FINISHED.has(p.state);
    if (finished) {
      this.active.delete(p.stageId);
      this.counts[p.state as keyof typeof this.counts]++;
    } else this.active.set(p.stageId, p);
    if (this.out.isTTY) return this.redraw(finished ? p : undefined);
    const quarter = Math.floor(p.fraction * 4);
    if (finished || p.state !== 'running' || quarter !== this.lastQuarter.get(p.stageId)) {
      this.lastQuarter.set(p.stageId, quarter);
      const detail = finished ? (p.headline || p.message) : `${bar(p.fraction)} ${p.message}`;
      this.out.write(`${this.prefix()} ${p.state.padEnd(9)} ${p.label}  ${detail}`.trimEnd() + '\n');
    }
  }

  /** Elapsed time and ETA of the whole experiment. */
  timing(): string {
    const elapsed = this.now() - this.started;
    const left = this.total - this.alreadyDone - this.finishedHere;
    const e = left <= 0 ? null : this.eta.estimate();
    const eta = left <= 0 ? 'done' : e === null ? 'ETA unknown' : `ETA ${e.atLeast ? '>= ' : ''}${duration(e.ms)}`;
    return `${duration(elapsed)} elapsed, ${eta}`;
  }

  /** How many stages ran and how many came from the cache, for the end of a run. */
  summary(): string {
    const { succeeded, cached, failed, cancelled } = this.counts;
    const extra = [failed ? `${failed} failed` : '', cancelled ? `${cancelled} cancelled` : '', this.alreadyDone ? `${this.alreadyDone} done before` : ''].filter(Boolean);
    return `${succeeded + failed} stage${succeeded + failed === 1 ? '' : 's'} ran, ${cached} came from the cache${extra.length ? ` (${extra.join(', ')})` : ''}; ${duration(this.now() - this.started)}`;
  }

  private prefix(): string {
    return `[${this.alreadyDone + this.finishedHere}/${this.total} ${this.timing()}]`;
  }

  private redraw(finished?: StageProgress): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}A\x1b[J`);
    if (finished) this.out.write(`${finished.state.padEnd(9)} ${finished.label}  ${finished.headline || finished.message}`.trimEnd() + '\n');
    const width = (this.out.columns || 120) - 1;
    const lines = [...this.active.values()].map((p) => `  ${bar(p.fraction)} ${p.label}  ${p.message}`.slice(0, width));
    const done = this.alreadyDone + this.finishedHere;
    lines.push(`  ${bar(this.total ? done / this.total : 0)} all stages (${done}/${this.total}), ${this.timing()}`.slice(0, width));
    this.out.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
