// Provenance names the code that RAN an experiment: the facts its submitting orchestrator recorded in
// the ledger, plus each orchestrator on other code that resumed it, whichever process later reports
// or publishes it. An experiment recorded before facts were kept falls back to the facts of the
// process publishing (or reporting) it, and says so. Facts of "other processes" are injected: the
// unit under test is the ledger + publish + report code, not git.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Provenance } from '@rlprune/analysis';
import Database from 'better-sqlite3';
import { StageClients } from '@rlprune/clients';
import { createLogger } from '@rlprune/service-kit';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import type { StageExecutors } from '../pipeline/executors';
import { DEFAULT_RUNNER_OPTIONS, ExperimentRunner } from '../pipeline/runner';
import { Experiments } from './experiment-service';
import { PROVENANCE_FILE, publishRun, RUNS_DIR } from './publish';
import { writePublishedReport } from './published-report';
import { ReportWriter } from './report';
import { processFacts, type ProcessFacts } from './report-provenance';
import { REPORT_TEST_SPEC, reportTestExperiment } from './report-test-support';

/** The facts of an orchestrator on other code than this test process. */
function otherFacts(commitChar: string, change: Partial<ProcessFacts> = {}): ProcessFacts {
  return { ...processFacts(), gitCommit: commitChar.repeat(40), gitDirty: false, ...change };
}

function setup() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'run-provenance-'));
  const ledgerFile = path.join(home, 'ledger.sqlite');
  return { home, ledgerFile, ledger: new Ledger(ledgerFile), results: path.join(home, 'results') };
}

function published(results: string, id: string): Provenance {
  return JSON.parse(fs.readFileSync(path.join(results, RUNS_DIR, id, PROVENANCE_FILE), 'utf8')) as Provenance;
}

/** An orchestrator with the given facts over the ledger; its stages are all finished, so a resume only records and reports. */
function orchestrator(ledger: Ledger, home: string, facts: ProcessFacts): Experiments {
  const noWork = async () => {
    throw new Error('no stage should run: every stage of the test experiment is finished');
  };
  const execs: StageExecutors = { train: noWork, prune: noWork, prepare: noWork, evaluate: noWork, certify: noWork };
  const services = new StageClients({ trainers: ['127.0.0.1:1'], pruner: '127.0.0.1:1', simulator: '127.0.0.1:1', certifier: '127.0.0.1:1', attackers: new Map() });
  return new Experiments(ledger, new ExperimentRunner(ledger, execs, DEFAULT_RUNNER_OPTIONS), services, new ReportWriter(ledger, home), createLogger('test'), () => facts);
}

async function resumeOn(ledger: Ledger, home: string, facts: ProcessFacts, id: string): Promise<void> {
  const orch = orchestrator(ledger, home, facts);
  const ended = new Promise((resolve) => orch.events.once('ended', resolve));
  orch.resume(id);
  await ended;
  expect(ledger.getExperiment(id)!.state).toBe('succeeded');
}

