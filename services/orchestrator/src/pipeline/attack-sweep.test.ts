// Robust sarsa's sweep through the orchestrator: the spec's default (SA-PPO's 30 settings), the grid's
// prepare + evaluate per setting, and the result reported as the setting of lowest mean return.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SA_PPO_RS_SWEEP } from '@rlprune/attacks';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import type { StageContext, StageExecutors } from './executors';
import { expandGrid } from './grid';
import { specWithAttacks } from './spec-fixtures';
import { certificate, evaluation, pruneResult, trainResult } from './stage-result-fixtures';
import type { StageKind, StageResult } from './stage-types';
import { attackResult, gridPointResults } from './results';
import { ExperimentRunner } from './runner';

describe('robust sarsa sweep in the spec', () => {
  it("defaults to SA-PPO's 30 settings for rs and rs_mad, none for other attacks", () => {
    const spec = specWithAttacks('[{ name: rs }, { name: rs_mad }, { name: mad }]');
    expect(spec.attacks[0]!.sweep).toEqual([...SA_PPO_RS_SWEEP]);
    expect(spec.attacks[1]!.sweep).toHaveLength(30);
    expect(spec.attacks[2]!.sweep).toEqual([]);
  });

  it('takes [] (one Q at the defaults) or the settings given', () => {
    expect(specWithAttacks('[{ name: rs, sweep: [] }]').attacks[0]!.sweep).toEqual([]);
    expect(specWithAttacks('[{ name: rs, sweep: [{ eps_q: 0.05, reg_coef: 3 }] }]').attacks[0]!.sweep).toEqual([{ eps_q: 0.05, reg_coef: 3 }]);
  });

  it('names the field when a sweep is given to an attack that has none, or a setting is incomplete', () => {
    expect(() => specWithAttacks('[{ name: mad, sweep: [] }]')).toThrow('attacks[0].sweep: only rs and rs_mad are swept');
    expect(() => specWithAttacks('[{ name: rs, sweep: [{ eps_q: 0.05 }] }]')).toThrow('attacks[0].sweep[0].reg_coef');
  });
});

describe('robust sarsa sweep in the grid', () => {
  it('prepares and evaluates once per setting, passing the setting as prepare parameters', () => {
    const grid = expandGrid(specWithAttacks('[{ name: rs, epsilons: [0.075, 0.15] }]'), () => 0.075);
    const [point] = grid.points;
    expect(point!.attackStages.map((a) => a.epsilon)).toEqual([0.075, 0.15]);
    const rs = point!.attackStages[0]!;
    expect(rs.sweep).toHaveLength(30);
    expect(rs.stage).toBe(rs.sweep![0]!.stage);
    expect(rs.sweep![7]!.setting).toBe('eps_q=0.05,reg_coef=1');
    const evaluation = grid.stages.get(rs.sweep![7]!.stage)!;
    expect(evaluation.label).toBe('evaluate rs eps=0.075 eps_q=0.05,reg_coef=1');
    expect(grid.stages.get(evaluation.deps.prepared!)!.params).toMatchObject({ attack: 'rs', epsilon: 0.075, params: { eps_q: 0.05, reg_coef: 1 } });
    const kinds = [...grid.stages.values()].map((s) => s.kind);
    expect(kinds.filter((k) => k === 'prepare')).toHaveLength(60);
    // 60 attacked evaluations and the clean one
    expect(kinds.filter((k) => k === 'evaluate')).toHaveLength(61);
  });

  it("rs_mad evaluates on rs's Q when both are asked for: one prepare per setting serves both", () => {
    const grid = expandGrid(specWithAttacks('[{ name: rs }, { name: rs_mad }]'), () => 0.075);
    const [rs, rsMad] = grid.points[0]!.attackStages;
    expect([...grid.stages.values()].filter((s) => s.kind === 'prepare')).toHaveLength(30);
    rsMad!.sweep!.forEach((s, i) => {
      expect(s.stage).not.toBe(rs!.sweep![i]!.stage);
      expect(grid.stages.get(s.stage)!.deps.prepared).toBe(grid.stages.get(rs!.sweep![i]!.stage)!.deps.prepared);
    });
    // alone, rs_mad prepares its own
    const alone = expandGrid(specWithAttacks('[{ name: rs_mad, sweep: [{ eps_q: 0.1, reg_coef: 1 }] }]'), () => 0.075);
    expect([...alone.stages.values()].find((s) => s.kind === 'prepare')!.params).toMatchObject({ attack: 'rs_mad' });
  });

  it('without a sweep, keeps one prepare whose parameters are the defaults (stage ids as before the sweep)', () => {
    const grid = expandGrid(specWithAttacks('[{ name: rs, sweep: [] }]'), () => 0.075);
    const rs = grid.points[0]!.attackStages[0]!;
    expect(rs.sweep).toBeUndefined();
    const prepare = [...grid.stages.values()].filter((s) => s.kind === 'prepare');
    expect(prepare).toHaveLength(1);
    expect(prepare[0]!.params).toEqual({ env: 'Hopper-v4', seed: 1, attack: 'rs', epsilon: 0.075 });
  });
});

