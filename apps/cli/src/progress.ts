// Progress of an experiment's stages on stderr: redrawn bars on a terminal, plain lines otherwise
// (each state change and every 25% of a stage), so logs of non-interactive runs stay readable.
export interface StageProgress {
  stageId: string;
  label: string;
  state: string;
  fraction: number;
  message: string;
}

const WIDTH = 24;

function bar(fraction: number): string {
  const n = Math.max(0, Math.min(WIDTH, Math.round(fraction * WIDTH)));
  return `[${'#'.repeat(n)}${'-'.repeat(WIDTH - n)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
}

export class ProgressView {
  private readonly active = new Map<string, StageProgress>();
  private readonly lastQuarter = new Map<string, number>();
  private drawn = 0;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(p: StageProgress): void {
    const finished = ['succeeded', 'cached', 'failed', 'cancelled'].includes(p.state);
    if (finished) {
      this.active.delete(p.stageId);
      this.done++;
    } else this.active.set(p.stageId, p);
    if (this.out.isTTY) return this.redraw(finished ? p : undefined);
    const quarter = Math.floor(p.fraction * 4);
    if (finished || p.state !== 'running' || quarter !== this.lastQuarter.get(p.stageId)) {
      this.lastQuarter.set(p.stageId, quarter);
      this.out.write(`${this.prefix()} ${p.state.padEnd(9)} ${p.label} ${finished ? '' : bar(p.fraction)} ${p.message}\n`);
    }
  }

  private prefix(): string {
    return `[${this.done}/${this.total}]`;
  }

  private redraw(finished?: StageProgress): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}A\x1b[J`);
    if (finished) this.out.write(`${this.prefix()} ${finished.state.padEnd(9)} ${finished.label}\n`);
    const lines = [...this.active.values()].map((p) => `  ${bar(p.fraction)} ${p.label}  ${p.message}`.slice(0, (this.out.columns || 120) - 1));
    lines.push(`  ${bar(this.total ? this.done / this.total : 0)} all stages (${this.done}/${this.total})`);
    this.out.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
