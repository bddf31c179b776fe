// The declarative shape of a command: its flags (kind, default, example), positional arguments and
// examples. One table per command (src/specs/) drives parsing (parse.ts), --help (help.ts), "did you
// mean" (suggest.ts) and shell completion (../completion.ts), so they cannot disagree. A thin layer
// over node:util parseArgs rather than a parser library: no new dependency, and the same table must
// also generate help and completion, which a library's own help would not.

/** How a flag's text becomes a value; each kind has one error wording (values.ts). */
export type FlagKind =
  | 'string'
  | 'boolean'
  | 'positive-integer'
  | 'non-negative-integer'
  | 'number'
  | 'non-negative-number'
  | 'fraction'
  | 'choice'
  | 'choice-list'
  | 'integer-list'
  | 'list';

export interface FlagSpec {
  kind: FlagKind;
  /** What the flag sets, in the user's terms (one line of --help). */
  description: string;
  /** The value's placeholder in --help, e.g. "N" or "FILE" (booleans have none). */
  value?: string;
  /** An example value as typed on the command line (booleans have none). */
  example?: string;
  /** The default as typed on the command line; it goes through the same parsing as a given value. */
  default?: string;
  /** The default in words when it is not one fixed value (e.g. an environment variable). */
  defaultText?: string;
  /** A missing required flag is a usage error naming it. */
  required?: boolean;
  /** Allowed values of 'choice' and 'choice-list' flags. */
  choices?: readonly string[];
  /** May be given more than once (`--from a --from b`); its value is then the list of every value given, in order. */
  repeatable?: boolean;
}

/** Positional arguments: one group, `min` to `max` of them. */
export interface ArgsSpec {
  /** Placeholder in usage lines, e.g. "SPEC.yaml" or "ID". */
  name: string;
  description: string;
  min: number;
  max: number;
  /** Allowed values, when the arguments are words (completion's shells). */
  choices?: readonly string[];
}

export interface CommandSpec {
  /** As typed after `rlprune`, e.g. "run" or "policy export". */
  name: string;
  /** One line in `rlprune --help`. */
  summary: string;
  args?: ArgsSpec;
  flags: Readonly<Record<string, FlagSpec>>;
  /** Whole command lines, each one that works as written. */
  examples: readonly string[];
}

/** A command made of subcommands (`rlprune policy inspect|export|import`). */
export interface GroupSpec {
  name: string;
  summary: string;
  subcommands: readonly CommandSpec[];
}

export type AnySpec = CommandSpec | GroupSpec;

export function isGroup(spec: AnySpec): spec is GroupSpec {
  return 'subcommands' in spec;
}

type NumberKind = 'positive-integer' | 'non-negative-integer' | 'number' | 'non-negative-number' | 'fraction';
type KindValue<K extends FlagKind> = K extends 'boolean'
  ? boolean
  : K extends NumberKind
    ? number
    : K extends 'integer-list'
      ? number[]
      : K extends 'choice-list' | 'list'
        ? string[]
        : string;

/** A flag's parsed value: present when it has a default, is required, is a boolean or is repeatable (a list, maybe empty). */
type FlagValue<F extends FlagSpec> = F['kind'] extends 'boolean'
  ? boolean
  : F extends { repeatable: true }
    ? Array<KindValue<F['kind']>>
    : F extends { default: string } | { required: true }
      ? KindValue<F['kind']>
      : KindValue<F['kind']> | undefined;

/** The typed values of a command's flags. */
export type FlagValues<C extends CommandSpec> = { -readonly [K in keyof C['flags']]: FlagValue<C['flags'][K]> };
