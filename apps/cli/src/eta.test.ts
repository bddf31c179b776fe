// The ETA against the time really left, on grids whose every stage time is known: paper-shaped grids
// run on a simulated 2-core machine (eta-test-grid.ts) and two grids rlprune ran, replayed from their
// ledgers. The estimator sees the events the progress view sees, on a clock the test moves, and is
// read every 30 s. The first estimate (elapsed / stages that ran x stages left) is run beside it on
// the same events to show what these checks catch.
import { describe, expect, it } from 'vitest';
import { EtaEstimator, type Eta } from './eta';
import { paperGrid, planOf, replay, simulate, type SimEvent, type SimStage } from './eta-test-grid';
import recorded from './fixtures/eta-timelines.json';

const LIMITS = { train: 2, evaluate: 2, certify: 2, prepare: 1 };
const TOLERANCE = 1.5;
/**
 * Seconds left below which the simulated grids are not held to 1.5x: the last minutes are a serial
 * chain of prepared attacks on an otherwise idle machine, which the estimate (costs measured while the
 * machine was shared) puts at ~0.65x (eta.ts's header).
 */
const CHECKED_UNTIL = 300;

interface Sample {
  t: number;
  eta: Eta | null;
  /** Seconds really left. */
  left: number;
  /** The first estimate's seconds left, or null where it said "unknown". */
  naive: number | null;
  /** Every kind with stages left has had one finish in this view. */
  kindsKnown: boolean;
}

/** Feeds the events to an estimator and samples it every `every` seconds until `end`. */
function follow(events: SimEvent[], end: number, total: number, opts: { plan?: SimStage[]; every?: number } = {}): Sample[] {
  let now = 0;
  const alreadyDone = opts.plan?.filter((s) => s.done).length ?? 0;
  const eta = new EtaEstimator(total, alreadyDone, () => now * 1000);
  if (opts.plan) eta.plan(planOf(opts.plan));
  const left = new Map<string, number>();
  for (const s of opts.plan ?? []) if (!s.done) left.set(s.kind, (left.get(s.kind) ?? 0) + 1);
  const finishedKinds = new Set<string>();
  let ran = 0;
  let finished = 0;
  let next = 0;
  const samples: Sample[] = [];
  for (let t = 0; t < end; t += opts.every ?? 30) {
    for (; next < events.length && events[next]!.t <= t; next++) {
      const e = events[next]!;
      now = e.t;
      eta.observe(e.stageId, e.kind, e.state, e.fraction);
      if (e.state === 'running') continue;
      finished++;
      left.set(e.kind, (left.get(e.kind) ?? 0) - 1);
      if (e.state === 'succeeded') {
        ran++;
        finishedKinds.add(e.kind);
      }
    }
    now = t;
    const stagesLeft = total - alreadyDone - finished;
    samples.push({
      t,
      eta: eta.estimate(),
      left: end - t,
      naive: ran === 0 ? null : (t / ran) * stagesLeft,
      kindsKnown: [...left].every(([kind, n]) => n <= 0 || finishedKinds.has(kind)),
    });
  }
  return samples;
}

const within = (estimate: number, truth: number) => estimate <= truth * TOLERANCE && estimate >= truth / TOLERANCE;

