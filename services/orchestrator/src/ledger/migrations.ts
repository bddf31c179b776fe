// The ledger's schema version (SQLite's PRAGMA user_version) and the steps that bring an older ledger
// forward, so a ledger outlives the code that wrote it. Opening a ledger runs the steps from its
// version to LEDGER_VERSION in one transaction; a ledger newer than this code is refused (downgrading
// could drop what the newer code wrote).
//   version 0  written before versions were recorded (up to 2026-12-07): the tables of LEDGER_SCHEMA
//   version 1  the same tables, with the version recorded
//   version 2  + stage_checkpoints (a train stage's latest checkpoint, to continue from it)
//   version 3  + experiment_facts (the code and runtime of the orchestrators that ran each experiment)
// Only the orchestrator that owns the home upgrades an older ledger (server.ts): a CLI command reading
// a home (ls, report, publish) reads it at its version, so a home whose orchestrator runs older code
// (e.g. a long grid on an older worktree) is never upgraded under it, which would make that
// orchestrator refuse its own ledger at its next start or resume.
// A change to the tables adds a version: LEDGER_SCHEMA becomes the new layout (what a new file gets)
// and MIGRATIONS gets the step from the previous one (ALTER TABLE ..., back-filled values), tested on
// fixtures/ledger-2026-12-07.sqlite, a ledger written by the version-0 code.
import type Database from 'better-sqlite3';
import { FailedPreconditionError } from '@rlprune/service-kit';
import { EXPERIMENT_FACTS_TABLE, LEDGER_SCHEMA, STAGE_CHECKPOINTS_TABLE } from './schema.sql';

export const LEDGER_VERSION = 3;
/** The version that added experiment_facts (a ledger read at an older one has none). */
export const EXPERIMENT_FACTS_VERSION = 3;

/** MIGRATIONS[v] turns a version v - 1 ledger into version v. */
const MIGRATIONS: Record<number, (db: Database.Database) => void> = {
  // version 0 had today's tables (an early one may lack a later-added table, which version-0 code
  // created on open with CREATE TABLE IF NOT EXISTS, as this does); only the version was missing
  1: (db) => db.exec(LEDGER_SCHEMA),
  // a new table only; a version-1 ledger's stages simply have no checkpoint recorded (they start over)
  2: (db) => db.exec(STAGE_CHECKPOINTS_TABLE),
  // a new table only; a version-2 ledger's experiments have no facts recorded (their provenance says
  // it was recorded by the process that reports or publishes them, as before)
  3: (db) => db.exec(EXPERIMENT_FACTS_TABLE),
};

export class LedgerVersionError extends FailedPreconditionError {}

/**
 * Brings `db` to LEDGER_VERSION when `upgrade` (a new file always gets the current tables); returns
 * the version it has now (an older one when it was not upgraded).
 */
export function migrateLedger(db: Database.Database, file: string, upgrade = true): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > LEDGER_VERSION) {
    throw new LedgerVersionError(`ledger ${file} has schema version ${from}, newer than this rlprune reads (${LEDGER_VERSION}); use a newer rlprune`);
  }
  const fresh = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'experiments'").get() as { n: number };
  if (fresh.n > 0 && !upgrade) return from;
  db.transaction(() => {
    if (fresh.n === 0) db.exec(LEDGER_SCHEMA);
    else for (let v = from + 1; v <= LEDGER_VERSION; v++) MIGRATIONS[v]!(db);
    db.pragma(`user_version = ${LEDGER_VERSION}`);
  })();
  return LEDGER_VERSION;
}
