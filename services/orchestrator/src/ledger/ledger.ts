// The run ledger: experiments, grid points, stages with their state and attempts, events, metrics
// and the stage cache, in one SQLite file (WAL, so readers never block the scheduler's writes).
// Every state change is one transaction, which is what makes kill -9 at any point recoverable.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ProcessFacts } from '../experiments/report-provenance';
import { canonicalJson } from '../pipeline/canonical';
import type { Grid } from '../pipeline/grid';
import { EXPERIMENT_FACTS_VERSION, migrateLedger } from './migrations';

export type StageState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ExperimentState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ExperimentRow {
  id: string;
  name: string;
  specYaml: string;
  spec: unknown;
  state: ExperimentState;
  error: string;
  gridPoints: number;
  stagesTotal: number;
  stagesDone: number;
  stagesFailed: number;
  /** The same counts per stage kind, kinds in the order of their first stage (a client's ETA by kind needs them). */
  stageKinds: StageKindCount[];
}

/** An experiment's stages of one kind. */
export interface StageKindCount {
  kind: string;
  total: number;
  /** Succeeded (ran, or came from the stage cache). */
  done: number;
  failed: number;
}

export interface StageRow {
  id: string;
  kind: string;
  label: string;
  params: Record<string, unknown>;
  deps: Record<string, string>;
  state: StageState;
  cached: boolean;
  result: Record<string, unknown> | null;
  error: string;
  attempts: number;
  runs: number;
}

/** A stage's latest checkpoint as the ledger keeps it (stage_checkpoints, schema.sql.ts). */
export interface CheckpointRow {
  /** The stage's cache key when it was recorded: only the same stage continues it. */
  cacheKey: string;
  artifact: string;
  /** The iteration the checkpoint continues after. */
  iteration: number;
  /** What the stage had collected up to it, as its executor wrote it (JSON). */
  partial: unknown;
}

/** The facts of an orchestrator that ran an experiment, as recorded (experiment_facts, schema.sql.ts). */
export interface RecordedFacts {
  /** 'submit': the orchestrator that created the experiment; 'resume': a later one with other facts. */
  role: 'submit' | 'resume';
  facts: ProcessFacts;
  /** When it was recorded (ISO time): the submission, or when that orchestrator took the experiment over. */
  at: string;
}

const now = () => new Date().toISOString();

/** A row of the stages table as a StageRow. */
function stageRow(r: Record<string, unknown>): StageRow {
  return {
    id: r.id as string,
    kind: r.kind as string,
    label: r.label as string,
    params: JSON.parse(r.params_json as string) as Record<string, unknown>,
    deps: JSON.parse(r.deps_json as string) as Record<string, string>,
    state: r.state as StageState,
    cached: r.cached === 1,
    result: r.result_json ? (JSON.parse(r.result_json as string) as Record<string, unknown>) : null,
    error: r.error as string,
    attempts: r.attempts as number,
    runs: r.runs as number,
  };
}

export interface LedgerOptions {
  /**
   * Bring an older ledger to this code's tables (migrations.ts). Only the orchestrator that owns the
   * home does: a command that reads a home leaves its version to the orchestrator running there. A
   * ledger not upgraded reads as it is: what a later table would hold (experimentFacts) reads as
   * none; a later table's writes need the upgrade. A new file always gets the current tables.
   * Default false.
   */
  upgrade?: boolean;
}

export class Ledger {
  private readonly db: Database.Database;
  /** The schema version of the file as opened (LEDGER_VERSION unless an older one was not upgraded). */
  readonly version: number;

  constructor(file: string, opts: LedgerOptions = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // a new file gets the current tables; an older ledger is brought forward by its owner (migrations.ts)
    this.version = migrateLedger(this.db, file, opts.upgrade ?? false);
  }

  close(): void {
    this.db.close();
  }

