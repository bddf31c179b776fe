import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { parseSpec } from '../spec/experiment-spec';
import type { Executor } from './executors';
import { expandGrid, type StageKind } from './grid';
import { ExperimentRunner } from './runner';

const spec = parseSpec(`
name: r
envs: [InvertedPendulum-v4]
seeds: [1]
train: { steps: 1000 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
attacks: [{ name: random }, { name: rs, sweep: [] }]
`);

// Stage work that records what ran and derives outputs from inputs, as real services would.
function recordingExecutors(log: string[], failOnce = new Set<StageKind>()): Record<StageKind, Executor> {
  const make =
    (kind: StageKind, out: (ctx: Parameters<Executor>[0]) => Record<string, unknown>): Executor =>
    async (ctx) => {
      if (failOnce.delete(kind)) throw Object.assign(new Error('service restarting'), { code: 14, details: 'connection refused' });
      log.push(kind);
      return { result: out(ctx), metrics: { x: 1 } };
    };
  return {
    train: make('train', () => ({ policy: 'p-dense' })),
    prune: make('prune', (c) => ({ policy: `${c.inputs.policy!.policy}-pruned` })),
    prepare: make('prepare', (c) => ({ prepared: `q-for-${c.inputs.policy!.policy}` })),
    evaluate: make('evaluate', (c) => ({ meanReturn: 1, states: c.params.state_sample ? 's' : null, sawPrepared: c.inputs.prepared?.prepared ?? null })),
    certify: make('certify', (c) => ({ states: c.inputs.states!.states })),
  };
}

function setup() {
  const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runner-')), 'l.sqlite'));
  const grid = expandGrid(spec, () => 0.05);
  return { ledger, grid, id: ledger.createExperiment('r', '', spec, grid) };
}

const fast = { concurrency: { train: 1, prune: 2, prepare: 1, evaluate: 2, certify: 2 }, maxAttempts: 3, backoffMs: 1, version: 't' };

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
    expect(rsEval.result).toMatchObject({ sawPrepared: 'q-for-p-dense-pruned' });
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

  it('resumes after an interruption without re-running finished stages, and reuses the cache', async () => {
    const { ledger, grid, id } = setup();
    const log: string[] = [];
    const runner = new ExperimentRunner(ledger, recordingExecutors(log), fast);
    // simulate a crash after train finished and prune started
    const train = ledger.stages(id).find((s) => s.kind === 'train')!;
    ledger.startAttempt(id, train.id);
    ledger.finishStage(id, train.id, { policy: 'p-dense' }, false);
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
