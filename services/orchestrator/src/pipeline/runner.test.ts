import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { parseSpec } from '../spec/experiment-spec';
import type { StageContext, StageExecutors } from './executors';
import { expandGrid } from './grid';
import { certificate, evaluation, pruneResult, trainResult } from './stage-result-fixtures';
import type { StageKind, StageResult } from './stage-types';
import { gridPointResults } from './results';
import { ExperimentRunner } from './runner';

const spec = parseSpec(`
name: r
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
attacks: [{ name: random }, { name: rs, sweep: [] }]
`);

// Stage work that records what ran and derives outputs from inputs, as real services would.
function recordingExecutors(log: string[], failOnce = new Set<StageKind>()): StageExecutors {
  const make =
    <K extends StageKind>(kind: K, out: (ctx: StageContext<K>) => StageResult[K]) =>
    async (ctx: StageContext<K>) => {
      if (failOnce.delete(kind)) throw Object.assign(new Error('service restarting'), { code: 14, details: 'connection refused' });
      log.push(kind);
      return { result: out(ctx), metrics: { x: 1 } };
    };
  return {
    train: make('train', () => trainResult('p-dense')),
    prune: make('prune', (c) => pruneResult(`${c.inputs.policy!.policy}-pruned`)),
    prepare: make('prepare', (c) => ({ prepared: `q-for-${c.inputs.policy!.policy}` })),
    // an attacked evaluation records the prepared artifact it saw where a clean one names its states
    evaluate: make('evaluate', (c) => evaluation(1, 0, c.params.state_sample ? 's' : (c.inputs.prepared?.prepared ?? null))),
    // the layers record which states the certificate bounded
    certify: make('certify', (c) => certificate(c.params.epsilon, { layers: [c.inputs.states!.states] })),
  };
}

function setup(s = spec) {
  const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runner-')), 'l.sqlite'));
  const grid = expandGrid(s, () => 0.05);
  return { ledger, grid, id: ledger.createExperiment('r', '', s, grid) };
}

const fast = { concurrency: { train: 1, prune: 2, prepare: 1, evaluate: 2, certify: 2 }, retryBudgetMs: 60_000, maxAttempts: 3, backoffMs: 1, maxBackoffMs: 4, version: 't' };

describe('ExperimentRunner', () => {
  it('runs every stage once after its inputs, feeding results forward', async () => {
    const { ledger, grid, id } = setup();
    const log: string[] = [];
    const runner = new ExperimentRunner(ledger, recordingExecutors(log), fast);
    expect(await runner.run(id)).toBe('succeeded');
    expect(log).toHaveLength(grid.stages.size);
    expect(log[0]).toBe('train');
    const stages = ledger.stages(id);
    expect(stages.every((s) => s.state === 'succeeded' && s.runs === 1)).toBe(true);
    const rsEval = stages.find((s) => s.label.startsWith('evaluate rs') && s.deps.policy === stages.find((p) => p.kind === 'prune')!.id)!;
    expect(rsEval.result).toMatchObject({ states: 'q-for-p-dense-pruned' });
    expect(stages.filter((s) => s.kind === 'certify').every((s) => (s.result!.layers as unknown[])[0] === 's')).toBe(true);
  });

  it('retries a stage whose service was unavailable, recording both attempts', async () => {
    const { ledger, id } = setup();
    const log: string[] = [];
    const runner = new ExperimentRunner(ledger, recordingExecutors(log, new Set(['prune'])), fast);
    expect(await runner.run(id)).toBe('succeeded');
    const prune = ledger.stages(id).find((s) => s.kind === 'prune')!;
    expect(prune).toMatchObject({ attempts: 2, runs: 1, state: 'succeeded' });
  });

  it('fails for good on a non-retryable error and leaves dependents pending', async () => {
    const { ledger, id } = setup();
    const execs = recordingExecutors([]);
    execs.prune = async () => {
      throw Object.assign(new Error('bad'), { code: 3, details: 'sparsity: must be < 1' });
    };
    const runner = new ExperimentRunner(ledger, execs, fast);
    expect(await runner.run(id)).toBe('failed');
    const stages = ledger.stages(id);
    expect(stages.find((s) => s.kind === 'prune')).toMatchObject({ state: 'failed', error: 'sparsity: must be < 1', attempts: 1 });
    expect(stages.filter((s) => s.deps.policy === stages.find((p) => p.kind === 'prune')!.id).every((s) => s.state === 'pending')).toBe(true);
  });

  it('retries an unavailable service for its time budget, however many attempts that takes, and no longer', async () => {
    const failing = (code: number, failures: number) => {
      const { ledger, id } = setup();
      const execs = recordingExecutors([]);
      const train = execs.train;
      let calls = 0;
      execs.train = async (ctx) => {
        calls++;
        if (calls <= failures) throw Object.assign(new Error('x'), { code, details: 'connection refused' });
        return train(ctx);
      };
      return { ledger, id, execs, calls: () => calls };
    };
    // a trainer away for 8 attempts (more than maxAttempts; 4 ms backoffs) within a 10 s budget: the run succeeds
    const back = failing(14, 8);
    expect(await new ExperimentRunner(back.ledger, back.execs, { ...fast, retryBudgetMs: 10_000 }).run(back.id)).toBe('succeeded');
    expect(back.calls()).toBe(9);
    // away for longer than the budget: the stage fails once the budget is spent
    const gone = failing(14, Infinity);
    const t0 = Date.now();
    expect(await new ExperimentRunner(gone.ledger, gone.execs, { ...fast, retryBudgetMs: 100 }).run(gone.id)).toBe('failed');
    // (the bound leaves room for a loaded CI machine; without a budget the stage would retry for a minute)
    expect(Date.now() - t0).toBeLessThan(10_000);
    // INTERNAL gets maxAttempts tries, not the whole budget
    const bug = failing(13, Infinity);
    expect(await new ExperimentRunner(bug.ledger, bug.execs, fast).run(bug.id)).toBe('failed');
    expect(bug.calls()).toBe(fast.maxAttempts);
    // a resume starts a fresh budget: the ledger's 3 attempts do not count against it
    const flaky = recordingExecutors([], new Set(['train']));
    expect(await new ExperimentRunner(bug.ledger, flaky, fast).run(bug.id)).toBe('succeeded');
    expect(bug.ledger.stages(bug.id).find((x) => x.kind === 'train')).toMatchObject({ attempts: fast.maxAttempts + 2, state: 'succeeded' });
  });

  it('resumes after an interruption without re-running finished stages, and reuses the cache', async () => {
    const { ledger, grid, id } = setup();
    const log: string[] = [];
    const runner = new ExperimentRunner(ledger, recordingExecutors(log), fast);
    // simulate a crash after train finished and prune started
    const train = ledger.stages(id).find((s) => s.kind === 'train')!;
    ledger.startAttempt(id, train.id);
    ledger.finishStage(id, train.id, { ...trainResult('p-dense') }, false);
    ledger.startAttempt(id, ledger.stages(id).find((s) => s.kind === 'prune')!.id);
    expect(await runner.run(id)).toBe('succeeded');
    expect(log).not.toContain('train');
    expect(log).toHaveLength(grid.stages.size - 1);
    // a second experiment with the same spec takes everything from the cache except train
    const id2 = ledger.createExperiment('r2', '', spec, grid);
    const log2: string[] = [];
    expect(await new ExperimentRunner(ledger, recordingExecutors(log2), fast).run(id2)).toBe('succeeded');
    expect(log2).toEqual(['train']);
    expect(ledger.stages(id2).filter((s) => s.cached)).toHaveLength(grid.stages.size - 1);
  });
});

