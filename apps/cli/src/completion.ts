// Shell completion scripts generated from the command tables (commands.ts), so a new flag completes
// as soon as it is in its table: commands, subcommands, flags, the values of choice flags, file
// names for FILE/DIR values, and word arguments (completion's SHELL).
import type { AnySpec, CommandSpec, FlagSpec } from './args/spec';
import { isGroup } from './args/spec';

/** Every leaf command with the words that name it ("policy export" -> ["policy", "export"]). */
function leaves(specs: readonly AnySpec[]): CommandSpec[] {
  return specs.flatMap((s) => (isGroup(s) ? [...s.subcommands] : [s]));
}

const takesFiles = (f: FlagSpec) => /FILE|DIR/.test(f.value ?? '');

export function bashCompletion(specs: readonly AnySpec[]): string {
  const top = specs.map((s) => s.name).join(' ');
  const groups = specs.filter(isGroup);
  const lines = [
    '# rlprune completion for bash, generated from the command tables: source <(rlprune completion bash)',
    '_rlprune() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="${COMP_WORDS[1]}" first=2 flags="" args="" files=""',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=($(compgen -W "${top} --help --version" -- "$cur")); return`,
    '  fi',
    '  case "$cmd" in',
    ...groups.map((g) => {
      const subs = g.subcommands.map((c) => c.name.split(' ').at(-1)).join(' ');
      return `    ${g.name}) if [ "$COMP_CWORD" -eq 2 ]; then COMPREPLY=($(compgen -W "${subs}" -- "$cur")); return; fi; cmd="$cmd \${COMP_WORDS[2]}"; first=3 ;;`;
    }),
    '  esac',
    '  case "$cmd" in',
  ];
  for (const c of leaves(specs)) {
    const names = Object.keys(c.flags);
    lines.push(`    "${c.name}") flags="${names.map((n) => `--${n}`).join(' ')}"; args="${(c.args?.choices ?? []).join(' ')}"; files="${c.args && !c.args.choices ? 1 : ''}" ;;`);
  }
  lines.push('  esac', '  case "$cmd:$prev" in');
  for (const c of leaves(specs)) {
    for (const [n, f] of Object.entries(c.flags)) {
      if (f.choices) lines.push(`    "${c.name}:--${n}") COMPREPLY=($(compgen -W "${f.choices.join(' ')}" -- "$cur")); return ;;`);
      else if (takesFiles(f)) lines.push(`    "${c.name}:--${n}") COMPREPLY=($(compgen -f -- "$cur")); return ;;`);
      else if (f.kind !== 'boolean') lines.push(`    "${c.name}:--${n}") COMPREPLY=(); return ;;`);
    }
  }
  lines.push(
    '  esac',
    '  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags --help" -- "$cur"))',
    '  elif [ -n "$args" ]; then COMPREPLY=($(compgen -W "$args" -- "$cur"))',
    '  elif [ -n "$files" ]; then COMPREPLY=($(compgen -f -- "$cur"))',
    '  fi',
    '}',
    'complete -F _rlprune rlprune',
  );
  return lines.join('\n') + '\n';
}

/** Text safe inside a single-quoted zsh _arguments spec. */
function zshQuote(s: string): string {
  return s.replace(/'/g, `'\\''`).replace(/([[\]:])/g, '\\$1');
}

function zshArguments(c: CommandSpec, indent: string): string {
  const specs = Object.entries(c.flags).map(([n, f]) => {
    const head = `--${n}[${zshQuote(f.description)}]`;
    if (f.kind === 'boolean') return `'${head}'`;
    const action = f.choices ? `(${f.choices.join(' ')})` : takesFiles(f) ? '_files' : ' ';
    return `'${head}:${zshQuote(f.value ?? 'VALUE')}:${action}'`;
  });
  if (c.args && c.args.max > 0) {
    const action = c.args.choices ? `(${c.args.choices.join(' ')})` : '_files';
    specs.push(`'${c.args.max === 1 ? '1' : '*'}:${zshQuote(c.args.name)}:${action}'`);
  }
  return `${indent}_arguments ${specs.join(' ')}`;
}

export function zshCompletion(specs: readonly AnySpec[]): string {
  const described = (name: string, summary: string) => `'${zshQuote(name)}:${summary.replace(/'/g, `'\\''`)}'`;
  const lines = [
    '#compdef rlprune',
    '# rlprune completion for zsh, generated from the command tables: rlprune completion zsh > "${fpath[1]}/_rlprune"',
    '_rlprune() {',
    '  local -a commands',
    `  commands=(${specs.map((s) => described(s.name, s.summary)).join(' ')})`,
    "  if (( CURRENT == 2 )); then _describe -t commands 'rlprune command' commands; return; fi",
    '  shift words; (( CURRENT-- ))',
    '  case $words[1] in',
  ];
  for (const s of specs) {
    if (!isGroup(s)) {
      lines.push(`    ${s.name})`, zshArguments(s, '      '), '      ;;');
      continue;
    }
    const subs = s.subcommands.map((c) => described(c.name.split(' ').at(-1)!, c.summary)).join(' ');
    lines.push(
      `    ${s.name})`,
      `      if (( CURRENT == 2 )); then local -a subs; subs=(${subs}); _describe -t commands 'rlprune ${s.name} subcommand' subs; return; fi`,
      '      shift words; (( CURRENT-- ))',
      '      case $words[1] in',
    );
    for (const c of s.subcommands) lines.push(`        ${c.name.split(' ').at(-1)})`, zshArguments(c, '          '), '          ;;');
    lines.push('      esac', '      ;;');
  }
  lines.push('  esac', '}', 'compdef _rlprune rlprune');
  return lines.join('\n') + '\n';
}