describe('EtaEstimator on a simulated paper grid', () => {
  it('gives a lower bound from the first minute while trainings run, then stays within 1.5x of the time left', () => {
    const grid = paperGrid(10);
    const { events, end } = simulate(grid, { cores: 2, limits: LIMITS });
    expect(end / 60).toBeGreaterThan(60); // an hour's grid, trainings first
    const samples = follow(events, end, grid.length, { plan: grid });

    for (const s of samples.filter((x) => x.t >= 60)) expect(s.eta, `estimate at ${s.t} s`).not.toBeNull();
    // while only trainings have run, it says what it knows as a lower bound
    const othersFrom = events.find((e) => e.kind !== 'train')!.t;
    const early = samples.filter((s) => s.t >= 60 && s.t < othersFrom);
    expect(early.length).toBeGreaterThan(10); // the first trainings take ~10 min
    for (const s of early) expect(s.eta!.atLeast).toBe(true);
    for (const s of samples.filter((x) => x.eta?.atLeast)) expect(s.eta!.ms / 1000, `lower bound at ${s.t} s`).toBeLessThanOrEqual(s.left);
    const known = samples.filter((s) => s.kindsKnown && s.left >= CHECKED_UNTIL);
    expect(known.length).toBeGreaterThan(50);
    for (const s of known) {
      expect(s.eta!.atLeast).toBe(false);
      expect(within(s.eta!.ms / 1000, s.left), `ETA ${Math.round(s.eta!.ms / 1000)} s at ${s.t} s with ${s.left} s left`).toBe(true);
    }
    // the first estimate said "unknown" through the first trainings and was off by more than 1.5x after
    expect(samples.filter((s) => s.t >= 60 && s.naive === null).length).toBeGreaterThan(10);
    expect(known.filter((s) => s.naive !== null && !within(s.naive, s.left)).length).toBeGreaterThan(0);
  });

  it('counts a resumed grid\'s done stages as done and its cached stages as taking no time', () => {
    // points 0-5 finished before; of points 6-9 the attacked evaluations without robust sarsa and the
    // first of the three prepared attacks come from the cache
    const grid: SimStage[] = paperGrid(10).map((s) => {
      const point = Number(s.id.split('-')[1]);
      if (point < 6) return { ...s, done: true };
      const cached = /^evaluate-\d+-[1-6]$/.test(s.id) || /^prepare-\d+-0$/.test(s.id);
      return cached ? { ...s, cached: true } : s;
    });
    const { events, end } = simulate(grid, { cores: 2, limits: LIMITS });
    const samples = follow(events, end, grid.length, { plan: grid });
    const known = samples.filter((s) => s.kindsKnown && s.left >= CHECKED_UNTIL);
    expect(known.length).toBeGreaterThan(15);
    for (const s of known) expect(within(s.eta!.ms / 1000, s.left), `ETA ${Math.round(s.eta!.ms / 1000)} s at ${s.t} s with ${s.left} s left`).toBe(true);
    // the cached stages finish in bursts as trainings end, without work: counting them as stages that
    // ran would put the estimate far below the time left
    expect(events.filter((e) => e.state === 'cached').length).toBe(4 * (6 + 1));
  });

  it('says "at least" from the kinds it knows while another kind has nothing finished or running', () => {
    // two trainings, each followed by four evaluations; four certificates only after every evaluation
    const grid: SimStage[] = [];
    for (let p = 0; p < 2; p++) {
      grid.push({ id: `train-${p}`, kind: 'train', work: 300, after: [] });
      for (let e = 0; e < 4; e++) grid.push({ id: `evaluate-${p}-${e}`, kind: 'evaluate', work: 20, after: [`train-${p}`] });
    }
    const evaluations = grid.filter((s) => s.kind === 'evaluate').map((s) => s.id);
    for (let c = 0; c < 4; c++) grid.push({ id: `certify-${c}`, kind: 'certify', work: 60, after: evaluations });
    const { events, end } = simulate(grid, { cores: 2, limits: LIMITS });
    const certifyFrom = events.find((e) => e.kind === 'certify')!.t;
    const samples = follow(events, end, grid.length, { plan: grid, every: 10 });
    const before = samples.filter((s) => s.t >= 30 && s.t < certifyFrom);
    expect(before.length).toBeGreaterThan(20);
    // (unknown only for the moments after the trainings end, before an evaluation has made 5%)
    expect(before.filter((s) => s.eta === null).length).toBeLessThanOrEqual(1);
    for (const s of before.filter((x) => x.eta !== null)) {
      expect(s.eta!.atLeast).toBe(true);
      expect(s.eta!.ms / 1000).toBeLessThanOrEqual(s.left);
    }
    // once an evaluation has finished, what it covers (trainings and evaluations) it estimates within 1.5x
    const evaluated = events.find((e) => e.kind === 'evaluate' && e.state === 'succeeded')!.t;
    const covered = before.filter((s) => s.t >= evaluated);
    expect(covered.length).toBeGreaterThan(3);
    for (const s of covered) expect(within(s.eta!.ms / 1000, certifyFrom - s.t), `at ${s.t} s`).toBe(true);
    expect(samples.find((s) => s.t >= certifyFrom + 30)!.eta!.atLeast).toBe(false);
  });

  it('without the stage list (an orchestrator at --address) stays a lower bound until it has seen every stage', () => {
    const grid = paperGrid(2);
    const { events, end } = simulate(grid, { cores: 2, limits: LIMITS });
    const samples = follow(events, end, grid.length);
    const lastFirstSight = Math.max(...grid.map((s) => events.find((e) => e.stageId === s.id)!.t));
    const unseen = samples.filter((x) => x.t >= 60 && x.t < lastFirstSight);
    expect(unseen.length).toBeGreaterThan(10);
    // (between kinds, when the last training has finished and nothing else has progress yet, it may know nothing)
    for (const s of unseen) expect(s.eta === null || s.eta.atLeast, `at ${s.t} s`).toBe(true);
  });
});

