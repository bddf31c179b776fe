// The report writer on a real ledger: stage results are recorded as the executors record them, and
// the report is written from the ledger at every point of an experiment's life (nothing finished,
// some points finished, everything finished), and for several experiments side by side.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { ReportWriter } from './report';
import { REPORT_TEST_SPEC, reportTestExperiment } from './report-test-support';
import { ReportThrottle } from './report-throttle';

function setup(home: string, ledger: Ledger, scale = 1) {
  return { ...reportTestExperiment(ledger, scale), writer: new ReportWriter(ledger, home) };
}

describe('ReportWriter', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-'));
  const ledger = new Ledger(path.join(home, 'ledger.sqlite'));

  it('writes a pending page before any point finished, a partial report while some have, and the full report at the end', () => {
    const { id, points, finishPoints, writer } = setup(home, ledger);

    const pending = writer.write(id);
    expect(fs.readFileSync(pending.htmlPath, 'utf8')).toContain('No results to show yet: no grid point has finished');
    expect(JSON.parse(pending.summaryJson).partial).toMatchObject({ state: 'pending', stagesDone: 0, pointsReady: 0, pointsTotal: 4 });

    // Both seeds' dense points and one pruned point: analysable, but partial.
    finishPoints(points.filter((p) => p.sparsity === 0 || p.seed === 1));
    const partial = writer.read(id); // an unfinished experiment's report is written when asked
    const html = fs.readFileSync(partial.htmlPath, 'utf8');
    expect(html).toContain('<strong>Partial report.</strong>');
    expect(html).toContain('3 of 4 grid points have results');
    const summary = JSON.parse(partial.summaryJson);
    expect(summary.partial).toMatchObject({ pointsReady: 3, pointsTotal: 4 });
    expect(summary.pointCount).toBe(3);
    expect(summary.provenance.stages).toMatchObject({ total: ledger.stages(id).length, failed: 0, cached: 1 }); // seed 2's training
    expect(summary.provenance.stages.unfinished).toBeGreaterThan(0);
    expect(summary.provenance.specHash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(summary.provenance.nodeVersion).toBe(process.version);
    expect(Object.keys(summary.provenance.dependencies)).toEqual(['mujoco-js', '@grpc/grpc-js']);

    finishPoints(points.filter((p) => p.seed === 2 && p.sparsity > 0));
    ledger.setExperimentState(id, 'succeeded');
    writer.recordTrace(id, '4bf92f3577b34da6a3ce929d0e0e4736');
    const full = writer.write(id);
    const fullHtml = fs.readFileSync(full.htmlPath, 'utf8');
    expect(fullHtml).not.toContain('Partial report');
    expect(fullHtml).toContain('<code>4bf92f3577b34da6a3ce929d0e0e4736</code>');
    expect(fullHtml).toMatch(/class="plot plot-returns plot-comparison"/);
    expect(JSON.parse(full.summaryJson)).toMatchObject({ partial: null, pointCount: 4, provenance: { stages: { unfinished: 0, failed: 0 } } });
    // Same ledger, same code: the same bytes; a finished report is read back, not rewritten.
    expect(writer.write(id).summaryJson).toBe(full.summaryJson);
    expect(fs.readFileSync(full.htmlPath, 'utf8')).toBe(fullHtml);
    expect(writer.read(id)).toEqual(full);
  });

  it('leaves an unfinished sampled-action clean evaluation out of a partial report and shows it beside the clean return once finished', () => {
    const { id, points, finishPoints, finishSampled } = reportTestExperiment(ledger, 1, `${REPORT_TEST_SPEC}evaluation: { sampled_clean: true }\n`);
    const writer = new ReportWriter(ledger, home);
    finishPoints(points);
    const partial = fs.readFileSync(writer.read(id).htmlPath, 'utf8');
    expect(partial).toContain('<strong>Partial report.</strong>');
    // analysed (not a pending page), without the sampled column
    expect(partial).not.toContain('cannot be analysed yet');
    expect(partial).toContain('<th>clean (norm.)</th>');
    expect(partial).not.toContain('sampled actions');
    finishSampled(points);
    ledger.setExperimentState(id, 'succeeded');
    const full = writer.write(id);
    expect(fs.readFileSync(full.htmlPath, 'utf8')).toContain('<th>clean, sampled actions</th>');
    expect(fs.readFileSync(full.csvPath, 'utf8')).toMatch(/\nseed-score,InvertedPendulum-v4,0,magnitude post-hoc,0\.5,2,,,,cleanSampled,,952\n/);
  });

  it('compares experiments on one page and refuses fewer than two', () => {
    const a = setup(home, ledger);
    const b = setup(home, ledger, 1.4);
    a.finishPoints(a.points);
    b.finishPoints(b.points.filter((p) => p.seed === 1));
    const page = a.writer.compare([a.id, b.id]);
    const html = fs.readFileSync(page.htmlPath, 'utf8');
    expect(html).toContain(`<code>${a.id}</code>`);
    expect(html).toContain(`<code>${b.id}</code>`);
    expect(html).toMatch(/partial \(pending, \d+\/\d+ stages\)/);
    expect(html.match(/<div class="compare-row"/g)!.length).toBeGreaterThan(2);
    expect(html).toMatch(/data-series="B: random"/);
    expect(JSON.parse(page.summaryJson).experiments.map((e: { id: string }) => e.id)).toEqual([a.id, b.id]);
    expect(() => a.writer.compare([a.id])).toThrow(/two or more/);
    expect(() => a.writer.compare([a.id, 'exp-nope'])).toThrow(/no experiment "exp-nope"/);
  });
});

describe('ReportThrottle', () => {
  afterEach(() => vi.useRealTimers());

  it('writes at once, then folds stages finishing within the interval into one later write', () => {
    vi.useFakeTimers();
    let clock = 0;
    const writes: number[] = [];
    const throttle = new ReportThrottle(
      () => {
        clock += 200; // each write takes 200 ms: the gap becomes 20 x 200 = 4 s
        writes.push(clock);
      },
      (_, err) => {
        throw err;
      },
      { minIntervalMs: 3_000, costFactor: 20 },
      () => clock,
    );
    throttle.stageFinished('e');
    vi.advanceTimersByTime(0);
    expect(writes).toEqual([200]);
    for (let i = 0; i < 10; i++) {
      clock += 100;
      throttle.stageFinished('e');
    }
    vi.advanceTimersByTime(2_000);
    expect(writes).toHaveLength(1);
    clock = 4_200;
    vi.advanceTimersByTime(5_000);
    expect(writes).toHaveLength(2);
    throttle.stageFinished('e');
    throttle.stop('e');
    vi.advanceTimersByTime(60_000);
    expect(writes).toHaveLength(2);
  });
});
