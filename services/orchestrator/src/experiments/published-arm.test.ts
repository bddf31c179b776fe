// A published point carries its pruning arm (spec-level: pruning.mode and pruning.structured), from
// the ledger when it is published and from its run's spec.yaml when a folder published before the arm
// was recorded is read back; and two runs of different arms in one folder stay two groups though
// their points' labels are the same.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { loadPublishedPoints, POINTS_FILE, publishRun, RUNS_DIR } from './publish';
import { analysePublished } from './published-report';
import { REPORT_TEST_SPEC, reportTestExperiment } from './report-test-support';

/** The test spec (post_hoc) under another pruning block. */
const withPruning = (block: string) => REPORT_TEST_SPEC.replace('pruning: { mode: post_hoc, sparsities: [0, 0.5] }', block);

function publishedFolder(specs: readonly string[]) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'published-arm-'));
  const ledgerFile = path.join(home, 'ledger.sqlite');
  const ledger = new Ledger(ledgerFile);
  const results = path.join(home, 'results');
  const ids = specs.map((spec) => {
    const e = reportTestExperiment(ledger, 1, spec);
    e.finishPoints(e.points);
    ledger.setExperimentState(e.id, 'succeeded');
    publishRun(ledger, ledgerFile, e.id, results);
    return e.id;
  });
  ledger.close();
  return { results, ids };
}

const pointLines = (results: string, id: string) => fs.readFileSync(path.join(results, RUNS_DIR, id, POINTS_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the pruning arm of published points', () => {
  it('is written from the ledger, and read from spec.yaml for points published before it was recorded', () => {
    const { results, ids } = publishedFolder([withPruning('pruning: { mode: one_shot, structured: true, sparsities: [0, 0.5] }')]);
    const written = pointLines(results, ids[0]!);
    expect(written.map((p) => [p.mode, p.structured])).toEqual([['one_shot', true], ['one_shot', true], ['one_shot', true], ['one_shot', true]]);
    expect(Object.keys(written[0]!).slice(0, 8)).toEqual(['label', 'env', 'seed', 'kappa', 'criterion', 'mode', 'structured', 'sparsity']);
    const before = loadPublishedPoints(results).points;

    // as a folder published before the arm existed holds them: no mode or structured in points.jsonl
    const file = path.join(results, RUNS_DIR, ids[0]!, POINTS_FILE);
    fs.writeFileSync(file, written.map(({ mode: _m, structured: _s, ...p }) => JSON.stringify(p)).join('\n') + '\n');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('"mode"');
    const read = loadPublishedPoints(results).points;
    expect(read).toEqual(before);
    expect(read.every((p) => p.mode === 'one_shot' && p.structured)).toBe(true);
    expect(analysePublished(results).analysis.groups.map((g) => [g.criterion, g.mode, g.structured])).toEqual([['magnitude', 'one_shot', true]]);

    // a spec that does not name the arm is micro-pruning, elementwise
    const spec = path.join(results, RUNS_DIR, ids[0]!, 'spec.yaml');
    fs.writeFileSync(spec, withPruning('pruning: { sparsities: [0, 0.5] }'));
    expect(loadPublishedPoints(results).points.every((p) => p.mode === 'during' && !p.structured)).toBe(true);
  });

  it('keeps two runs of different arms in one folder apart, though their labels are the same', () => {
    const { results } = publishedFolder([REPORT_TEST_SPEC, withPruning('pruning: { mode: one_shot, sparsities: [0, 0.5] }')]);
    const { points } = loadPublishedPoints(results);
    expect(points).toHaveLength(8);
    expect(new Set(points.map((p) => p.label)).size).toBe(4);
    const groups = analysePublished(results).analysis.groups;
    expect(groups.map((g) => [g.mode, g.conditions.map((c) => c.seeds.length)])).toEqual([
      ['one_shot', [2, 2]],
      ['post_hoc', [2, 2]],
    ]);
  });
});
