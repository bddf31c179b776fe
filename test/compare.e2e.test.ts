// `rlprune compare` and `rlprune report` through a real orchestrator process and the CLI, on a
// ledger whose experiments were recorded as executors record them (no training needed): a
// finished experiment and one that failed half-way. compare writes one page with both side by side;
// report on the unfinished one writes its partial report on demand.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../services/orchestrator/src/ledger/ledger';
import { reportTestExperiment } from '../services/orchestrator/src/experiments/report-test-support';
import { REPO_ROOT, spawnServiceProcess } from './helpers/process';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/rlprune.js');

describe('rlprune compare and report', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compare-'));
  const ledger = new Ledger(path.join(home, 'ledger.sqlite'));
  const done = reportTestExperiment(ledger);
  done.finishPoints(done.points);
  ledger.setExperimentState(done.id, 'succeeded');
  const half = reportTestExperiment(ledger, 1.3);
  half.finishPoints(half.points.filter((p) => p.seed === 1));
  ledger.setExperimentState(half.id, 'failed', 'stopped by the test');
  ledger.close();
  const svc = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home });
  afterAll(async () => {
    svc.child.kill('SIGTERM');
    await svc.exited;
  });

  it('writes one page with both experiments side by side', async () => {
    const address = await svc.listening;
    const { stdout } = await run(process.execPath, [CLI, 'compare', done.id, half.id, '--address', address, '--json']);
    const out = JSON.parse(stdout) as { htmlPath: string; summary: { experiments: Array<{ id: string; partial: unknown }> } };
    expect(out.summary.experiments.map((e) => e.id)).toEqual([done.id, half.id]);
    expect(out.summary.experiments[1]!.partial).toMatchObject({ state: 'failed', pointsReady: 2, pointsTotal: 4 });
    const html = fs.readFileSync(out.htmlPath, 'utf8');
    expect(html).toContain(`<code>${done.id}</code>`);
    expect(html).toContain(`<code>${half.id}</code>`);
    expect(html).toMatch(/<div class="compare-row"[^>]*style="grid-template-columns: repeat\(2, 722px\);">/);
  }, 60_000);

  it('report on an unfinished experiment writes its partial report; one id is not a comparison', async () => {
    const address = await svc.listening;
    const { stdout } = await run(process.execPath, [CLI, 'report', half.id, '--address', address, '--json']);
    const report = JSON.parse(stdout) as { htmlPath: string; summaryJson: string };
    expect(fs.readFileSync(report.htmlPath, 'utf8')).toContain('<strong>Partial report.</strong> Experiment state: failed');
    expect(JSON.parse(report.summaryJson).pointCount).toBe(2);
    const one = await run(process.execPath, [CLI, 'compare', done.id, '--address', address]).catch((e: { code: number; stderr: string }) => e);
    expect((one as { code: number }).code).toBe(2);
    expect((one as { stderr: string }).stderr).toMatch(/usage: rlprune compare/);
  }, 60_000);
});
