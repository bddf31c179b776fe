// `rlprune publish ID [ID ...] --to results/<name> [--home DIR]`: copies finished runs out of a home's
// ledger into a results folder (see experiments/publish.ts), reading the SQLite ledger directly: no
// service is started, and it works while the home's orchestrator runs.
import fs from 'node:fs';
import path from 'node:path';
import { Ledger, publishRun } from '@rlprune/orchestrator';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { homeDir } from '../local-home';
import { PUBLISH } from '../specs/experiments';

export async function publishCommand(argv: string[]): Promise<number> {
  const { values, args: positionals } = parseCommand(PUBLISH, argv);
  const home = homeDir(values.home);
  const ledgerFile = path.join(home, 'ledger.sqlite');
  if (!fs.existsSync(ledgerFile)) throw new UsageError(`--home: no ledger at ${ledgerFile}`);
  const ledger = new Ledger(ledgerFile);
  try {
    for (const id of positionals) {
      const { dir, points } = publishRun(ledger, ledgerFile, id, path.resolve(values.to));
      console.log(`${id}: ${points} grid points -> ${dir}`);
    }
  } finally {
    ledger.close();
  }
  return 0;
}
