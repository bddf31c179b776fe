import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/experiment-spec';
import { expandGrid } from '../pipeline/grid';
import { Ledger } from './ledger';

const spec = parseSpec(`
name: l
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
attacks: [{ name: random }]
`);

describe('Ledger', () => {
  it('survives a reopen with stage states, attempts, results and counts intact', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.sqlite');
    const grid = expandGrid(spec, () => 0.05);
    let ledger = new Ledger(file);
    const id = ledger.createExperiment('l', 'yaml', spec, grid);
    const [train] = ledger.stages(id);
    expect(train!.kind).toBe('train');
    ledger.startAttempt(id, train!.id);
    ledger.finishStage(id, train!.id, { policy: 'abc' }, false, { final_return: 12.5 });
    const prune = ledger.stages(id).find((s) => s.kind === 'prune')!;
    ledger.startAttempt(id, prune.id);
    ledger.close();

    // as after kill -9 mid-stage
    ledger = new Ledger(file);
    const exp = ledger.getExperiment(id)!;
    expect(exp).toMatchObject({ gridPoints: 2, stagesDone: 1, stagesFailed: 0, state: 'pending' });
    expect(exp.stagesTotal).toBe(grid.stages.size);
    expect(ledger.resetInterrupted(id)).toBe(1);
    const after = ledger.stages(id);
    expect(after.find((s) => s.id === train!.id)).toMatchObject({ state: 'succeeded', runs: 1, result: { policy: 'abc' } });
    expect(after.find((s) => s.id === prune.id)).toMatchObject({ state: 'pending', attempts: 1, runs: 0 });
    expect(ledger.metrics(id)).toEqual([{ stageId: train!.id, name: 'final_return', value: 12.5 }]);
    expect(ledger.unfinishedExperiments()).toEqual([id]);
    ledger.cachePut('k', { policy: 'x' });
    expect(ledger.cacheGet('k')).toEqual({ policy: 'x' });
    ledger.close();
  });

  it("counts each kind's stages, done and failed, kinds in the order of their first stage", () => {
    const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.sqlite'));
    const id = ledger.createExperiment('l', 'yaml', spec, expandGrid(spec, () => 0.05));
    const stages = ledger.stages(id);
    const train = stages.find((s) => s.kind === 'train')!;
    ledger.finishStage(id, train.id, { policy: 'abc' }, false);
    const evaluate = stages.find((s) => s.kind === 'evaluate')!;
    ledger.finishStage(id, evaluate.id, { meanReturn: 1 }, true);
    ledger.failStage(id, stages.filter((s) => s.kind === 'evaluate')[1]!.id, 'boom');
    const expected = [...new Set(stages.map((s) => s.kind))].map((kind) => {
      const own = stages.filter((s) => s.kind === kind);
      return { kind, total: own.length, done: kind === 'train' || kind === 'evaluate' ? 1 : 0, failed: kind === 'evaluate' ? 1 : 0 };
    });
    const exp = ledger.getExperiment(id)!;
    expect(exp.stageKinds).toEqual(expected);
    expect(exp).toMatchObject({ stagesTotal: stages.length, stagesDone: 2, stagesFailed: 1 });
    ledger.close();
  });

  it('keeps one checkpoint per stage, across a reopen, until the stage finishes', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.sqlite');
    let ledger = new Ledger(file);
    const id = ledger.createExperiment('l', 'yaml', spec, expandGrid(spec, () => 0.05));
    const [train] = ledger.stages(id);
    const row = (n: number) => ({ cacheKey: 'k', artifact: `a${n}`, iteration: n, partial: { curve: Array(n).fill(null) } });
    expect(ledger.recordStageCheckpoint(id, train!.id, row(1))).toBeNull();
    // the replaced checkpoint's artifact is handed back for deletion
    expect(ledger.recordStageCheckpoint(id, train!.id, row(2))).toBe('a1');
    ledger.close();
    ledger = new Ledger(file);
    expect(ledger.stageCheckpoint(id, train!.id)).toEqual(row(2));
    // a stage finished from the cache (no executor ran) keeps no checkpoint either
    ledger.startAttempt(id, train!.id);
    ledger.finishStage(id, train!.id, { policy: 'abc' }, true);
    expect(ledger.stageCheckpoint(id, train!.id)).toBeUndefined();
    ledger.close();
  });

  it("keeps the submitting orchestrator's facts and appends a resuming one's only when they differ from the last", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.sqlite');
    const a = { rlpruneVersion: '0.1.0', gitCommit: 'a'.repeat(40), gitDirty: false, nodeVersion: 'v20.1.0', nnKernels: 'js', dependencies: { 'mujoco-js': '0.0.7' } };
    let ledger = new Ledger(file);
    const id = ledger.createExperiment('l', 'yaml', spec, expandGrid(spec, () => 0.05), a);
    const other = ledger.createExperiment('l', 'yaml', spec, expandGrid(spec, () => 0.05), { ...a, gitCommit: 'f'.repeat(40) });
    ledger.close();
    ledger = new Ledger(file);
    const [submitted] = ledger.experimentFacts(id);
    expect(submitted).toEqual({ role: 'submit', facts: a, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // the same facts (in another key order, as JSON read back may have them): nothing to record
    const reordered = { dependencies: { 'mujoco-js': '0.0.7' }, nnKernels: 'js', nodeVersion: 'v20.1.0', gitDirty: false, gitCommit: 'a'.repeat(40), rlpruneVersion: '0.1.0' };
    expect(ledger.recordResumeFacts(id, reordered)).toBe(false);
    // only the dirty flag differs: that is other code
    expect(ledger.recordResumeFacts(id, { ...a, gitDirty: true })).toBe(true);
    expect(ledger.recordResumeFacts(id, { ...a, gitDirty: true })).toBe(false);
    expect(ledger.recordResumeFacts(id, { ...a, nodeVersion: 'v22.0.0' })).toBe(true);
    expect(ledger.experimentFacts(id).map((r) => [r.role, r.facts.gitDirty, r.facts.nodeVersion])).toEqual([
      ['submit', false, 'v20.1.0'],
      ['resume', true, 'v20.1.0'],
      ['resume', false, 'v22.0.0'],
    ]);
    // each experiment's own
    expect(ledger.experimentFacts(other).map((r) => r.facts.gitCommit)).toEqual(['f'.repeat(40)]);
    ledger.close();
  });
});
