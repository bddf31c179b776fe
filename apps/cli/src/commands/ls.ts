// `rlprune ls`: the experiments of an orchestrator (--address), or of a local home read from its
// SQLite ledger directly, no service started.
import { parseCommand } from '../args/parse';
import { experimentSummary, homeDir, openLedger, remoteAddress, type ExperimentSummary } from '../local-home';
import { orchestratorAt } from '../orchestrator';
import { LS } from '../specs/experiments';
import { formatTable } from '../table';

function experimentsTable(experiments: readonly ExperimentSummary[]): string {
  return formatTable(
    ['id', 'name', 'state', 'points', 'stages', 'failed'],
    experiments.map((e) => [e.id, e.name, e.state, String(e.gridPoints), `${e.stagesDone}/${e.stagesTotal}`, String(e.stagesFailed)]),
  );
}

function localExperiments(home: string): ExperimentSummary[] {
  const ledger = openLedger(home);
  try {
    return ledger ? ledger.listExperiments().map(experimentSummary) : [];
  } finally {
    ledger?.close();
  }
}

export async function lsCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(LS, argv);
  const address = remoteAddress(values.address);
  const experiments = address ? await orchestratorAt(address).list() : localExperiments(homeDir(values.home));
  if (values.json) console.log(JSON.stringify(experiments, null, 2));
  else console.log(experiments.length > 0 ? experimentsTable(experiments) : 'no experiments yet');
  return 0;
}
