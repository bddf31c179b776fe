// argv -> typed flag values and positional arguments, by a command's table (spec.ts), over
// node:util parseArgs in its non-strict mode with tokens, so every mistake is reported here in the
// user's terms (the flag as typed, a suggestion) instead of as Node's parser text.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors';
import type { CommandSpec, FlagValues } from './spec';
import { usageLine } from './help';
import { didYouMean } from './suggest';
import { expectation, parseValue } from './values';

export interface Parsed<C extends CommandSpec> {
  values: FlagValues<C>;
  args: string[];
}

/** True when argv asks for help (`--help` or `-h` before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

export function parseCommand<C extends CommandSpec>(spec: C, argv: string[]): Parsed<C> {
  const names = Object.keys(spec.flags);
  const where = `rlprune ${spec.name}`;
  const { tokens } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: Object.fromEntries(names.map((n) => [n, { type: spec.flags[n]!.kind === 'boolean' ? ('boolean' as const) : ('string' as const) }])),
  });
  const raw = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const args: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') args.push(t.value);
    if (t.kind !== 'option') continue;
    const flag = spec.flags[t.name];
    if (!flag) {
      throw new UsageError(`${where}: unknown flag ${t.rawName}${didYouMean(t.name, names, (k) => `--${k}`)} (\`${where} --help\` lists its flags)`);
    }
    if (flag.kind === 'boolean') {
      if (t.value !== undefined) parseValue(t.name, flag, t.value);
      raw.set(t.name, true);
      continue;
    }
    // parseArgs takes the next word as the value even when it is another flag (`--out --json`)
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--') && spec.flags[t.value.slice(2).split('=')[0]!])) {
      throw new UsageError(`--${t.name}: expected ${expectation(flag)}, got ${t.value === undefined ? 'nothing' : `the flag ${t.value}`}${flag.example ? ` (e.g. --${t.name} ${flag.example})` : ''}`);
    }
    if (flag.repeatable) repeated.set(t.name, [...(repeated.get(t.name) ?? []), t.value]);
    else raw.set(t.name, t.value);
  }
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const flag = spec.flags[name]!;
    const given = raw.get(name);
    const many = repeated.get(name) ?? (flag.default !== undefined ? [flag.default] : []);
    if (flag.kind === 'boolean') values[name] = given === true;
    else if (flag.repeatable && (many.length > 0 || !flag.required)) values[name] = many.map((v) => parseValue(name, flag, v));
    else if (typeof given === 'string') values[name] = parseValue(name, flag, given);
    else if (flag.default !== undefined) values[name] = parseValue(name, flag, flag.default);
    else if (flag.required) {
      throw new UsageError(`--${name} is required: ${flag.description}${flag.example ? ` (e.g. --${name} ${flag.example})` : ''}\nusage: ${usageLine(spec)}`);
    } else values[name] = undefined;
  }
  checkArgs(spec, args);
  return { values: values as FlagValues<C>, args };
}

function checkArgs(spec: CommandSpec, args: string[]): void {
  const a = spec.args ?? { name: '', description: '', min: 0, max: 0 };
  const where = `rlprune ${spec.name}`;
  if (args.length < a.min) {
    throw new UsageError(
      `${where}: expected ${a.min === 1 ? a.name : `${a.min} or more ${a.name}`} (${a.description}), got ${args.length === 0 ? 'none' : args.join(' ')}\nusage: ${usageLine(spec)}`,
    );
  }
  if (args.length > a.max) {
    const extra = args.slice(a.max);
    throw new UsageError(
      a.max === 0
        ? `${where}: takes no arguments, got ${extra.map((x) => JSON.stringify(x)).join(' ')}`
        : `${where}: expected at most ${a.max} ${a.name}, got also ${extra.map((x) => JSON.stringify(x)).join(' ')}`,
    );
  }
  if (a.choices) {
    for (const x of args) if (!a.choices.includes(x)) throw new UsageError(`${where}: expected ${a.name} to be one of ${a.choices.join(', ')}, got ${JSON.stringify(x)}${didYouMean(x, a.choices)}`);
  }
}