describe('EtaEstimator on one stage', () => {
  it('extrapolates a stage it joined under way from the progress made since', () => {
    let t = 0;
    const eta = new EtaEstimator(1, 0, () => t);
    eta.observe('s', 'train', 'running', 0.5);
    t = 60_000;
    eta.observe('s', 'train', 'running', 0.75);
    // a quarter in 60 s: the last quarter takes 60 s more
    expect(eta.estimate()).toEqual({ ms: 60_000, atLeast: false });
  });

  it('takes a stage that comes from the cache off what is left, and leaves its kind\'s cost as it was', () => {
    let t = 0;
    const eta = new EtaEstimator(8, 2, () => t);
    eta.plan([{ kind: 'evaluate', total: 8, done: 2 }]);
    eta.observe('a', 'evaluate', 'running', 0);
    t = 60_000;
    eta.observe('a', 'evaluate', 'succeeded', 1);
    const before = eta.estimate();
    expect(before).toEqual({ ms: 5 * 60_000, atLeast: false });
    for (const id of ['x1', 'x2', 'x3']) eta.observe(id, 'evaluate', 'cached', 1);
    expect(eta.estimate()).toEqual({ ms: 2 * 60_000, atLeast: false });
  });

  it('has no estimate before a stage has made 5% progress, and none left for a retried stage until it runs again', () => {
    let t = 0;
    const eta = new EtaEstimator(1, 0, () => t);
    eta.observe('s', 'prepare', 'running', 0);
    t = 10_000;
    eta.observe('s', 'prepare', 'running', 0.04);
    expect(eta.estimate()).toBeNull();
    eta.observe('s', 'prepare', 'running', 0.1);
    expect(eta.estimate()).toEqual({ ms: 90_000, atLeast: false });
    eta.observe('s', 'prepare', 'pending', 0);
    expect(eta.estimate()).toBeNull();
  });
});

describe('EtaEstimator on grids rlprune ran', () => {
  // A real machine's speed drifts (other runs start and stop; on the Hopper grid the later trainings ran
  // 3x faster than the first), which no estimate from what ran so far can know: these hold it to
  // beating the first estimate clearly (median and 90th percentile of the factor it is off by) rather
  // than to 1.5x everywhere. Measured: Hopper median 1.87x against 2.70x, p90 2.6x against 5.0x;
  // HalfCheetah resumed 1.12x against 1.37x, p90 1.33x against 1.61x.
  for (const recording of recorded.timelines) {
    it(`${recording.name}: never unknown after the first minute, and nearer the time left than the first estimate`, () => {
      const timeline = recording.timeline as Array<[string, number, number]>;
      const { events, end } = replay(timeline);
      const done = Object.entries(recording.doneBefore as Record<string, number>).flatMap(([kind, n]) =>
        Array.from({ length: n }, (_, i): SimStage => ({ id: `done-${kind}-${i}`, kind, work: 0, after: [], done: true })),
      );
      const plan: SimStage[] = [...timeline.map(([kind], i): SimStage => ({ id: `stage-${i}`, kind, work: 0, after: [] })), ...done];
      const samples = follow(events, end, recording.total, { plan });
      expect(samples.filter((s) => s.t >= 60 && s.eta === null)).toEqual([]);
      const scored = samples.filter((s) => s.naive !== null && s.left >= 120);
      expect(scored.length).toBeGreaterThan(30);
      // the factor an estimate is off by (>= 1 either way) at quantile q of the samples
      const factor = (estimates: number[], q: number) =>
        Math.exp(estimates.map((e, i) => Math.abs(Math.log(e / scored[i]!.left))).sort((a, b) => a - b)[Math.floor(scored.length * q)]!);
      const ours = scored.map((s) => s.eta!.ms / 1000);
      const naive = scored.map((s) => s.naive!);
      expect(factor(ours, 0.5)).toBeLessThan(factor(naive, 0.5) / 1.15);
      expect(factor(ours, 0.9)).toBeLessThan(factor(naive, 0.9));
    });
  }
});
