// `rlprune ls | report ID | cancel ID | resume [ID]`: the ledger's experiments.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writePublishedReport } from '../../experiments/published-report';
import { CONCURRENCY_OPTION, parseConcurrency } from '../concurrency';
import { UsageError } from '../errors';
import { connect } from '../local-or-remote';
import { attacksToResume, RESUMABLE_STATES } from '../resume-attacks';
import { formatTable } from '../table';
import { follow } from './run';

function options(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: { address: { type: 'string' }, home: { type: 'string' }, json: { type: 'boolean', default: false } } });
}

export async function lsCommand(argv: string[]): Promise<number> {
  const { values } = options(argv);
  const conn = await connect(values);
  try {
    const { experiments } = await conn.client.list();
    if (values.json) console.log(JSON.stringify(experiments, null, 2));
    else
      console.log(
        formatTable(
          ['id', 'name', 'state', 'points', 'stages', 'failed'],
          experiments.map((e) => [e.id, e.name, e.state, String(e.gridPoints), `${e.stagesDone}/${e.stagesTotal}`, String(e.stagesFailed)]),
        ),
      );
    return 0;
  } finally {
    await conn.close();
  }
}

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { address: { type: 'string' }, home: { type: 'string' }, json: { type: 'boolean', default: false }, from: { type: 'string' } },
  });
  if (values.from) {
    // a results folder: rendered from its published runs alone, no ledger, no service
    if (!fs.existsSync(values.from)) throw new UsageError(`--from: ${values.from} does not exist`);
    const r = writePublishedReport(path.resolve(values.from));
    console.log(values.json ? JSON.stringify(r, null, 2) : `report: ${r.htmlPath} (${r.points} grid points from ${r.runs} run(s))\ndata:   ${r.csvPath}  ${r.jsonlPath}`);
    return 0;
  }
  if (!positionals[0]) throw new UsageError('usage: rlprune report EXPERIMENT_ID [--json] | rlprune report --from results/NAME');
  const conn = await connect(values);
  try {
    const r = await conn.client.report(positionals[0]);
    console.log(values.json ? JSON.stringify(r, null, 2) : `report: ${r.htmlPath}\ndata:   ${r.csvPath}  ${r.jsonlPath}\n${r.summaryJson}`);
    return 0;
  } finally {
    await conn.close();
  }
}

export async function cancelCommand(argv: string[]): Promise<number> {
  const { values, positionals } = options(argv);
  if (!positionals[0]) throw new UsageError('usage: rlprune cancel EXPERIMENT_ID');
  const conn = await connect(values);
  try {
    const e = await conn.client.cancel(positionals[0]);
    console.log(`${e.id} ${e.state}`);
    return 0;
  } finally {
    await conn.close();
  }
}

/** With an id: that experiment; without: every unfinished experiment in the home. */
export async function resumeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { address: { type: 'string' }, home: { type: 'string' }, ...CONCURRENCY_OPTION },
  });
  const concurrency = parseConcurrency(values.concurrency);
  const address = values.address ?? process.env.ORCHESTRATOR_ADDRESS;
  // started locally: the attackers every experiment to resume needs, as `run` starts its spec's
  const attacks = address ? undefined : attacksToResume(path.resolve(values.home ?? process.env.RLPRUNE_HOME ?? '.rlprune'), positionals);
  const conn = await connect({ address: values.address, home: values.home, concurrency, ...(attacks ? { attacks } : {}) });
  try {
    const ids = positionals.length > 0 ? positionals : (await conn.client.list()).experiments.filter((e) => RESUMABLE_STATES.has(e.state)).map((e) => e.id);
    if (ids.length === 0) {
      console.log('nothing to resume');
      return 0;
    }
    let code = 0;
    for (const id of ids) {
      await conn.client.resume(id);
      code = Math.max(code, await follow(conn.client, id));
    }
    return code;
  } finally {
    await conn.close();
  }
}
