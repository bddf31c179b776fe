// `rlprune publish ID [ID ...] --to results/<name> [--home DIR]`: copies finished runs out of a home's
// ledger into a results folder (see experiments/publish.ts), reading the SQLite ledger directly: no
// service is started, and it works while the home's orchestrator runs.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Ledger } from '../../ledger/ledger';
import { publishRun } from '../../experiments/publish';
import { UsageError } from '../errors';

const USAGE = 'usage: rlprune publish EXPERIMENT_ID [EXPERIMENT_ID ...] --to DIR [--home DIR]';

export async function publishCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { to: { type: 'string' }, home: { type: 'string' } } });
  if (positionals.length === 0 || !values.to) throw new UsageError(USAGE);
  const home = path.resolve(values.home ?? process.env.RLPRUNE_HOME ?? '.rlprune');
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
