// A whole experiment through real services on loopback with tiny budgets: the spec runs to a report
// whose numbers equal the ledger's; killing the orchestrator (kill -9) at three points and letting
// it restart finishes with identical results and no finished stage run twice; a stage service that
// dies mid-stage is retried and the experiment completes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClients } from '@rlprune/service-kit';
import { readSpanFile } from '@rlprune/telemetry';
import { launchLocalServices, type LocalCluster } from '../apps/cli/src/local/launch';
import { OrchestratorClient } from '@rlprune/clients';

const SPEC = `
name: e2e
envs: [InvertedPendulum-v4]
seeds: [1]
train:
  total_timesteps: 4096
  num_envs: 4
  num_steps: 128
  num_minibatches: 4
  update_epochs: 4
pruning:
  mode: during
  sparsities: [0, 0.5]
attacks:
  - name: random
  - name: mad
    epsilons: [0.02, 0.1]
certify:
  methods: [lipschitz, ibp, crown]
  states: 32
evaluation:
  episodes: 4
`;

const clusters: LocalCluster[] = [];
afterAll(async () => {
  closeClients();
  await Promise.all(clusters.map((c) => c.stop()));
});

async function start(): Promise<{ cluster: LocalCluster; client: OrchestratorClient; home: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-exp-'));
  const cluster = await launchLocalServices({ home, attacks: ['random', 'mad'], env: { RLPRUNE_SPAN_FILE: path.join(home, 'spans.jsonl') } });
  clusters.push(cluster);
  return { cluster, client: new OrchestratorClient(cluster.orchestrator), home };
}

