// A flag's text to its value, one function per FlagKind; a bad value is a usage error naming the
// flag as the user typed it and what it expects: `--steps: expected a positive integer, got "abc"`.
import { UsageError } from '../errors';
import type { FlagKind, FlagSpec } from './spec';
import { didYouMean } from './suggest';

/** What a kind expects, in words (errors and --help). */
export function expectation(spec: FlagSpec): string {
  const choices = (spec.choices ?? []).join(', ');
  const words: Record<FlagKind, string> = {
    string: 'a value',
    boolean: 'no value',
    'positive-integer': 'a positive integer',
    'non-negative-integer': 'a non-negative integer',
    number: 'a number',
    'non-negative-number': 'a non-negative number',
    fraction: 'a number in [0, 1]',
    choice: `one of ${choices}`,
    'choice-list': `a comma-separated list of ${choices}`,
    'integer-list': 'a comma-separated list of positive integers',
    list: 'a comma-separated list',
  };
  return words[spec.kind];
}

const INTEGER = /^\d+$/;

function toNumber(raw: string): number {
  const t = raw.trim();
  return t === '' ? NaN : Number(t);
}

/** The value of `--flag raw`, or a UsageError naming the flag. */
export function parseValue(flag: string, spec: FlagSpec, raw: string): unknown {
  const bad = (extra = '') => new UsageError(`--${flag}: expected ${expectation(spec)}, got ${JSON.stringify(raw)}${extra}`);
  const items = () => raw.split(',').map((s) => s.trim());
  switch (spec.kind) {
    case 'string':
      if (raw === '') throw bad();
      return raw;
    case 'boolean':
      throw new UsageError(`--${flag} takes no value, got ${JSON.stringify(raw)}`);
    case 'positive-integer':
    case 'non-negative-integer': {
      const n = Number(raw.trim());
      if (!INTEGER.test(raw.trim()) || !Number.isSafeInteger(n) || (spec.kind === 'positive-integer' && n < 1)) throw bad();
      return n;
    }
    case 'number':
    case 'non-negative-number':
    case 'fraction': {
      const n = toNumber(raw);
      if (!Number.isFinite(n) || (spec.kind !== 'number' && n < 0) || (spec.kind === 'fraction' && n > 1)) throw bad();
      return n;
    }
    case 'choice':
      if (!spec.choices!.includes(raw)) throw bad(didYouMean(raw, spec.choices!));
      return raw;
    case 'choice-list': {
      const list = items();
      const wrong = list.find((v) => !spec.choices!.includes(v));
      if (wrong !== undefined) throw bad(` (${JSON.stringify(wrong)} is not one of them${didYouMean(wrong, spec.choices!)})`);
      return list;
    }
    case 'integer-list': {
      const list = items();
      if (list.some((v) => !INTEGER.test(v) || Number(v) < 1)) throw bad();
      return list.map(Number);
    }
    case 'list': {
      const list = items();
      if (list.some((v) => v === '')) throw bad();
      return list;
    }
  }
}
