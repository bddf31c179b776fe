// `rlprune <command>`: resolves the command from the tables (commands.ts), answers --help and
// --version from them, loads the command's implementation and maps its outcome to an exit code:
// 0 ok, 1 failed, 2 usage error (args/help.ts EXIT_CODES).
import fs from 'node:fs';
import path from 'node:path';
import { commandHelp, groupHelp, topHelp } from './args/help';
import { wantsHelp } from './args/parse';
import { isGroup, type CommandSpec } from './args/spec';
import { didYouMean } from './args/suggest';
import { RUNNERS, SPECS } from './commands';
import { errorCodeOf } from '@rlprune/errors';
import { UsageError } from './errors';

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The command `argv` names and the arguments after its name, or a usage error with a suggestion. */
function resolve(argv: string[]): { spec: CommandSpec; rest: string[] } | { help: string; code: number } {
  const [name, ...rest] = argv;
  const spec = SPECS.find((s) => s.name === name);
  if (!spec) {
    // a subcommand typed alone ("rlprune inspect") is offered with its group ("policy inspect")
    const sub = SPECS.flatMap((s) => (isGroup(s) ? s.subcommands : [])).find((c) => c.name.endsWith(` ${name}`));
    const hint = sub ? `; did you mean ${sub.name}?` : didYouMean(name!, SPECS.map((s) => s.name));
    throw new UsageError(`unknown command ${JSON.stringify(name)}${hint} (\`rlprune --help\` lists the commands)`);
  }
  if (!isGroup(spec)) return { spec, rest };
  const [sub, ...subRest] = rest;
  const words = spec.subcommands.map((s) => s.name.split(' ').at(-1)!);
  if (sub === undefined || sub === '--help' || sub === '-h') return { help: groupHelp(spec), code: sub === undefined ? 2 : 0 };
  const leaf = spec.subcommands.find((s) => s.name === `${spec.name} ${sub}`);
  if (!leaf) {
    throw new UsageError(`rlprune ${spec.name}: unknown subcommand ${JSON.stringify(sub)}${didYouMean(sub, words)} (expected one of ${words.join(', ')})`);
  }
  return { spec: leaf, rest: subRest };
}

async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  // `rlprune help run` is `rlprune run --help`
  if (first === 'help' && argv.length > 1) return main([...argv.slice(1), '--help']);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(topHelp(SPECS));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    console.log(`rlprune ${version()}`);
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`expected a command first, got the flag ${first} (\`rlprune --help\` lists the commands)`);
  const resolved = resolve(argv);
  if ('help' in resolved) {
    console.log(resolved.help);
    return resolved.code;
  }
  if (wantsHelp(resolved.rest)) {
    console.log(commandHelp(resolved.spec));
    return 0;
  }
  const run = RUNNERS[resolved.spec.name]!();
  return run(resolved.rest);
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

/** Closes the gRPC clients of whatever command ran (service-kit is loaded only by commands that dial). */
function closeClients(): void {
  const kit = require.cache[require.resolve('@rlprune/service-kit')];
  if (kit) (kit.exports as { closeClients(): void }).closeClients();
}

/** Errors that are the user's input, not a failure: exit 2. */
// the user's input was wrong (exit 2): a usage error, or bad input / an unknown name by its @rlprune/errors code
const isUsageError = (err: unknown): boolean => (err as Error).name === 'UsageError' || ['invalid_argument', 'not_found'].includes(errorCodeOf(err) ?? '');

main(process.argv.slice(2))
  .then((code) => {
    closeClients();
    exitAfterFlush(code);
  })
  .catch((err: Error & { details?: string }) => {
    const text = err.details ?? err.message;
    // messages about one command already start with "rlprune <command>:"
    process.stderr.write(`${text.startsWith('rlprune ') ? '' : 'rlprune: '}${text}\n`);
    closeClients();
    exitAfterFlush(isUsageError(err) ? 2 : 1);
  });
