// `rlprune run spec.yaml`: validate, submit, show progress per stage, print the report path.
import fs from 'node:fs';
import { parseSpec } from '@rlprune/orchestrator/src/spec/experiment-spec';
import { parseCommand } from '../args/parse';
import { concurrencyOrDefault } from '../concurrency';
import { UsageError } from '../errors';
import { connect } from '../local-or-remote';
import type { OrchestratorClient } from '../orchestrator-client';
import { ProgressView } from '../progress';
import { RUN } from '../specs/experiments';

/** Follows an experiment to its end with progress bars; returns the exit code. */
export async function follow(client: OrchestratorClient, id: string): Promise<number> {
  const start = await client.get(id);
  const view = new ProgressView(start.stagesTotal);
  const end = await client.watch(id, (e) => {
    if (e.stageId) view.update({ stageId: e.stageId, label: e.gridPoint, state: e.state, fraction: e.progress?.fraction ?? 0, message: e.progress?.message ?? '' });
  });
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
    if (values.detach) {
      console.log(exp.id);
      return 0;
    }
    return await follow(conn.client, exp.id);
  } finally {
    await conn.close();
  }
}
