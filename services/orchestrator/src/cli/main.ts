// `rlprune <command>`: dispatch to one file per command.
import { closeClients } from '@rlprune/service-kit';
import { cancelCommand, lsCommand, reportCommand, resumeCommand } from './commands/experiments';
import { certifyCommand } from './commands/certify';
import { compareCommand } from './commands/compare';
import { envCommand } from './commands/env';
import { evaluateCommand } from './commands/evaluate';
import { pruneCommand } from './commands/prune';
import { publishCommand } from './commands/publish';
import { trainCommand } from './commands/train';
import { policyCommand } from './commands/policy';
import { runCommand } from './commands/run';
import { statusCommand } from './commands/status';
import { upCommand } from './commands/up';
import { UsageError } from './errors';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  up: { run: upCommand, help: 'start every service locally [--ports name=port,..] [--base-port N] [--attacks a,b] [--concurrency N] [--once]' },
  status: { run: statusCommand, help: 'health, version and latency of every service [--address host:port] [--json]' },
  run: { run: runCommand, help: 'run an experiment spec: SPEC.yaml [--address host:port] [--home DIR] [--detach] [--concurrency N]' },
  ls: { run: lsCommand, help: 'experiments in the ledger [--json]' },
  report: { run: reportCommand, help: "an experiment's report paths and summary (partial while it runs): ID [--json]; a results folder's report: --from results/NAME" },
  compare: { run: compareCommand, help: 'one HTML page with the figures of several experiments side by side: ID ID [...] [--json]' },
  resume: { run: resumeCommand, help: 'finish unfinished experiments (all in the home, or the IDs given) [--home DIR] [--concurrency N]' },
  publish: { run: publishCommand, help: 'copy runs out of the ledger into a results folder: ID [ID ...] --to results/NAME [--home DIR]' },
  cancel: { run: cancelCommand, help: 'cancel a running experiment: ID' },
  train: { run: trainCommand, help: 'train one policy through the trainer and simulator services: --env ID --steps N --seed S ... --out FILE' },
  prune: { run: pruneCommand, help: 'one-shot pruning: --policy FILE --criterion NAME --sparsity S [--scope] [--structured] [--seed] [--env ID | --states FILE] --out FILE' },
  evaluate: { run: evaluateCommand, help: 'episodes of a policy, optionally under attack: --policy FILE --env ID --episodes N [--attack NAME --eps E] [--json]' },
  certify: { run: certifyCommand, help: 'bounds of a policy: --policy FILE --eps E --method lipschitz|spectral|ibp|crown [--states FILE.json] [--reference DENSE] [--no-radius] [--json]' },
  policy: { run: policyCommand, help: 'inspect FILE [--json] | export FILE --format onnx|json --out OUT | import FILE.json --out OUT' },
  env: { run: envCommand, help: 'list [--json] | rollout --env ID --seed N [--no-reset-noise] [--actions FILE.json] [--steps N]' },
};

function usage(): string {
  return ['usage: rlprune <command> [options]', '', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) throw new UsageError(`unknown command ${JSON.stringify(name)}\n${usage()}`);
  return cmd.run(rest);
}

/**
 * Exits once everything written so far has left the process: on a pipe, stdout is asynchronous and
 * process.exit() would cut a long --json line (a 256-256 policy is megabytes). A write's callback
 * runs after every earlier write to the same stream has been flushed.
 */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2))
  .then((code) => {
    closeClients();
    exitAfterFlush(code);
  })
  .catch((err: Error & { code?: string; details?: string }) => {
    const usageLike =
      err instanceof UsageError ||
      ['InvalidArgumentError', 'NotFoundError', 'PolicyFormatError'].includes(err.name) ||
      err instanceof UsageError || err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE';
    process.stderr.write(`rlprune: ${err.details ?? err.message}\n`);
    closeClients();
    exitAfterFlush(usageLike ? 2 : 1);
  });
