// `rlprune cancel ID`: through an orchestrator (--address); on a local home, in its ledger when no
// orchestrator runs it, else through the orchestrator that does (it owns the running stages).
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { experimentSummary, homeDir, ledgerFile, remoteAddress, withLedger, type ExperimentSummary } from '../local-home';
import { orchestratorAt } from '../orchestrator';
import { runningOrchestrator } from '../running-orchestrator';
import { CANCEL } from '../specs/experiments';

function cancelLocally(home: string, id: string): Promise<ExperimentSummary> | ExperimentSummary {
  const running = runningOrchestrator(home);
  if (running) {
    if (running.address) return orchestratorAt(running.address).cancel(id);
    throw new UsageError(
      `an orchestrator (pid ${running.pid}) runs ${home} and owns its experiments; cancel through it: rlprune cancel ${id} --address HOST:PORT (the address \`rlprune up\` printed)`,
    );
  }
  return withLedger(home, (ledger) => {
    const e = ledger.getExperiment(id);
    if (!e) throw new UsageError(`no experiment ${JSON.stringify(id)} in ${ledgerFile(home)} (\`rlprune ls\` lists them)`);
    if (e.state !== 'running' && e.state !== 'pending') throw new UsageError(`experiment ${id} is ${e.state}, not running`);
    // as the orchestrator's CancelExperiment does for an experiment no process runs; stages left
    // 'running' by a crash are reset when it is resumed
    ledger.setExperimentState(id, 'cancelled');
    return experimentSummary(ledger.getExperiment(id)!);
  });
}

export async function cancelCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(CANCEL, argv);
  const id = args[0]!;
  const address = remoteAddress(values.address);
  const e = address ? await orchestratorAt(address).cancel(id) : await cancelLocally(homeDir(values.home), id);
  // an orchestrator answers before its running stages have stopped
  console.log(e.state === 'running' || e.state === 'pending' ? `${e.id} cancelling (its running stages are being stopped)` : `${e.id} ${e.state}`);
  return 0;
}
