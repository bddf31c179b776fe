import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { parseSpec } from '../spec/experiment-spec';
import { expandGrid } from './grid';
import { gridPointResults } from './results';
import { certificate, evaluation, trainResult } from './stage-result-fixtures';
import { decodeStageResult, StageResultError } from './stage-results';

describe('decodeStageResult', () => {
  it('reads back what the executors store', () => {
    expect(decodeStageResult('evaluate', evaluation(12.5, 1, 's'), 'e')).toEqual(evaluation(12.5, 1, 's'));
    expect(decodeStageResult('train', trainResult('p'), 't')).toEqual(trainResult('p'));
    expect(decodeStageResult('certify', certificate(0.1), 'c')).toEqual(certificate(0.1));
    expect(decodeStageResult('prepare', { prepared: 'q' }, 'p')).toEqual({ prepared: 'q' });
  });

  it('fails naming the stage and the field when a field is missing or renamed, never yielding NaN', () => {
    const { meanReturn, ...missing } = evaluation(3);
    expect(() => decodeStageResult('evaluate', missing, 'evaluate-1 (evaluate clean)')).toThrow(
      'meanReturn: expected a number, got nothing (the field is missing) (the stored result of evaluate stage evaluate-1 (evaluate clean))',
    );
    expect(() => decodeStageResult('evaluate', { ...missing, mean_return: meanReturn }, 'evaluate-1')).toThrow(StageResultError);
    expect(() => decodeStageResult('evaluate', { ...evaluation(1), meanReturn: '3' }, 'e')).toThrow('meanReturn: expected a number, got "3"');
    // nested fields are named by their path
    const perState = [{ method: 'crown', medianTv: 1, maxTv: 1, certifiedFraction: 1, meanWidth: 1 }];
    expect(() => decodeStageResult('certify', { ...certificate(0.1), perState }, 'certify-2')).toThrow(/^perState\[0\]\.meanTv: expected a number/);
    expect(() => decodeStageResult('train', { ...trainResult('p'), curve: [{ envSteps: 1, meanReturn: 2, sparsity: 0 }] }, 't')).toThrow(
      /^curve\[0\]\.lipschitzBound: expected a number, got nothing/,
    );
    expect(() => decodeStageResult('prune', null, 'prune-3')).toThrow('result: expected an object, got null');
  });

  it('accepts what older ledgers lack (mask updates, the constant flag, the parameter path, the radius) and reads JSON null as NaN', () => {
    const { mask_updates: _m, ...oldTrain } = trainResult('p', { mask_updates: [] });
    expect(decodeStageResult('train', oldTrain, 't').mask_updates).toBeUndefined();
    const { constant: _c, parameterPath: _p, ...oldCertify } = certificate(0.1);
    expect(decodeStageResult('certify', oldCertify, 'c')).toEqual(oldCertify);
    // JSON.stringify writes NaN as null: a NaN that was stored reads back as NaN, not 0
    expect(decodeStageResult('evaluate', JSON.parse(JSON.stringify(evaluation(NaN))), 'e').meanReturn).toBeNaN();
  });
});

describe('gridPointResults on a stored result with a renamed field', () => {
  it('fails loudly naming the stage and the field instead of reporting NaN', () => {
    const spec = parseSpec('name: r\nenvs: [InvertedPendulum-v4]\nseeds: [1]\ntrain: { total_timesteps: 2048 }\npruning: { sparsities: [0] }\n');
    const grid = expandGrid(spec, () => 0.05);
    const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stage-results-')), 'l.sqlite'));
    const id = ledger.createExperiment('r', '', spec, grid);
    const clean = grid.points[0]!.cleanStage;
    const { meanReturn, ...renamed } = evaluation(100);
    ledger.startAttempt(id, clean);
    ledger.finishStage(id, clean, { ...renamed, mean_return: meanReturn }, false);
    expect(() => gridPointResults(ledger, id)).toThrow(new RegExp(`^meanReturn: expected a number, got nothing .*evaluate stage ${clean} \\(evaluate clean\\)`));
    // the same stage stored whole reads as it was measured
    ledger.finishStage(id, clean, { ...evaluation(100) }, false);
    expect(gridPointResults(ledger, id)[0]!.clean.meanReturn).toBe(100);
    ledger.close();
  });
});

describe('gridPointResults with a sampled-action clean evaluation', () => {
  it('reads it beside the mean-action one when the spec asked for it, and has no such field when it did not', () => {
    const text = 'name: r\nenvs: [InvertedPendulum-v4]\nseeds: [1]\ntrain: { total_timesteps: 2048 }\npruning: { sparsities: [0] }\n';
    const ledger = new Ledger(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stage-results-')), 'l.sqlite'));
    const run = (yaml: string) => {
      const spec = parseSpec(yaml);
      const grid = expandGrid(spec, () => 0.05);
      const id = ledger.createExperiment('r', yaml, spec, grid);
      const p = grid.points[0]!;
      ledger.finishStage(id, p.cleanStage, { ...evaluation(100) }, false);
      if (p.sampledCleanStage) ledger.finishStage(id, p.sampledCleanStage, { ...evaluation(250) }, false);
      return gridPointResults(ledger, id)[0]!;
    };
    const sampled = run(`${text}evaluation: { sampled_clean: true }\n`);
    expect([sampled.clean.meanReturn, sampled.cleanSampled!.meanReturn]).toEqual([100, 250]);
    expect('cleanSampled' in run(text)).toBe(false);
    ledger.close();
  });
});
