// `rlprune report ID`: an experiment's report paths and sweet spots, from an orchestrator
// (--address) or written from a local home's ledger directly (no service); `--from results/NAME`:
// the report of every run published in a results folder.
import fs from 'node:fs';
import path from 'node:path';
import { ReportWriter, writePublishedReport } from '@rlprune/orchestrator';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { folderReason, isFolderError } from '../folder-errors';
import { homeDir, remoteAddress, withLedger } from '../local-home';
import { orchestratorAt } from '../orchestrator';
import { reportText } from '../report-summary';
import { REPORT } from '../specs/experiments';

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(REPORT, argv);
  if (values.from) {
    if (args.length > 0) throw new UsageError(`rlprune report: give an experiment ID or --from, not both (got ${args[0]} and --from ${values.from})`);
    // a results folder: rendered from its published runs alone, no ledger, no service
    if (!fs.existsSync(values.from)) throw new UsageError(`--from: ${values.from} does not exist`);
    let r;
    try {
      r = writePublishedReport(path.resolve(values.from));
    } catch (err) {
      if (isFolderError(err)) throw new UsageError(`rlprune report: --from ${values.from}: ${folderReason(err, values.from)}`);
      throw err;
    }
    console.log(values.json ? JSON.stringify(r, null, 2) : reportText({ ...r, htmlPath: `${r.htmlPath} (${r.points} grid points from ${r.runs} run(s))` }));
    return 0;
  }
  const id = args[0];
  if (!id) throw new UsageError('rlprune report: expected an experiment ID (`rlprune ls`) or --from results/NAME');
  const address = remoteAddress(values.address);
  const home = homeDir(values.home);
  // locally, as GetReport does: a finished experiment's report as written, an unfinished one's written now (partial)
  const r = address ? await orchestratorAt(address).report(id) : withLedger(home, (ledger) => new ReportWriter(ledger, home).read(id));
  console.log(values.json ? JSON.stringify(r, null, 2) : reportText(r));
  return 0;
}
