// `rlprune compare ID ID [...]`: one HTML page with the same figures of several experiments side
// by side (and overlaid), written by the orchestrator from its ledger; prints the page's path.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors';
import { connect } from '../local-or-remote';

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { address: { type: 'string' }, home: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length < 2) throw new UsageError('usage: rlprune compare EXPERIMENT_ID EXPERIMENT_ID [...] [--json] [--address host:port] [--home DIR]');
  const conn = await connect(values);
  try {
    const r = await conn.client.compare(positionals);
    console.log(values.json ? JSON.stringify({ htmlPath: r.htmlPath, summary: JSON.parse(r.summaryJson) as unknown }, null, 2) : `compare: ${r.htmlPath}`);
    return 0;
  } finally {
    await conn.close();
  }
}
