// parseCommand on a small table: typed values, defaults, and each mistake as a usage error that
// names the flag as typed.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { parseCommand } from './parse';
import type { CommandSpec } from './spec';
import { closest, editDistance } from './suggest';

const SPEC = {
  name: 'demo',
  summary: 'a demo',
  args: { name: 'ID', description: 'ids', min: 1, max: 2 },
  flags: {
    steps: { kind: 'positive-integer', value: 'N', description: 'steps', required: true, example: '10' },
    seed: { kind: 'non-negative-integer', value: 'N', description: 'seed', default: '1', example: '2' },
    sparsity: { kind: 'fraction', value: 'S', description: 'sparsity', example: '0.5' },
    hidden: { kind: 'integer-list', value: 'W,W', description: 'widths', example: '64,64' },
    method: { kind: 'choice-list', value: 'M', choices: ['ibp', 'crown'], description: 'methods', default: 'ibp,crown', example: 'crown' },
    json: { kind: 'boolean', description: 'json' },
    out: { kind: 'string', value: 'FILE', description: 'out', example: 'x' },
  },
  examples: ['rlprune demo a --steps 10'],
} as const satisfies CommandSpec;

const usage = (argv: string[]) => {
  try {
    parseCommand(SPEC, argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseCommand', () => {
  it('converts values by kind and fills defaults', () => {
    const { values, args } = parseCommand(SPEC, ['a', '--steps', '7', '--sparsity=0.25', '--hidden', '32,16', '--json', 'b']);
    expect(args).toEqual(['a', 'b']);
    expect(values).toEqual({ steps: 7, seed: 1, sparsity: 0.25, hidden: [32, 16], method: ['ibp', 'crown'], json: true, out: undefined });
  });

  it('names the flag and what it expects for a bad value', () => {
    expect(usage(['a', '--steps', 'abc'])).toBe('--steps: expected a positive integer, got "abc"');
    expect(usage(['a', '--steps', '0'])).toBe('--steps: expected a positive integer, got "0"');
    expect(usage(['a', '--steps', '5', '--sparsity', '1.5'])).toBe('--sparsity: expected a number in [0, 1], got "1.5"');
    expect(usage(['a', '--steps', '5', '--method', 'ibp,crwn'])).toContain('"crwn" is not one of them; did you mean crown?');
    expect(usage(['a', '--steps', '5', '--json=yes'])).toBe('--json takes no value, got "yes"');
  });

  it('reports a missing value, a flag taken for a value, a missing required flag and argument counts', () => {
    expect(usage(['a', '--steps'])).toBe('--steps: expected a positive integer, got nothing (e.g. --steps 10)');
    expect(usage(['a', '--steps', '3', '--out', '--json'])).toBe('--out: expected a value, got the flag --json (e.g. --out x)');
    expect(usage(['a'])).toMatch(/^--steps is required: steps \(e\.g\. --steps 10\)\nusage: rlprune demo ID \[ID \.\.\.\] --steps N \[flags\]$/);
    expect(usage(['--steps', '3'])).toMatch(/^rlprune demo: expected ID \(ids\), got none/);
    expect(usage(['a', 'b', 'c', '--steps', '3'])).toBe('rlprune demo: expected at most 2 ID, got also "c"');
  });

  it('suggests the nearest flag for an unknown one', () => {
    expect(usage(['a', '--stpes', '3'])).toContain('unknown flag --stpes; did you mean --steps?');
    expect(usage(['a', '--zzz'])).toBe('rlprune demo: unknown flag --zzz (`rlprune demo --help` lists its flags)');
  });
});

describe('suggestions', () => {
  it('count a swap of adjacent letters as one edit and offer only near words', () => {
    expect(editDistance('rnu', 'run')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('rnu', ['run', 'ls', 'up'])).toBe('run');
    expect(closest('status', ['run', 'ls'])).toBeNull();
  });
});

describe('a repeatable flag', () => {
  const MANY = {
    name: 'many',
    summary: 'repeatable flags',
    flags: {
      from: { kind: 'string', value: 'DIR', description: 'folders', required: true, repeatable: true, example: 'a' },
      eps: { kind: 'number', value: 'E', description: 'budgets', repeatable: true, example: '0.1' },
    },
    examples: ['rlprune many --from a --from b'],
  } as const satisfies CommandSpec;

  it('collects every value in order, each parsed by its kind', () => {
    const { values } = parseCommand(MANY, ['--from', 'a', '--eps=0.1', '--from', 'b', '--eps', '0.2']);
    expect(values).toEqual({ from: ['a', 'b'], eps: [0.1, 0.2] });
    expect(parseCommand(MANY, ['--from', 'a']).values.eps).toEqual([]);
  });

  it('is still required, and a bad value names the flag', () => {
    expect(() => parseCommand(MANY, [])).toThrow(/--from is required/);
    expect(() => parseCommand(MANY, ['--from', 'a', '--eps', 'x'])).toThrow('--eps: expected a number, got "x"');
  });
});
