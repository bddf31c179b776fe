// Which attackers a local `rlprune resume` must start: every attack named by the specs of the
// experiments it will resume, read from the home's ledger before any service is up (without them
// an unfinished experiment that uses, say, mad fails with "no attacker deployment serves mad").
import fs from 'node:fs';
import path from 'node:path';
import { Ledger, type ExperimentSpec } from '@rlprune/orchestrator';

/** States `rlprune resume` without ids picks up. */
export const RESUMABLE_STATES = new Set(['running', 'pending', 'failed']);

export function attacksToResume(home: string, ids: readonly string[]): string[] {
  const file = path.join(home, 'ledger.sqlite');
  const attacks = new Set(['random']);
  if (!fs.existsSync(file)) return [...attacks];
  const ledger = new Ledger(file);
  try {
    const experiments = ids.length > 0 ? ids.map((id) => ledger.getExperiment(id)).filter((e) => e !== undefined) : ledger.listExperiments().filter((e) => RESUMABLE_STATES.has(e.state));
    for (const e of experiments) for (const a of (e.spec as ExperimentSpec).attacks ?? []) attacks.add(a.name);
  } finally {
    ledger.close();
  }
  return [...attacks].sort();
}