describe('gridPointResults', () => {
  // micro-pruning (mask updates in the pruned run), attacks at the env default (0.05) and at 0.1
  const during = parseSpec(`
name: r
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { sparsities: [0, 0.5] }
attacks: [{ name: random }, { name: mad, epsilons: [0.1] }]
`);

  it('maps certificates per epsilon, the parameter path and the mask updates from the ledger', async () => {
    const { ledger, grid, id } = setup(during);
    const execs = recordingExecutors([]);
    // outputs shaped as the train and certify executors store them, derived from each stage's inputs
    execs.train = async (ctx) => ({
      result: trainResult(ctx.params.pruning ? 'p-pruned' : 'p-dense', {
        mask_updates: ctx.params.pruning ? [{ envSteps: 600, gradientStep: 45, sparsity: 0.1, before: 9, after: 8.5 }] : [],
      }),
      metrics: {},
    });
    execs.certify = async (ctx) => {
      const epsilon = ctx.params.epsilon;
      const radius = ctx.params.certified_radius ? { meanCertifiedRadius: 0.02 } : {};
      return {
        result: certificate(epsilon, {
          perState: [{ method: 'crown', meanTv: epsilon, medianTv: epsilon, maxTv: 2 * epsilon, certifiedFraction: 0.5, meanWidth: epsilon, ...radius }],
          parameterPath: ctx.inputs.reference ? { deltaNorm: 2, lPar: 0.5, measuredActionShift: 0.4, sigmaMin: 0.6 } : null,
          // the reference policy the stage saw, for the check below
          layers: ctx.inputs.reference ? [ctx.inputs.reference.policy] : [],
        }),
        metrics: {},
      };
    };
    expect(await new ExperimentRunner(ledger, execs, fast).run(id)).toBe('succeeded');
    const results = gridPointResults(ledger, id);
    const dense = results.find((r) => r.sparsity === 0)!;
    const pruned = results.find((r) => r.sparsity === 0.5)!;
    expect(grid.points[0]!.certifyStages.map((c) => c.epsilon)).toEqual([0.05, 0.1]);
    for (const r of [dense, pruned]) {
      expect(r.certify.map((c) => c.epsilon)).toEqual([0.05, 0.1]);
      expect(r.certify[1]).toMatchObject({ lipschitzSurrogate: 9, globalTv: 1, constant: false });
      // certificates pair with attacks at the same epsilon
      for (const a of r.attacks) expect(r.certify.some((c) => c.epsilon === a.epsilon)).toBe(true);
      // the radius is computed at the env default only and holds at every epsilon (it does not depend on it)
      for (const c of r.certify) expect(c.perState[0]).toMatchObject({ method: 'crown', meanTv: c.epsilon, meanCertifiedRadius: 0.02 });
    }
    expect(dense.parameterPath).toBeNull();
    expect(pruned.parameterPath).toEqual({ deltaNorm: 2, lPar: 0.5, measuredActionShift: 0.4, sigmaMin: 0.6 });
    expect(dense.maskUpdates).toEqual([]);
    expect(pruned.maskUpdates).toEqual([{ envSteps: 600, gradientStep: 45, sparsity: 0.1, before: 9, after: 8.5 }]);
    // the reference the pruned point's certify stage saw is the dense point's policy
    const certify = ledger.stages(id).find((s) => s.kind === 'certify' && s.deps.reference)!;
    expect(certify.result!.layers).toEqual(['p-dense']);
  });
});
