// A local experiment home read and written directly, without starting a service: `ls`, `report ID`
// and `cancel ID` open its SQLite ledger (WAL, so reading works while an orchestrator writes).
import fs from 'node:fs';
import path from 'node:path';
import type { Experiment__Output } from '@rlprune/proto';
import { Ledger, type ExperimentRow } from '@rlprune/orchestrator';
import { UsageError } from './errors';

/** The home a command without --address uses. */
export function homeDir(home: string | undefined): string {
  return path.resolve(home ?? process.env.RLPRUNE_HOME ?? '.rlprune');
}

export function ledgerFile(home: string): string {
  return path.join(home, 'ledger.sqlite');
}

/** The orchestrator a command was pointed at, if any (flag, then environment). */
export function remoteAddress(address: string | undefined): string | undefined {
  return address ?? (process.env.ORCHESTRATOR_ADDRESS || undefined);
}

/** The home's ledger, or null when the home has none yet (nothing has run there). */
export function openLedger(home: string): Ledger | null {
  return fs.existsSync(ledgerFile(home)) ? new Ledger(ledgerFile(home)) : null;
}

/** Runs `f` on the home's ledger; a home without one is a usage error naming it. */
export function withLedger<T>(home: string, f: (ledger: Ledger) => T): T {
  const ledger = openLedger(home);
  if (!ledger) throw new UsageError(`--home: no ledger at ${ledgerFile(home)} (nothing has run in this home)`);
  try {
    return f(ledger);
  } finally {
    ledger.close();
  }
}

/** The fields of an experiment that ls, cancel and their --json show (the wire message Experiment's). */
const SUMMARY_FIELDS = ['id', 'name', 'state', 'gridPoints', 'stagesTotal', 'stagesDone', 'stagesFailed', 'error'] as const;
export type ExperimentSummary = Pick<Experiment__Output, (typeof SUMMARY_FIELDS)[number]>;

/** A ledger row as an orchestrator's ListExperiments shows it (without its trace ids). */
export function experimentSummary(e: ExperimentRow): ExperimentSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, e[k]])) as ExperimentSummary;
}