describe('provenance of the code that ran an experiment', () => {
  it('publishes the facts recorded at submission, not those of the publishing process', () => {
    const { ledger, ledgerFile, results } = setup();
    const submitter = otherFacts('a', { nodeVersion: 'v20.0.0', nnKernels: 'js (forced by RLPRUNE_KERNELS)' });
    expect(submitter.gitCommit).not.toBe(processFacts().gitCommit); // the publisher really differs
    const { id, points, finishPoints } = reportTestExperiment(ledger, 1, REPORT_TEST_SPEC, submitter);
    finishPoints(points);
    publishRun(ledger, ledgerFile, id, results);
    const prov = published(results, id);
    expect(prov).toMatchObject({ ...submitter, recordedAt: 'submit' });
    expect(prov.resumedBy).toBeUndefined();
    const html = fs.readFileSync(writePublishedReport(results).htmlPath, 'utf8');
    expect(html).toContain(`<th class="text">git commit</th><td class="text"><code>${'a'.repeat(40)}</code> (clean tree)</td>`);
    expect(html).toContain('<th class="text">Node.js</th><td class="text">v20.0.0</td>');
    expect(html).not.toContain('recorded when');
    expect(html).not.toContain('resumed on');
  });

  it('falls back to the publishing process for an experiment recorded before facts were kept, and says so', () => {
    const { home, ledger, ledgerFile, results } = setup();
    const { id, points, finishPoints } = reportTestExperiment(ledger);
    finishPoints(points);
    publishRun(ledger, ledgerFile, id, results);
    expect(published(results, id)).toMatchObject({ ...processFacts(), recordedAt: 'publish' });
    expect(fs.readFileSync(writePublishedReport(results).htmlPath, 'utf8')).toContain(' (recorded when published, not when run)</td>');
    // the live report of such an experiment says the same of the process writing it
    const live = new ReportWriter(ledger, home).write(id);
    expect(JSON.parse(live.summaryJson).provenance).toMatchObject({ gitCommit: processFacts().gitCommit, recordedAt: 'report' });
    expect(fs.readFileSync(live.htmlPath, 'utf8')).toContain(' (recorded when this report was written, not when run)</td>');
  });

  it('publishes from a home whose orchestrator runs code before facts were kept, leaving its ledger at that version', () => {
    const { ledger, ledgerFile, results } = setup();
    const { id, points, finishPoints } = reportTestExperiment(ledger);
    finishPoints(points);
    ledger.close();
    // as a version-2 orchestrator keeps its home
    const db = new Database(ledgerFile);
    db.exec('DROP TABLE experiment_facts');
    db.pragma('user_version = 2');
    db.close();
    const reader = new Ledger(ledgerFile); // as `rlprune publish` opens it
    publishRun(reader, ledgerFile, id, results);
    reader.close();
    expect(published(results, id)).toMatchObject({ gitCommit: processFacts().gitCommit, recordedAt: 'publish' });
    const check = new Database(ledgerFile, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
  });

  it('appends a resuming orchestrator only when its facts differ from the last recorded, and publishes each as resumedBy', async () => {
    const { home, ledger, ledgerFile, results } = setup();
    const a = otherFacts('a');
    const b = otherFacts('b', { gitDirty: true });
    const { id, points, finishPoints } = reportTestExperiment(ledger, 1, REPORT_TEST_SPEC, a);
    finishPoints(points);

    await resumeOn(ledger, home, a, id); // the submitter itself (a restart on the same code): nothing new
    expect(ledger.experimentFacts(id).map((r) => r.role)).toEqual(['submit']);
    ledger.setExperimentState(id, 'running'); // interrupted again
    await resumeOn(ledger, home, b, id);
    ledger.setExperimentState(id, 'running');
    await resumeOn(ledger, home, b, id); // same code as the last: no row
    ledger.setExperimentState(id, 'running');
    await resumeOn(ledger, home, a, id); // back to the first code: differs from the last, so a row
    const rows = ledger.experimentFacts(id);
    expect(rows.map((r) => [r.role, r.facts.gitCommit])).toEqual([
      ['submit', a.gitCommit],
      ['resume', b.gitCommit],
      ['resume', a.gitCommit],
    ]);

    publishRun(ledger, ledgerFile, id, results);
    const prov = published(results, id);
    expect(prov).toMatchObject({ ...a, recordedAt: 'submit' });
    expect(prov.resumedBy).toEqual([
      { ...b, at: rows[1]!.at },
      { ...a, at: rows[2]!.at },
    ]);
    const html = fs.readFileSync(writePublishedReport(results).htmlPath, 'utf8');
    expect(html).toContain(`<th class="text">later stages</th><td class="text">resumed on <code>${b.gitCommit}</code> (uncommitted changes in the tree) (${rows[1]!.at})</td>`);
    expect(html).toContain(`resumed on <code>${a.gitCommit}</code> (${rows[2]!.at})</td>`);
  });

  it('records an orchestrator resuming an experiment recorded before facts were kept as a resume, not as its submission', async () => {
    const { home, ledger, ledgerFile, results } = setup();
    const { id, points, finishPoints } = reportTestExperiment(ledger);
    finishPoints(points);
    const b = otherFacts('b');
    await resumeOn(ledger, home, b, id);
    expect(ledger.experimentFacts(id).map((r) => r.role)).toEqual(['resume']);
    publishRun(ledger, ledgerFile, id, results);
    const prov = published(results, id);
    expect(prov).toMatchObject({ gitCommit: processFacts().gitCommit, recordedAt: 'publish' });
    expect(prov.resumedBy!.map((r) => r.gitCommit)).toEqual([b.gitCommit]);
  });
});