  /** Records a new experiment; `facts` are those of the orchestrator submitting it (its provenance). */
  createExperiment(name: string, specYaml: string, spec: unknown, grid: Grid, facts?: ProcessFacts): string {
    const id = `exp-${crypto.randomBytes(5).toString('hex')}`;
    const t = now();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO experiments (id, name, spec_yaml, spec_json, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, name, specYaml, JSON.stringify(spec), 'pending', t, t);
      if (facts) this.insertFacts(id, 0, 'submit', facts, t);
      const insStage = this.db.prepare(
        'INSERT INTO stages (experiment_id, id, kind, label, params_json, deps_json, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const s of grid.stages.values()) insStage.run(id, s.id, s.kind, s.label, JSON.stringify(s.params), JSON.stringify(s.deps), 'pending');
      const insPoint = this.db.prepare('INSERT INTO grid_points (experiment_id, id, label, point_json) VALUES (?, ?, ?, ?)');
      const link = this.db.prepare('INSERT OR IGNORE INTO stage_points (experiment_id, stage_id, point_id) VALUES (?, ?, ?)');
      for (const p of grid.points) {
        insPoint.run(id, p.id, p.label, JSON.stringify(p));
        const own = [p.policyStage, p.cleanStage, ...(p.sampledCleanStage ? [p.sampledCleanStage] : []), ...p.certifyStages.map((c) => c.stage), ...p.attackStages.flatMap((a) => [a.stage, ...(a.sweep ?? []).map((s) => s.stage)])];
        for (const s of own) link.run(id, s, p.id);
      }
      this.addEvent(id, '', 'created', `${grid.points.length} grid points, ${grid.stages.size} stages`);
    })();
    return id;
  }

  getExperiment(id: string): ExperimentRow | undefined {
    const row = this.db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as Record<string, string> | undefined;
    if (!row) return undefined;
    const stageKinds = this.db
      .prepare(
        `SELECT kind, COUNT(*) AS total, SUM(state = 'succeeded') AS done, SUM(state = 'failed') AS failed
         FROM stages WHERE experiment_id = ? GROUP BY kind ORDER BY MIN(rowid)`,
      )
      .all(id) as StageKindCount[];
    const sum = (field: 'total' | 'done' | 'failed') => stageKinds.reduce((n, k) => n + k[field], 0);
    const points = this.db.prepare('SELECT COUNT(*) AS n FROM grid_points WHERE experiment_id = ?').get(id) as { n: number };
    return {
      id: row.id!,
      name: row.name!,
      specYaml: row.spec_yaml!,
      spec: JSON.parse(row.spec_json!),
      state: row.state as ExperimentState,
      error: row.error!,
      gridPoints: points.n,
      stagesTotal: sum('total'),
      stagesDone: sum('done'),
      stagesFailed: sum('failed'),
      stageKinds,
    };
  }

  listExperiments(): ExperimentRow[] {
    const ids = this.db.prepare('SELECT id FROM experiments ORDER BY created_at DESC, rowid DESC').all() as { id: string }[];
    return ids.map((r) => this.getExperiment(r.id)!);
  }

  unfinishedExperiments(): string[] {
    return (this.db.prepare("SELECT id FROM experiments WHERE state IN ('pending', 'running') ORDER BY created_at").all() as { id: string }[]).map(
      (r) => r.id,
    );
  }

  setExperimentState(id: string, state: ExperimentState, error = ''): void {
    this.db.prepare('UPDATE experiments SET state = ?, error = ?, updated_at = ? WHERE id = ?').run(state, error, now(), id);
    this.addEvent(id, '', `experiment-${state}`, error);
  }

  stages(experimentId: string): StageRow[] {
    const rows = this.db.prepare('SELECT * FROM stages WHERE experiment_id = ? ORDER BY rowid').all(experimentId) as Record<string, unknown>[];
    return rows.map(stageRow);
  }

  /** One stage, e.g. to show a finished stage's result as it finishes. */
  stage(experimentId: string, stageId: string): StageRow | undefined {
    const row = this.db.prepare('SELECT * FROM stages WHERE experiment_id = ? AND id = ?').get(experimentId, stageId) as Record<string, unknown> | undefined;
    return row && stageRow(row);
  }

  gridPoints(experimentId: string): Array<{ id: string; label: string; point: unknown }> {
    return (this.db.prepare('SELECT * FROM grid_points WHERE experiment_id = ? ORDER BY rowid').all(experimentId) as Record<string, string>[]).map(
      (r) => ({ id: r.id!, label: r.label!, point: JSON.parse(r.point_json!) }),
    );
  }

  /** Labels of the grid points a stage serves. */
  pointsOfStage(experimentId: string, stageId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT g.label FROM stage_points s JOIN grid_points g ON g.experiment_id = s.experiment_id AND g.id = s.point_id WHERE s.experiment_id = ? AND s.stage_id = ? ORDER BY g.rowid',
        )
        .all(experimentId, stageId) as { label: string }[]
    ).map((r) => r.label);
  }

  /** Stages left 'running' by a crash go back to 'pending' (their attempt is marked failed). */
  resetInterrupted(experimentId: string): number {
    return this.db.transaction(() => {
      this.db
        .prepare("UPDATE attempts SET state = 'failed', error = 'interrupted', finished_at = ? WHERE experiment_id = ? AND state = 'running'")
        .run(now(), experimentId);
      const r = this.db
        .prepare("UPDATE stages SET state = 'pending' WHERE experiment_id = ? AND state IN ('running', 'cancelled', 'failed')")
        .run(experimentId);
      return r.changes;
    })();
  }

  startAttempt(experimentId: string, stageId: string): number {
    return this.db.transaction(() => {
      const { attempts } = this.db.prepare('SELECT attempts FROM stages WHERE experiment_id = ? AND id = ?').get(experimentId, stageId) as {
        attempts: number;
      };
      const n = attempts + 1;
      this.db.prepare("UPDATE stages SET state = 'running', attempts = ?, error = '' WHERE experiment_id = ? AND id = ?").run(n, experimentId, stageId);
      this.db.prepare("INSERT INTO attempts (experiment_id, stage_id, n, state, started_at) VALUES (?, ?, ?, 'running', ?)").run(experimentId, stageId, n, now());
      this.addEvent(experimentId, stageId, 'stage-running', `attempt ${n}`);
      return n;
    })();
  }

  /** Records a result; `cached` marks one taken from the stage cache (no work ran). */
  finishStage(experimentId: string, stageId: string, result: Record<string, unknown>, cached: boolean, metrics: Record<string, number> = {}): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE stages SET state = 'succeeded', cached = ?, result_json = ?, runs = runs + ? WHERE experiment_id = ? AND id = ?`,
        )
        .run(cached ? 1 : 0, JSON.stringify(result), cached ? 0 : 1, experimentId, stageId);
      this.db
        .prepare("UPDATE attempts SET state = 'succeeded', finished_at = ? WHERE experiment_id = ? AND stage_id = ? AND state = 'running'")
        .run(now(), experimentId, stageId);
      // a finished stage continues nothing (a train stage drops its own before; this covers a cache hit)
      this.db.prepare('DELETE FROM stage_checkpoints WHERE experiment_id = ? AND stage_id = ?').run(experimentId, stageId);
      const ins = this.db.prepare('INSERT OR REPLACE INTO metrics (experiment_id, stage_id, name, value) VALUES (?, ?, ?, ?)');
      for (const [k, v] of Object.entries(metrics)) ins.run(experimentId, stageId, k, Number.isFinite(v) ? v : null);
      this.addEvent(experimentId, stageId, cached ? 'stage-cached' : 'stage-succeeded', '');
    })();
  }

  failStage(experimentId: string, stageId: string, error: string, state: 'failed' | 'cancelled' = 'failed'): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE stages SET state = ?, error = ? WHERE experiment_id = ? AND id = ?').run(state, error, experimentId, stageId);
      this.db
        .prepare("UPDATE attempts SET state = ?, error = ?, finished_at = ? WHERE experiment_id = ? AND stage_id = ? AND state = 'running'")
        .run(state, error, now(), experimentId, stageId);
      this.addEvent(experimentId, stageId, `stage-${state}`, error);
    })();
  }

  /** Puts a failed-but-retryable stage back to pending. */
  retryStage(experimentId: string, stageId: string, error: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE stages SET state = 'pending', error = ? WHERE experiment_id = ? AND id = ?").run(error, experimentId, stageId);
      this.db
        .prepare("UPDATE attempts SET state = 'failed', error = ?, finished_at = ? WHERE experiment_id = ? AND stage_id = ? AND state = 'running'")
        .run(error, now(), experimentId, stageId);
      this.addEvent(experimentId, stageId, 'stage-retry', error);
    })();
  }

  addEvent(experimentId: string, stageId: string, type: string, message: string): void {
    this.db.prepare('INSERT INTO events (experiment_id, stage_id, at, type, message) VALUES (?, ?, ?, ?, ?)').run(experimentId, stageId, now(), type, message);
  }

  events(experimentId: string, afterSeq = 0): Array<{ seq: number; stageId: string; type: string; message: string }> {
    return (
      this.db.prepare('SELECT seq, stage_id, type, message FROM events WHERE experiment_id = ? AND seq > ? ORDER BY seq').all(experimentId, afterSeq) as Record<
        string,
        unknown
      >[]
    ).map((r) => ({ seq: r.seq as number, stageId: r.stage_id as string, type: r.type as string, message: r.message as string }));
  }

  metrics(experimentId: string): Array<{ stageId: string; name: string; value: number | null }> {
    return (this.db.prepare('SELECT stage_id, name, value FROM metrics WHERE experiment_id = ? ORDER BY stage_id, name').all(experimentId) as Record<
      string,
      unknown
    >[]).map((r) => ({ stageId: r.stage_id as string, name: r.name as string, value: r.value as number | null }));
  }

  /** The facts of the orchestrators that ran the experiment, oldest first (none for one recorded before they were kept). */
  experimentFacts(experimentId: string): RecordedFacts[] {
    if (this.version < EXPERIMENT_FACTS_VERSION) return [];
    return (
      this.db.prepare('SELECT role, facts_json, recorded_at FROM experiment_facts WHERE experiment_id = ? ORDER BY n').all(experimentId) as Array<{
        role: RecordedFacts['role'];
        facts_json: string;
        recorded_at: string;
      }>
    ).map((r) => ({ role: r.role, facts: JSON.parse(r.facts_json) as ProcessFacts, at: r.recorded_at }));
  }

  /**
   * An orchestrator takes the experiment over (a resume or a restart): its facts are appended when
   * they differ from the last recorded (or none are), so the row says from when later stages ran on
   * other code. Returns whether a row was appended.
   */
  recordResumeFacts(experimentId: string, facts: ProcessFacts): boolean {
    return this.db.transaction(() => {
      const last = this.db
        .prepare('SELECT n, facts_json FROM experiment_facts WHERE experiment_id = ? ORDER BY n DESC LIMIT 1')
        .get(experimentId) as { n: number; facts_json: string } | undefined;
      if (last && canonicalJson(JSON.parse(last.facts_json)) === canonicalJson(facts)) return false;
      this.insertFacts(experimentId, last ? last.n + 1 : 0, 'resume', facts, now());
      return true;
    })();
  }

  private insertFacts(experimentId: string, n: number, role: RecordedFacts['role'], facts: ProcessFacts, at: string): void {
    this.db
      .prepare('INSERT INTO experiment_facts (experiment_id, n, role, facts_json, recorded_at) VALUES (?, ?, ?, ?, ?)')
      .run(experimentId, n, role, JSON.stringify(facts), at);
  }

  /** The latest checkpoint recorded for a stage, if any. */
  stageCheckpoint(experimentId: string, stageId: string): CheckpointRow | undefined {
    const r = this.db
      .prepare('SELECT cache_key, artifact, iteration, partial_json FROM stage_checkpoints WHERE experiment_id = ? AND stage_id = ?')
      .get(experimentId, stageId) as { cache_key: string; artifact: string; iteration: number; partial_json: string } | undefined;
    return r && { cacheKey: r.cache_key, artifact: r.artifact, iteration: r.iteration, partial: JSON.parse(r.partial_json) };
  }

  /**
   * Records a stage's latest checkpoint in one transaction, replacing the one before. Returns the
   * replaced checkpoint's artifact when no stage's row names it any more (its file can go), else null.
   */
  recordStageCheckpoint(experimentId: string, stageId: string, cp: CheckpointRow): string | null {
    return this.db.transaction(() => {
      const before = this.stageCheckpoint(experimentId, stageId)?.artifact;
      this.db
        .prepare(
          `INSERT OR REPLACE INTO stage_checkpoints (experiment_id, stage_id, cache_key, artifact, iteration, partial_json, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(experimentId, stageId, cp.cacheKey, cp.artifact, cp.iteration, JSON.stringify(cp.partial), now());
      return before !== undefined && before !== cp.artifact && !this.checkpointInUse(before) ? before : null;
    })();
  }

  /** Forgets a stage's checkpoint; returns its artifact when no other stage's row names it, else null. */
  dropStageCheckpoint(experimentId: string, stageId: string): string | null {
    return this.db.transaction(() => {
      const artifact = this.stageCheckpoint(experimentId, stageId)?.artifact;
      if (artifact === undefined) return null;
      this.db.prepare('DELETE FROM stage_checkpoints WHERE experiment_id = ? AND stage_id = ?').run(experimentId, stageId);
      return this.checkpointInUse(artifact) ? null : artifact;
    })();
  }

  // Two experiments running the same train stage at once write the same checkpoint bytes (one id).
  private checkpointInUse(artifact: string): boolean {
    return this.db.prepare('SELECT 1 FROM stage_checkpoints WHERE artifact = ? LIMIT 1').get(artifact) !== undefined;
  }

  cacheGet(key: string): Record<string, unknown> | undefined {
    const r = this.db.prepare('SELECT result_json FROM stage_cache WHERE key = ?').get(key) as { result_json: string } | undefined;
    return r ? (JSON.parse(r.result_json) as Record<string, unknown>) : undefined;
  }

  cachePut(key: string, result: Record<string, unknown>): void {
    this.db.prepare('INSERT OR REPLACE INTO stage_cache (key, result_json, created_at) VALUES (?, ?, ?)').run(key, JSON.stringify(result), now());
  }
}
