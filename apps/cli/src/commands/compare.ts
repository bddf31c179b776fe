// `rlprune compare ID ID [...]`: one HTML page with the same figures of several experiments side
// by side (and overlaid), written by the orchestrator from its ledger; prints the page's path.
import { parseCommand } from '../args/parse';
import { connect } from '../local-or-remote';
import { COMPARE } from '../specs/experiments';

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(COMPARE, argv);
  const conn = await connect(values);
  try {
    const r = await conn.client.compare(args);
    console.log(values.json ? JSON.stringify({ htmlPath: r.htmlPath, summary: JSON.parse(r.summaryJson) as unknown }, null, 2) : `compare: ${r.htmlPath}`);
    return 0;
  } finally {
    await conn.close();
  }
}
