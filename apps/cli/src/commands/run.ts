// `rlprune run spec.yaml`: validate, submit, show progress per stage, print the report path.
import fs from 'node:fs';
import { parseSpec } from '@rlprune/orchestrator';
import { parseCommand } from '../args/parse';
import { concurrencyOrDefault } from '../concurrency';
import { UsageError } from '../errors';
import { connect } from '../local-or-remote';
import { ledgerFile } from '../local-home';
import type { Orchestrator } from '../orchestrator';
import { ProgressView } from '../progress';
import { RUN } from '../specs/experiments';
import { ledgerDescriber, PLAIN_DESCRIBER } from '../stage-describer';
import { experimentStagePlan } from '../stage-plan';

/**
 * Follows an experiment to its end with progress bars; returns the exit code. The ETA knows how many
 * stages of each kind are left from the start (the orchestrator's counts); with the home of the local
 * services, stage labels name their grid points and finished stages their headline numbers.
 */
export async function follow(client: Orchestrator, id: string, home: string | null = null): Promise<number> {
  const start = await client.get(id);
  const view = new ProgressView(start.stagesTotal, process.stderr, Date.now, start.stagesDone, experimentStagePlan(start));
  const describe = home ? ledgerDescriber(ledgerFile(home), id) : PLAIN_DESCRIBER;
  let end;
  try {
    end = await client.watch(id, (e) => {
      if (!e.stageId) return;
      const finished = e.state === 'succeeded' || e.state === 'cached';
      view.update({
        stageId: e.stageId,
        kind: e.stageKind,
        label: describe.label(e.stageId, e.gridPoint),
        state: e.state,
        fraction: e.progress?.fraction ?? 0,
        message: e.progress?.message ?? '',
        headline: finished ? describe.headline(e.stageId) : '',
      });
    });
  } finally {
    describe.close();
  }
  process.stderr.write(`${view.summary()}\n`);
  if (end.state !== 'succeeded') {
    process.stderr.write(`experiment ${id} ${end.state}${end.error ? `: ${end.error}` : ''}\n`);
    // what did finish is in its partial report
    const partial = await client.report(id).catch(() => null);
    if (partial) process.stderr.write(`partial report: ${partial.htmlPath}\n`);
    return 1;
  }
  const report = await client.report(id);
  console.log(`experiment ${id} succeeded (${end.stagesDone}/${end.stagesTotal} stages)`);
  console.log(`report: ${report.htmlPath}`);
  console.log(`data:   ${report.csvPath}  ${report.jsonlPath}`);
  return 0;
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(RUN, argv);
  const file = args[0]!;
  const concurrency = concurrencyOrDefault(values.concurrency);
  if (!fs.existsSync(file)) throw new UsageError(`spec file ${file} does not exist`);
  const text = fs.readFileSync(file, 'utf8');
  let attacks: string[];
  try {
    attacks = parseSpec(text).attacks.map((a) => a.name);
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
  const conn = await connect({ address: values.address, home: values.home, attacks: [...new Set(['random', ...attacks])], concurrency });
  try {
    const exp = await conn.client.submit(text);
    process.stderr.write(`experiment ${exp.id}: ${exp.gridPoints} grid points, ${exp.stagesTotal} stages\n`);
    // the trace the orchestrator runs it in (none when it does not trace): Jaeger finds it by this id
    if (exp.traceIds.length > 0) process.stderr.write(`trace ${exp.traceIds.at(-1)}\n`);
    if (values.detach) {
      console.log(exp.id);
      return 0;
    }
    return await follow(conn.client, exp.id, conn.home);
  } finally {
    await conn.close();
  }
}
