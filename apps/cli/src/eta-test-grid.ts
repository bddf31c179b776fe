// A paper-shaped grid run on a simulated machine, for eta.test.ts: stages with known work, the
// runner's per-kind concurrency limits and dependencies, and cores shared evenly between the stages
// running (each runs at min(1, cores / running) of full speed). It yields the events the progress
// view sees, so the estimate at any time can be compared with the time the grid really had left.
import type { PlannedKind } from './eta';

export interface SimStage {
  id: string;
  kind: string;
  /** Seconds it takes with a core to itself. */
  work: number;
  /** Ids it waits for. */
  after: string[];
  /** Done before the run (a resumed experiment's), or a cache hit when it is reached. */
  done?: boolean;
  cached?: boolean;
}

export interface SimEvent {
  t: number;
  stageId: string;
  kind: string;
  state: string;
  fraction: number;
}

/** Seconds with a core to itself per stage kind, as a Hopper grid on a laptop (trainings of 1M steps). */
export const PAPER_WORK: Record<string, number> = { train: 600, prepare: 45, evaluate: 15, certify: 5 };

/**
 * One paper grid: per point a training, then 6 attacked evaluations + a clean one, 2 certificates and
 * 3 robust-sarsa prepares each followed by its evaluation: 16 stages a point, 160 for 10 points.
 */
export function paperGrid(points: number, work: Record<string, number> = PAPER_WORK): SimStage[] {
  const stages: SimStage[] = [];
  for (let p = 0; p < points; p++) {
    const train = `train-${p}`;
    stages.push({ id: train, kind: 'train', work: work.train!, after: [] });
    for (let e = 0; e < 7; e++) stages.push({ id: `evaluate-${p}-${e}`, kind: 'evaluate', work: work.evaluate!, after: [train] });
    for (let c = 0; c < 2; c++) stages.push({ id: `certify-${p}-${c}`, kind: 'certify', work: work.certify!, after: [train] });
    for (let r = 0; r < 3; r++) {
      stages.push({ id: `prepare-${p}-${r}`, kind: 'prepare', work: work.prepare!, after: [train] });
      stages.push({ id: `evaluate-${p}-rs${r}`, kind: 'evaluate', work: work.evaluate!, after: [`prepare-${p}-${r}`] });
    }
  }
  return stages;
}

/** The grid's stages counted per kind, as the orchestrator sends them (Experiment.stage_kinds). */
export function planOf(stages: SimStage[]): PlannedKind[] {
  const kinds = new Map<string, PlannedKind>();
  for (const s of stages) {
    const k = kinds.get(s.kind) ?? { kind: s.kind, total: 0, done: 0 };
    k.total++;
    if (s.done) k.done++;
    kinds.set(s.kind, k);
  }
  return [...kinds.values()];
}

/**
 * Runs the grid in steps of `dt` seconds: ready stages start in grid order within their kind's
 * limit, a cached one finishes as it is reached; running stages report progress every `reportEvery`
 * seconds. Returns the events in time order and the end time.
 */
export function simulate(
  stages: SimStage[],
  opts: { cores: number; limits: Record<string, number>; dt?: number; reportEvery?: number },
): { events: SimEvent[]; end: number } {
  const dt = opts.dt ?? 1;
  const reportEvery = opts.reportEvery ?? 5;
  const done = new Set(stages.filter((s) => s.done).map((s) => s.id));
  const running = new Map<string, { stage: SimStage; progress: number; lastReport: number }>();
  const waiting = stages.filter((s) => !s.done);
  const events: SimEvent[] = [];
  let t = 0;
  for (;;) {
    // start what is ready (a cache hit finishes at once and may make more ready)
    for (let started = true; started; ) {
      started = false;
      for (const s of [...waiting]) {
        if (!s.after.every((d) => done.has(d))) continue;
        const busy = [...running.values()].filter((r) => r.stage.kind === s.kind).length;
        if (!s.cached && busy >= (opts.limits[s.kind] ?? 1)) continue;
        waiting.splice(waiting.indexOf(s), 1);
        started = true;
        if (s.cached) {
          events.push({ t, stageId: s.id, kind: s.kind, state: 'cached', fraction: 1 });
          done.add(s.id);
        } else {
          events.push({ t, stageId: s.id, kind: s.kind, state: 'running', fraction: 0 });
          running.set(s.id, { stage: s, progress: 0, lastReport: t });
        }
      }
    }
    if (running.size === 0) break;
    t += dt;
    const speed = Math.min(1, opts.cores / running.size);
    for (const [id, r] of [...running]) {
      r.progress += speed * dt;
      if (r.progress >= r.stage.work) {
        running.delete(id);
        done.add(id);
        events.push({ t, stageId: id, kind: r.stage.kind, state: 'succeeded', fraction: 1 });
      } else if (t - r.lastReport >= reportEvery) {
        r.lastReport = t;
        events.push({ t, stageId: id, kind: r.stage.kind, state: 'running', fraction: r.progress / r.stage.work });
      }
    }
  }
  return { events, end: t };
}

/** A recorded timeline ([kind, start s, finish s] per stage that ran) as events, progress linear in time every `reportEvery` s. */
export function replay(timeline: ReadonlyArray<readonly [string, number, number]>, reportEvery = 5): { events: SimEvent[]; end: number } {
  const events: SimEvent[] = [];
  timeline.forEach(([kind, start, finish], i) => {
    const stageId = `stage-${i}`;
    events.push({ t: start, stageId, kind, state: 'running', fraction: 0 });
    for (let t = start + reportEvery; t < finish; t += reportEvery) events.push({ t, stageId, kind, state: 'running', fraction: (t - start) / (finish - start) });
    events.push({ t: finish, stageId, kind, state: 'succeeded', fraction: 1 });
  });
  // at equal times a finish comes first (the runner starts the next stage after one ends)
  events.sort((a, b) => a.t - b.t || Number(b.state === 'succeeded') - Number(a.state === 'succeeded'));
  return { events, end: Math.max(...timeline.map(([, , finish]) => finish)) };
}
