// Time left in an experiment, from its stages' kinds. The first estimate (elapsed / stages that ran,
// times stages left) treated every stage as the same size and the stages as run one after another.
// A paper grid is nothing like that: ten ~10-minute trainings run first, two at a time, while dozens
// of ~30 s evaluations and seconds-long certificates run beside them, so it said "ETA unknown" for the
// first ~20 minutes (no stage had finished) and then, once quick evaluations finished first, numbers
// like `[74/160 1m02s elapsed, ETA 14m53s]` with ~45 minutes left.
//
// Here every stage has a kind (train, prune, prepare, evaluate, certify), and how many stages of each
// kind the experiment has and how many are done is known up front (the orchestrator's count per kind,
// stage-plan.ts; from an orchestrator too old to send it, only the stages the event stream has shown
// so far). A stage's first event takes one of the planned stages of its kind not yet seen (the
// orchestrator sends events only for stages it runs). Stages of a kind differ little in work, but
// their wall time depends on what runs beside them: on a replayed Hopper grid a robust-sarsa prepare
// took 500 s beside two trainings and 30 s in the grid's tail. So a stage is measured by its share of
// the machine: each wall second is split evenly between the stages running in it (parallelism
// observed, stage by stage), and a stage's cost is the sum of its shares. The costs of the stages
// that ran add up to the busy wall time, so the remaining costs add up to the remaining wall time
// as long as the machine stays busy.
// A kind's stage cost is the (recency-weighted) mean of its stages finished in this view; before one
// has finished, its running stages' cost so far / the progress they made (once past `minFraction`).
// A running stage's part left comes from its own progress where it has made some. Cached stages
// took no time and count as done without entering any mean; a resumed experiment's stages done
// before count as done. A kind with stages left and no estimate makes the answer a lower bound
// ("ETA >= ..."), from the kinds that have one.
//
// What it does not know: the order stages can run in, and how the machine's speed will drift.
// Prepared attacks run one at a time after their trainings, so a grid's tail can be a serial chain
// on an idle machine, where costs measured while it was shared come out short: on a simulated 2-core
// paper grid (eta.test.ts) the estimate stays within 1.5x from when every kind has had a stage
// finish until the last 5 minutes, and falls to ~0.65x in them. Replaying two grids rlprune ran on
// the shared 2-core development machine (fixtures/eta-timelines.json), it was off by a median 1.87x
// (the first estimate 2.70x) on a Hopper grid whose later trainings ran 3x faster than its first
// (probably as other runs on the machine ended), and 1.12x (1.37x) on a resumed HalfCheetah grid.

/** Tuning of the estimate. */
export interface EtaOptions {
  /**
   * Progress fraction a running stage must have made in this view before its cost so far / progress
   * is taken as its whole cost: a training's first iterations include start-up and say little. Default 0.05.
   */
  minFraction: number;
  /**
   * Weight of each newly finished stage in its kind's running average of costs (an exponentially
   * weighted mean in the order stages finished): the machine's load drifts over hours (other runs
   * start and stop), and on a replayed Hopper grid whose later trainings ran 3x faster than its first
   * this kept more of the estimates within 1.5x than the plain mean (about half against a fifth). Default 0.3.
   */
  recentWeight: number;
}

export const ETA_DEFAULTS: EtaOptions = { minFraction: 0.05, recentWeight: 0.3 };

/** The experiment's stages of one kind as known when the view starts (stage-plan.ts). */
export interface PlannedKind {
  kind: string;
  /** Stages of this kind in the experiment. */
  total: number;
  /** Of them, finished before this view started (a resumed experiment's done stages). */
  done: number;
}

/** What is known of the time left. */
export interface Eta {
  /** Wall-clock milliseconds left. */
  ms: number;
  /** True when some stages have no estimate yet (their kind has none, or their kind is unknown), so `ms` only covers the others. */
  atLeast: boolean;
}

type Phase = 'pending' | 'running' | 'ran' | 'cached' | 'failed' | 'cancelled';

interface Stage {
  kind: string;
  phase: Phase;
  /** Fraction when this view saw the running attempt start: 0 from its start, more when it joined under way. */
  startFraction: number;
  fraction: number;
  /** Share of the machine the running attempt has had (ms). */
  attemptCost: number;
}

const FINISHED_STATES: Record<string, Phase> = { succeeded: 'ran', cached: 'cached', failed: 'failed', cancelled: 'cancelled' };

export class EtaEstimator {
  private readonly stages = new Map<string, Stage>();
  private readonly running = new Set<Stage>();
  /** Stages not started, per kind (the planned ones not seen yet among them). */
  private readonly pending = new Map<string, number>();
  /** Planned stages not done before that no event has shown yet, per kind. */
  private readonly unseen = new Map<string, number>();
  /** Recency-weighted mean cost of the stages of each kind that finished in this view (ms). */
  private readonly finishedCost = new Map<string, number>();
  /** Stages the plan counts, and of them those done before this view. */
  private planned = 0;
  private doneBefore = 0;
  /** Stages shown by events beyond those the plan counts (every stage when there is no plan). */
  private unplanned = 0;
  private last: number;