describe('robust sarsa sweep in the results', () => {
  it('reports the setting of lowest mean return, skipping settings without a result', () => {
    const results: Record<string, StageResult['evaluate'] | null> = {
      a: evaluation(900, 1),
      b: evaluation(612.5, 2),
      c: null,
      d: evaluation(700, 3),
    };
    const stored = { evaluate: (id: string) => results[id] ?? null };
    const entry = { attack: 'rs', epsilon: 0.075, stage: 'a', sweep: ['a', 'b', 'c', 'd'].map((stage, i) => ({ stage, setting: `s${i}` })) };
    const r = attackResult(entry, stored);
    expect(r).toMatchObject({ attack: 'rs', epsilon: 0.075, setting: 's1', result: { meanReturn: 612.5, stdReturn: 2 } });
    expect(attackResult({ attack: 'mad', epsilon: 0.075, stage: 'd' }, stored)).toEqual({
      attack: 'mad', epsilon: 0.075, result: expect.objectContaining({ meanReturn: 700 }),
    });
  });

  it('runs every setting through the pipeline and keeps the minimum with its setting', async () => {
    const spec = specWithAttacks('[{ name: rs, sweep: [{ eps_q: 0.02, reg_coef: 0.1 }, { eps_q: 0.1, reg_coef: 1 }, { eps_q: 0.3, reg_coef: 10 }] }]');
    const grid = expandGrid(spec, () => 0.075);
    const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-')), 'l.sqlite'));
    const id = ledger.createExperiment('s', '', spec, grid);
    // Stand-ins for the services: the prepared artifact carries its parameters and the attacked return
    // is a bowl in (eps_q, reg_coef) with its bottom, 500, at (0.1, 1).
    const run =
      <K extends StageKind>(out: (ctx: StageContext<K>) => StageResult[K]) =>
      async (ctx: StageContext<K>) => ({ result: out(ctx), metrics: {} });
    const executors: StageExecutors = {
      train: run(() => trainResult('p')),
      prune: run(() => pruneResult('p')),
      prepare: run((c) => ({ prepared: JSON.stringify(c.params.params) })),
      evaluate: run((c) => {
        if (!c.inputs.prepared) return evaluation(3000);
        const { eps_q, reg_coef } = JSON.parse(c.inputs.prepared.prepared) as { eps_q: number; reg_coef: number };
        return evaluation(500 + 1000 * (eps_q - 0.1) ** 2 + (reg_coef - 1) ** 2);
      }),
      certify: run((c) => certificate(c.params.epsilon)),
    };
    const runner = new ExperimentRunner(ledger, executors, { concurrency: { train: 1, prune: 1, prepare: 1, evaluate: 1, certify: 1 }, retryBudgetMs: 0, maxAttempts: 1, backoffMs: 1, maxBackoffMs: 1, version: 't' });
    expect(await runner.run(id)).toBe('succeeded');
    const [point] = gridPointResults(ledger, id);
    expect(point!.attacks).toHaveLength(1);
    expect(point!.attacks[0]).toMatchObject({ attack: 'rs', setting: 'eps_q=0.1,reg_coef=1', result: { meanReturn: 500 } });
    ledger.close();
  });
});
