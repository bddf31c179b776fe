// Ledger schema versions: a ledger written by the code before versions were recorded
// (fixtures/ledger-2026-12-07.sqlite, committed as that code wrote it) opens, is brought to the
// current version, and reads back as written; a new file starts at the current version; a ledger
// newer than the code is refused with a message naming it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Ledger } from './ledger';
import { LEDGER_VERSION } from './migrations';

const FIXTURE = path.join(__dirname, 'fixtures', 'ledger-2026-12-07.sqlite');
/** As the orchestrator that owns the home opens its ledger (server.ts). */
const OWNER = { upgrade: true };

function copyOf(fixture: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-migrate-')), 'ledger.sqlite');
  fs.copyFileSync(fixture, file);
  return file;
}
const versionOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('ledger migrations', () => {
  it('brings a ledger written before versions were recorded to the current version, its contents intact', () => {
    const file = copyOf(FIXTURE);
    expect(versionOf(file)).toBe(0);
    const ledger = new Ledger(file, OWNER);
    const [exp] = ledger.listExperiments();
    expect(exp).toMatchObject({ id: 'exp-cedaf76e6f', name: 'fixture', state: 'running', gridPoints: 2, stagesDone: 1 });
    const train = ledger.stages(exp!.id).find((s) => s.kind === 'train')!;
    expect(train).toMatchObject({ state: 'succeeded', runs: 1, result: { policy: 'sha256-fixture' } });
    expect(ledger.metrics(exp!.id)).toContainEqual({ stageId: train.id, name: 'final_return', value: 12.5 });
    expect(ledger.cacheGet('fixture-key')).toEqual({ policy: 'sha256-fixture' });
    // version 2's table is there: a train stage's checkpoint can be recorded
    ledger.recordStageCheckpoint(exp!.id, train.id, { cacheKey: 'k', artifact: 'a', iteration: 1, partial: { curve: [] } });
    expect(ledger.stageCheckpoint(exp!.id, train.id)).toEqual({ cacheKey: 'k', artifact: 'a', iteration: 1, partial: { curve: [] } });
    // version 3's: the experiment keeps no facts of the code that submitted it (its provenance falls back)
    expect(ledger.experimentFacts(exp!.id)).toEqual([]);
    // and it keeps working: new writes land, and the next open has nothing to do
    ledger.setExperimentState(exp!.id, 'succeeded');
    ledger.close();
    expect(versionOf(file)).toBe(LEDGER_VERSION);
    const again = new Ledger(file, OWNER);
    expect(again.getExperiment(exp!.id)?.state).toBe('succeeded');
    again.close();
  });

  it('adds stage_checkpoints to a version-1 ledger', () => {
    const file = copyOf(FIXTURE);
    new Ledger(file, OWNER).close();
    // as version-1 code left it: the same tables without stage_checkpoints
    const db = new Database(file);
    db.exec('DROP TABLE stage_checkpoints');
    db.pragma('user_version = 1');
    db.close();
    const ledger = new Ledger(file, OWNER);
    expect(ledger.stageCheckpoint('exp-cedaf76e6f', 'any')).toBeUndefined();
    ledger.close();
    expect(versionOf(file)).toBe(LEDGER_VERSION);
  });

  it('adds experiment_facts to a version-2 ledger, its experiments without facts until an orchestrator resumes one', () => {
    const file = copyOf(FIXTURE);
    new Ledger(file, OWNER).close();
    // as version-2 code left it: the same tables without experiment_facts
    const db = new Database(file);
    db.exec('DROP TABLE experiment_facts');
    db.pragma('user_version = 2');
    db.close();
    const ledger = new Ledger(file, OWNER);
    expect(versionOf(file)).toBe(LEDGER_VERSION);
    expect(ledger.getExperiment('exp-cedaf76e6f')).toMatchObject({ name: 'fixture', stagesDone: 1 });
    expect(ledger.experimentFacts('exp-cedaf76e6f')).toEqual([]);
    const facts = { rlpruneVersion: '0.1.0', gitCommit: 'c'.repeat(40), gitDirty: false, nodeVersion: 'v20.1.0', nnKernels: 'js', dependencies: { 'mujoco-js': '0.0.7' } };
    expect(ledger.recordResumeFacts('exp-cedaf76e6f', facts)).toBe(true);
    expect(ledger.experimentFacts('exp-cedaf76e6f')).toEqual([{ role: 'resume', facts, at: expect.any(String) }]);
    ledger.close();
  });

  it('leaves an older ledger at its version when a command only reads the home, and reads it as it is', () => {
    const file = copyOf(FIXTURE);
    new Ledger(file, OWNER).close();
    // a home whose orchestrator runs version-2 code
    const db = new Database(file);
    db.exec('DROP TABLE experiment_facts');
    db.pragma('user_version = 2');
    db.close();
    const reader = new Ledger(file);
    expect(reader.version).toBe(2);
    expect(reader.getExperiment('exp-cedaf76e6f')).toMatchObject({ name: 'fixture', stagesDone: 1 });
    expect(reader.experimentFacts('exp-cedaf76e6f')).toEqual([]);
    reader.close();
    expect(versionOf(file)).toBe(2); // that orchestrator still opens it at its next start
    // a reader of a new file (nothing to upgrade) gets the current tables
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-new-')), 'ledger.sqlite');
    const created = new Ledger(fresh);
    expect(created.version).toBe(LEDGER_VERSION);
    created.close();
  });

  it('gives a new ledger the current version', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-new-')), 'ledger.sqlite');
    new Ledger(file, OWNER).close();
    expect(versionOf(file)).toBe(LEDGER_VERSION);
  });

  it('refuses a ledger written by a newer rlprune, naming the file and both versions', () => {
    const file = copyOf(FIXTURE);
    const db = new Database(file);
    db.pragma(`user_version = ${LEDGER_VERSION + 1}`);
    db.close();
    expect(() => new Ledger(file, OWNER)).toThrow(`ledger ${file} has schema version ${LEDGER_VERSION + 1}, newer than this rlprune reads (${LEDGER_VERSION})`);
  });
});
