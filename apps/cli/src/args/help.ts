// --help text generated from a command's table: a usage line, every flag with its default and an
// example, the command's examples and the exit codes.
import type { AnySpec, CommandSpec, FlagSpec, GroupSpec } from './spec';
import { isGroup } from './spec';

/** The exit codes every command uses (README "The CLI"). */
export const EXIT_CODES = 'exit codes: 0 ok, 1 failed (a stage, a service or a check), 2 usage error (bad command, flag or value)';

function flagName(name: string, f: FlagSpec): string {
  return f.kind === 'boolean' ? `--${name}` : `--${name} ${f.value ?? 'VALUE'}`;
}

function argsUsage(spec: CommandSpec): string {
  const a = spec.args;
  if (!a || a.max === 0) return '';
  if (a.max === 1) return a.min === 1 ? a.name : `[${a.name}]`;
  const required = Array.from({ length: a.min }, () => a.name);
  return [...required, `[${a.name} ...]`].join(' ');
}

export function usageLine(spec: CommandSpec): string {
  const required = Object.entries(spec.flags)
    .filter(([, f]) => f.required)
    .map(([n, f]) => flagName(n, f));
  const optional = Object.values(spec.flags).some((f) => !f.required) ? ['[flags]'] : [];
  return ['rlprune', spec.name, argsUsage(spec), ...required, ...optional].filter(Boolean).join(' ');
}

function defaultWords(f: FlagSpec): string {
  if (f.required) return 'required';
  if (f.defaultText) return `default: ${f.defaultText}`;
  if (f.kind === 'boolean') return 'default: off';
  if (f.default !== undefined) return `default: ${f.default}`;
  return 'default: none';
}

export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.flags).map(([name, f]) => {
    const example = f.kind === 'boolean' ? '' : `; e.g. --${name} ${f.example ?? ''}`.trimEnd();
    const choices = f.choices ? `one of: ${f.choices.join(', ')}; ` : '';
    const repeatable = f.repeatable ? 'repeatable; ' : '';
    return [flagName(name, f), `${f.description} (${choices}${repeatable}${defaultWords(f)}${example})`];
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l!.length)) + 2;
  const lines = [`usage: ${usageLine(spec)}`, '', spec.summary];
  if (spec.args && spec.args.max > 0) lines.push('', 'arguments:', `  ${spec.args.name.padEnd(width)}${spec.args.description}`);
  lines.push('', 'flags:', ...rows.map(([l, r]) => `  ${l!.padEnd(width)}${r}`));
  lines.push('', 'examples:', ...spec.examples.map((e) => `  ${e}`), '', EXIT_CODES);
  return lines.join('\n');
}

export function groupHelp(group: GroupSpec): string {
  const lines = [`usage: rlprune ${group.name} <${group.subcommands.map((s) => s.name.split(' ').at(-1)).join('|')}> [flags]`, '', group.summary];
  for (const sub of group.subcommands) lines.push('', `---- ${sub.name}`, commandHelp(sub).replace(`\n\n${EXIT_CODES}`, ''));
  lines.push('', EXIT_CODES);
  return lines.join('\n');
}

export function helpOf(spec: AnySpec): string {
  return isGroup(spec) ? groupHelp(spec) : commandHelp(spec);
}

export function topHelp(specs: readonly AnySpec[]): string {
  const rows = specs.map((s) => [isGroup(s) ? `${s.name} ${s.subcommands.map((c) => c.name.split(' ').at(-1)).join('|')}` : s.name, s.summary]);
  const width = Math.max(...rows.map(([l]) => l!.length)) + 2;
  return [
    'usage: rlprune <command> [flags]     (`rlprune <command> --help`: its flags, defaults and examples)',
    '',
    'commands:',
    ...rows.map(([l, r]) => `  ${l!.padEnd(width)}${r}`),
    '',
    `  ${'--version'.padEnd(width)}print the version`,
    `  ${'--help'.padEnd(width)}show this help`,
    '',
    'Commands that need services start them locally (under --home) unless given --address or ORCHESTRATOR_ADDRESS.',
    EXIT_CODES,
  ].join('\n');
}
