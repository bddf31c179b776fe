import { describe, expect, it } from 'vitest';
import { clip, MAX_QUOTED_CHARS, show } from './show';

describe('show', () => {
  it('quotes strings and prints scalars as written', () => {
    expect(show('relu6')).toBe('"relu6"');
    expect(show(3.5)).toBe('3.5');
    expect(show(NaN)).toBe('NaN');
    expect(show(true)).toBe('true');
    expect(show(10n)).toBe('10');
    expect(show(undefined)).toBe('nothing');
    expect(show(null)).toBe('null');
  });

  it('shows arrays by type and length, never their contents', () => {
    expect(show(new Float32Array(7))).toBe('Float32Array of length 7');
    expect(show([1, 2, 3])).toBe('an array of length 3');
    expect(show(new DataView(new ArrayBuffer(4)))).toBe('DataView of 4 bytes');
  });

  it('shows objects as JSON and survives cycles', () => {
    expect(show({ a: 1 })).toBe('{"a":1}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('an object');
  });

  it('clips a long value to about 100 characters and says how long it was', () => {
    const long = 'x'.repeat(60_000);
    const shown = show(long);
    expect(shown.length).toBeLessThan(MAX_QUOTED_CHARS + 40);
    expect(shown).toBe(`"${'x'.repeat(MAX_QUOTED_CHARS - 1)}... (60002 characters)`);
    expect(show({ k: long }).length).toBeLessThan(MAX_QUOTED_CHARS + 40);
    expect(clip('short')).toBe('short');
  });
});