async function waitFor(client: OrchestratorClient, id: string, done: (e: { state: string; stagesDone: number }) => boolean, timeoutMs = 300_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const e = await client.get(id);
      if (done(e)) return e;
    } catch {
      // the orchestrator is restarting
    }
    if (Date.now() > until) throw new Error(`experiment ${id} did not reach the condition in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function ledgerStages(home: string, id: string) {
  const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, kind, state, runs, attempts, cached FROM stages WHERE experiment_id = ?').all(id) as Array<{
      id: string;
      kind: string;
      state: string;
      runs: number;
      attempts: number;
      cached: number;
    }>;
  } finally {
    db.close();
  }
}

let reference: { csv: string; jsonl: string } | undefined;
let finished: { home: string; id: string } | undefined;
const CLI = path.resolve(__dirname, '../apps/cli/bin/rlprune.js');
const run = promisify(execFile);

/**
 * Every policy is certified at each attack epsilon and the env default (0.05), so certificates pair
 * with attacks; the pruned policy's certificate at the env default carries the parameter path from
 * the dense policy (whose own certificates carry none), with its bound holding; only that stage
 * computes the certified radius.
 */
function checkCertificates(home: string, id: string) {
  const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
  type Row = { id: string; kind: string; params_json: string; deps_json: string; result_json: string };
  const rows = db.prepare('SELECT id, kind, params_json, deps_json, result_json FROM stages WHERE experiment_id = ?').all(id) as Row[];
  db.close();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const trains = rows.filter((r) => r.kind === 'train');
  const dense = trains.find((r) => JSON.parse(r.params_json).pruning === null)!;
  const pruned = trains.find((r) => JSON.parse(r.params_json).pruning !== null)!;
  const certifies = rows.filter((r) => r.kind === 'certify').map((r) => ({ ...r, params: JSON.parse(r.params_json), deps: JSON.parse(r.deps_json), result: JSON.parse(r.result_json) }));
  const attackEpsilons = new Set(rows.filter((r) => r.kind === 'evaluate').map((r) => JSON.parse(r.params_json).epsilon).filter((e) => e !== undefined));
  expect([...attackEpsilons].sort()).toEqual([0.02, 0.05, 0.1]);
  for (const train of [dense, pruned]) {
    const own = certifies.filter((c) => c.deps.policy === train.id).sort((a, b) => a.params.epsilon - b.params.epsilon);
    expect(own.map((c) => c.result.epsilon)).toEqual([0.02, 0.05, 0.1]);
    for (const c of own) {
      expect(c.result.constant).toBe(false);
      const crown = (c.result.perState as Array<{ method: string; meanCertifiedRadius?: number }>).find((s) => s.method === 'crown')!;
      if (c.params.epsilon === 0.05) expect(crown.meanCertifiedRadius).toBeGreaterThan(0);
      else expect(crown.meanCertifiedRadius).toBeUndefined();
      const path = c.result.parameterPath as { deltaNorm: number; lPar: number; measuredActionShift: number } | null;
      if (train === pruned && c.params.epsilon === 0.05) {
        expect(byId.get(c.deps.reference)!.id).toBe(dense.id);
        expect(path!.deltaNorm).toBeGreaterThan(0);
        expect(path!.measuredActionShift).toBeLessThanOrEqual(path!.lPar * path!.deltaNorm);
      } else {
        expect(c.deps.reference).toBeUndefined();
        expect(path).toBeNull();
      }
    }
  }
}

/**
 * `rlprune run`'s progress lines on a non-terminal stderr: "[done/total 12s elapsed, ETA 40s] state label ...".
 * Returns each line's ETA text and the state and label of the stage it is about.
 */
function progressLines(stderr: string): Array<{ eta: string; state: string; label: string }> {
  return [...stderr.matchAll(/^\[\d+\/\d+ [^,\]]+, (ETA [^\]]*)\] (\w+) +(.*)$/gm)].map((m) => ({ eta: m[1]!, state: m[2]!, label: m[3]! }));
}

describe('an experiment end to end', () => {
  it('runs a 2 sparsities x 2 attacks spec to a report whose numbers equal the ledger', async () => {
    const { cluster, client, home } = await start();
    const specFile = path.join(home, 'e2e.yaml');
    fs.writeFileSync(specFile, SPEC);
    // through the CLI at --address, as a remote orchestrator is followed (no home to read a ledger from)
    const cli = await run(process.execPath, [CLI, 'run', specFile, '--address', cluster.orchestrator]);
    const exp = { id: /^experiment (exp-\w+): 2 grid points, \d+ stages$/m.exec(cli.stderr)?.[1] ?? '' };
    expect(exp.id, cli.stderr).not.toBe('');
    const end = await client.get(exp.id);
    expect(end.state).toBe('succeeded');
    // the orchestrator counts each kind's stages (GetExperiment), all done now
    const perKind = new Map<string, number>();
    for (const s of ledgerStages(home, exp.id)) perKind.set(s.kind, (perKind.get(s.kind) ?? 0) + 1);
    const byKind = (ks: Array<{ kind: string }>) => Object.fromEntries(ks.map((k) => [k.kind, k]));
    expect(byKind(end.stageKinds)).toEqual(byKind([...perKind].map(([kind, n]) => ({ kind, total: n, done: n, failed: 0 }))));
    // From those counts the progress view knows every stage left from the start, so its ETA is plain
    // while the last training still runs: counting only stages it had seen it would still say
    // "ETA >=", as the evaluations and certificates of that training's policy had not shown up yet.
    // Whether a stage of every kind finishes before the last training does depends on the machine's
    // timing (~3 s of margin here), so the check applies from the line where every kind has a finished
    // stage (the latest point a plain ETA is owed) to the last training's end, when there is a line between.
    const lines = progressLines(cli.stderr);
    const lastTrain = lines.map((l) => l.state === 'succeeded' && l.label.startsWith('train ')).lastIndexOf(true);
    expect(lastTrain, cli.stderr).toBeGreaterThan(0);
    const finishedKinds = new Set<string>();
    const allCosted = lines.findIndex((l) => {
      if (l.state === 'succeeded') finishedKinds.add(l.label.split(' ')[0]!);
      return end.stageKinds.every((k) => finishedKinds.has(k.kind));
    });
    if (allCosted >= 0 && allCosted < lastTrain - 1) {
      expect(lines.slice(allCosted + 1, lastTrain).some((l) => /^ETA \d/.test(l.eta)), cli.stderr).toBe(true);
    }
    const report = await client.report(exp.id);
    expect(fs.existsSync(report.htmlPath)).toBe(true);
    const html = fs.readFileSync(report.htmlPath, 'utf8');
    expect(html).toContain('<svg');
    const jsonl = fs.readFileSync(report.jsonlPath, 'utf8');
    reference = { csv: fs.readFileSync(report.csvPath, 'utf8'), jsonl };
    finished = { home, id: exp.id };
    // every clean and attacked mean return in the ledger appears, at full precision, in the JSONL
    const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
    const evals = db.prepare("SELECT result_json FROM stages WHERE experiment_id = ? AND kind = 'evaluate'").all(exp.id) as { result_json: string }[];
    db.close();
    // 2 policies x (clean, random at the env default 0.05, mad at 0.02 and 0.1)
    expect(evals.length).toBe(8);
    for (const e of evals) {
      const r = JSON.parse(e.result_json) as { meanReturn: number };
      expect(jsonl).toContain(JSON.stringify(r.meanReturn));
    }
    expect(ledgerStages(home, exp.id).every((s) => s.state === 'succeeded' && s.runs === 1)).toBe(true);
    checkCertificates(home, exp.id);

    // one trace for the experiment: a span per stage under it, the stage RPCs beneath those
    const spans = readSpanFile(path.join(home, 'spans.jsonl'));
    const root = spans.find((s) => s.name === 'experiment' && s.attributes['rlprune.experiment'] === exp.id)!;
    expect(root).toBeDefined();
    const trace = spans.filter((s) => s.traceId === root.traceId);
    const stageSpans = trace.filter((s) => s.name.startsWith('stage.'));
    expect(stageSpans.length).toBe(ledgerStages(home, exp.id).length + 1); // + stage.analyse
    for (const s of stageSpans) expect(s.parentSpanId).toBe(root.spanId);
    const train = stageSpans.find((s) => s.name === 'stage.train')!;
    expect(train.attributes).toMatchObject({ 'rlprune.env': 'InvertedPendulum-v4', 'rlprune.seed': 1 });
    const trainServer = trace.find((s) => s.service === 'rlprune-trainer' && s.name.endsWith('Trainer/Train'))!;
    const trainClient = trace.find((s) => s.spanId === trainServer.parentSpanId)!;
    expect(trainClient.parentSpanId).toBe(train.spanId);
  }, 600_000);

  it('publishes the run into a results folder whose report regenerates byte-identical, with the numbers of the ledger report', async () => {
    const results = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-results-'));
    // no service: publish and report --from read the ledger file and the folder
    await run(process.execPath, [CLI, 'publish', finished!.id, '--to', results, '--home', finished!.home]);
    const run1 = path.join(results, 'runs', finished!.id);
    for (const f of ['points.jsonl', 'spec.yaml', 'run.json', 'provenance.json']) expect(fs.existsSync(path.join(run1, f)), f).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(run1, 'run.json'), 'utf8'))).toMatchObject({ state: 'succeeded', gridPoints: 2 });
    // the code named is that of the orchestrator that ran it, recorded in the ledger at submission
    expect(JSON.parse(fs.readFileSync(path.join(run1, 'provenance.json'), 'utf8'))).toMatchObject({ recordedAt: 'submit' });
    await run(process.execPath, [CLI, 'report', '--from', results]);
    expect(fs.readFileSync(path.join(results, 'results.csv'), 'utf8')).toBe(reference!.csv);
    expect(fs.readFileSync(path.join(results, 'results.jsonl'), 'utf8')).toBe(reference!.jsonl);
    const html = fs.readFileSync(path.join(results, 'report.html'), 'utf8');
    const summary = fs.readFileSync(path.join(results, 'summary.json'), 'utf8');
    await run(process.execPath, [CLI, 'report', '--from', results]);
    expect(fs.readFileSync(path.join(results, 'report.html'), 'utf8')).toBe(html);
    expect(fs.readFileSync(path.join(results, 'summary.json'), 'utf8')).toBe(summary);
    // two results folders on one compare page, written without a ledger (a copy stands for a second folder)
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-results-b-'));
    fs.cpSync(path.join(results, 'runs'), path.join(second, 'runs'), { recursive: true });
    const comparePage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compare-')), 'page');
    const compared = await run(process.execPath, [CLI, 'compare', results, second, '--to', comparePage]);
    const [pageLine, figuresLine] = compared.stdout.trim().split('\n');
    expect(pageLine).toBe(`compare: ${path.join(comparePage, 'compare.html')}`);
    // the two folders share their groups: the page's overlays are written as figure files too
    expect(figuresLine).toMatch(/^figures: .* \(\d+ SVG files, the page's overlays\)$/);
    expect(fs.readdirSync(path.join(comparePage, 'figures')).filter((f) => f.startsWith('cmp-') && f.endsWith('.svg')).length).toBeGreaterThan(0);
    const page = fs.readFileSync(path.join(comparePage, 'compare.html'), 'utf8');
    for (const folder of [results, second]) expect(page).toContain(path.basename(folder));
    const mixed = await run(process.execPath, [CLI, 'compare', results, finished!.id, '--to', comparePage]).catch((e: { code: number; stderr: string }) => e);
    expect((mixed as { code: number }).code).toBe(2);
    expect((mixed as { stderr: string }).stderr).toMatch(/ids or results folders, not both/);
    // a second run publishing the same grid point with other results is refused, naming both runs
    const other = path.join(results, 'runs', 'exp-other');
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(run1, 'spec.yaml'), path.join(other, 'spec.yaml'));
    fs.writeFileSync(path.join(other, 'points.jsonl'), fs.readFileSync(path.join(run1, 'points.jsonl'), 'utf8').replace(/"meanReturn":([0-9.]+)/, '"meanReturn":12345'));
    const refused = await run(process.execPath, [CLI, 'report', '--from', results]).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(2);
    expect((refused as { stderr: string }).stderr).toMatch(new RegExp(`published by runs (${finished!.id} and exp-other|exp-other and ${finished!.id}) with different results`));
  }, 120_000);

  it('survives kill -9 of the orchestrator at three points with identical results and no stage run twice', async () => {
    const { cluster, client, home } = await start();
    const exp = await client.submit(SPEC);
    const orch = () => cluster.waitRestarted('orchestrator', 0);
    let kills = 0;
    // three points: after the first stage, in the middle, near the end
    for (const atDone of [1, 6, 11]) {
      await waitFor(client, exp.id, (e) => e.stagesDone >= atDone || e.state === 'succeeded');
      const svc = await orch();
      svc.child.kill('SIGKILL');
      kills++;
      await cluster.waitRestarted('orchestrator', kills);
    }
    const end = await waitFor(client, exp.id, (e) => e.state === 'succeeded' || e.state === 'failed');
    expect(end.state).toBe('succeeded');
    const stages = ledgerStages(home, exp.id);
    for (const s of stages) expect(s.runs, `${s.kind} ${s.id} ran ${s.runs} times`).toBeLessThanOrEqual(1);
    // three restarts on the same code: the facts recorded at submission stay the only ones
    const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
    expect(db.prepare('SELECT role FROM experiment_facts WHERE experiment_id = ?').all(exp.id)).toEqual([{ role: 'submit' }]);
    db.close();
    const report = await client.report(exp.id);
    expect(fs.readFileSync(report.csvPath, 'utf8')).toBe(reference!.csv);
  }, 900_000);
});

describe('experiment failures', () => {
  it('retries a stage whose service dies mid-stage, and the experiment still completes', async () => {
    const { cluster, client, home } = await start();
    const exp = await client.submit(SPEC.replace('total_timesteps: 4096', 'total_timesteps: 16384'));
    // wait until a training stage is running, then kill the trainer under it
    const until = Date.now() + 120_000;
    while (!ledgerStages(home, exp.id).some((s) => s.kind === 'train' && s.state === 'running')) {
      if (Date.now() > until) throw new Error('no training stage started');
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500));
    (await cluster.waitRestarted('trainer', 0)).child.kill('SIGKILL');
    const end = await waitFor(client, exp.id, (e) => e.state === 'succeeded' || e.state === 'failed');
    expect(end.state).toBe('succeeded');
    const trains = ledgerStages(home, exp.id).filter((s) => s.kind === 'train');
    expect(Math.max(...trains.map((s) => s.attempts))).toBeGreaterThanOrEqual(2);
    expect(cluster.restarts.get('trainer')).toBe(1);
  }, 600_000);

  it('rejects bad specs before anything runs, naming the field or line', async () => {
    const { client } = await start();
    const bad = [
      [SPEC.replace('InvertedPendulum-v4', 'Hoppr-v4'), /envs\[0\]/],
      [SPEC.replace('sparsities: [0, 0.5]', 'sparsities: [0, 1.2]'), /pruning\.sparsities\[1\]/],
      [SPEC.replace('epsilons: [0.02, 0.1]', 'epsilons: [-0.1]'), /attacks\[1\]\.epsilons\[0\]/],
      [SPEC.replace('seeds: [1]', 'seeds: [1'), /line \d+/],
    ] as const;
    for (const [text, field] of bad) {
      const err = await client.submit(text).catch((e: { code: number; details: string }) => e);
      expect((err as { code: number }).code).toBe(3);
      expect((err as { details: string }).details).toMatch(field);
    }
    expect(await client.list()).toHaveLength(0);
  }, 120_000);
});