  /** `total` stages in the experiment, `alreadyDone` of them finished before this view. */
  constructor(
    private readonly total: number,
    private readonly alreadyDone: number,
    private readonly now: () => number = Date.now,
    private readonly opts: EtaOptions = ETA_DEFAULTS,
  ) {
    this.last = now();
  }

  /** How many stages of each kind the experiment has and how many are done, as known up front; call once, before any event. */
  plan(kinds: readonly PlannedKind[]): void {
    for (const k of kinds) {
      const done = Math.min(Math.max(0, k.done), k.total);
      this.planned += k.total;
      this.doneBefore += done;
      this.unseen.set(k.kind, (this.unseen.get(k.kind) ?? 0) + k.total - done);
      this.pending.set(k.kind, (this.pending.get(k.kind) ?? 0) + k.total - done);
    }
  }

  /** A stage event: its kind ('' when unknown), state and progress fraction. */
  observe(stageId: string, kind: string, state: string, fraction: number): void {
    this.advance();
    const s = this.stages.get(stageId) ?? this.add(stageId, kind);
    const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
    if (state === 'running') {
      if (s.phase !== 'running') {
        s.startFraction = f;
        s.fraction = f;
        s.attemptCost = 0;
        this.enter(s, 'running');
      }
      s.fraction = Math.max(s.fraction, f);
      return;
    }
    // a finished attempt, or 'pending' again: a retry after a transient failure
    const next = FINISHED_STATES[state] ?? 'pending';
    if (next === 'ran' && s.phase === 'running') {
      const cost = s.attemptCost / (1 - s.startFraction || 1);
      const avg = this.finishedCost.get(s.kind);
      const w = this.opts.recentWeight;
      this.finishedCost.set(s.kind, avg === undefined ? cost : avg * (1 - w) + cost * w);
    }
    this.enter(s, next);
  }

  /** Time left, or null when no stage left has an estimate. */
  estimate(): Eta | null {
    this.advance();
    const costs = this.kindCosts();
    const known = this.planned - this.doneBefore + this.unplanned;
    let atLeast = this.total - Math.max(this.alreadyDone, this.doneBefore) - known > 0;
    let left = 0;
    let estimated = false;
    for (const s of this.running) {
      const own = this.ownCost(s);
      const kindCost = costs.get(s.kind);
      if (own !== null) left += own * (1 - s.fraction);
      else if (kindCost !== undefined) left += Math.max(0, kindCost * (1 - s.startFraction) - s.attemptCost);
      else {
        atLeast = true;
        continue;
      }
      estimated = true;
    }
    for (const [kind, n] of this.pending) {
      if (n === 0) continue;
      const kindCost = costs.get(kind);
      if (kindCost === undefined) atLeast = true;
      else {
        left += n * kindCost;
        estimated = true;
      }
    }
    return estimated ? { ms: left, atLeast } : null;
  }

  /** A stage seen for the first time: one of its kind's planned stages, or one the plan did not count. */
  private add(id: string, kind: string): Stage {
    const s: Stage = { kind, phase: 'pending', startFraction: 0, fraction: 0, attemptCost: 0 };
    this.stages.set(id, s);
    const unseen = this.unseen.get(kind) ?? 0;
    if (unseen > 0) this.unseen.set(kind, unseen - 1);
    else {
      this.unplanned++;
      this.pending.set(kind, (this.pending.get(kind) ?? 0) + 1);
    }
    return s;
  }

  /** Moves a stage to another phase, keeping the pending counts and the running set. */
  private enter(s: Stage, phase: Phase): void {
    if (s.phase === 'pending') this.pending.set(s.kind, (this.pending.get(s.kind) ?? 0) - 1);
    if (s.phase === 'running') this.running.delete(s);
    s.phase = phase;
    if (phase === 'pending') this.pending.set(s.kind, (this.pending.get(s.kind) ?? 0) + 1);
    if (phase === 'running') this.running.add(s);
  }

  /** Splits the wall time since the last call evenly between the stages running in it. */
  private advance(): void {
    const t = this.now();
    const dt = t - this.last;
    this.last = t;
    if (dt <= 0 || this.running.size === 0) return;
    for (const s of this.running) s.attemptCost += dt / this.running.size;
  }

  /** A running stage's whole cost from its own progress, or null before it has made `minFraction` in this view. */
  private ownCost(s: Stage): number | null {
    const moved = s.fraction - s.startFraction;
    return moved >= this.opts.minFraction ? s.attemptCost / moved : null;
  }

  /** Each kind's stage cost: its finished stages', else the mean of its running stages' from their progress. */
  private kindCosts(): Map<string, number> {
    const extrapolated = new Map<string, number[]>();
    for (const s of this.running) {
      const cost = this.ownCost(s);
      if (cost !== null) extrapolated.set(s.kind, [...(extrapolated.get(s.kind) ?? []), cost]);
    }
    const costs = new Map<string, number>();
    for (const [kind, xs] of extrapolated) costs.set(kind, xs.reduce((a, b) => a + b, 0) / xs.length);
    for (const [kind, cost] of this.finishedCost) costs.set(kind, cost);
    return costs;
  }
}
