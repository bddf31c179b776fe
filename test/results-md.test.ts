// RESULTS.md quotes only what the committed results hold. Convention (stated at the top of
// RESULTS.md): a measured number is written in an inline code span (`0.83`, `2,165`, `-12.5%`), and
// the section it is in names its results folder(s) as results/<name>; every such number must equal,
// at the precision it is written with, a number in one of those folders' results.csv, summary.json,
// results.jsonl or runs/*/run.json. The paper's own numbers are plain text and are not checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_MD = path.join(ROOT, 'RESULTS.md');

/** Every number in a text (CSV cells, JSON values), as written. */
function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).map(Number).filter(Number.isFinite);
}

function folderNumbers(folder: string): number[] {
  const dir = path.join(ROOT, folder);
  const files = ['results.csv', 'summary.json', 'results.jsonl'].map((f) => path.join(dir, f));
  const runs = path.join(dir, 'runs');
  if (fs.existsSync(runs)) for (const r of fs.readdirSync(runs)) files.push(path.join(runs, r, 'run.json'));
  return files.filter((f) => fs.existsSync(f)).flatMap((f) => numbersIn(fs.readFileSync(f, 'utf8')));
}

interface Quoted {
  text: string;
  line: number;
  folders: string[];
}

/** Code-span numbers with the results folders their section names (## headings delimit sections). */
function quotedNumbers(md: string): Quoted[] {
  const sections = md.split(/^(?=## )/m);
  const out: Quoted[] = [];
  let lineBase = 1;
  for (const section of sections) {
    const folders = [...new Set(section.match(/results\/[A-Za-z0-9_.-]+/g) ?? [])];
    section.split('\n').forEach((l, i) => {
      for (const m of l.matchAll(/`(-?[\d,]*\.?\d+)(%?)`/g)) out.push({ text: m[1]! + m[2]!, line: lineBase + i, folders });
    });
    lineBase += section.split('\n').length - 1;
  }
  return out;
}

/** The numbers sorted, so that a quoted value is looked up by range (the folders hold millions). */
function sorted(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Whether some candidate lies in [lo, hi] (candidates sorted ascending). */
function anyWithin(candidates: Float64Array, lo: number, hi: number): boolean {
  let a = 0;
  let b = candidates.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (candidates[m]! < lo) a = m + 1;
    else b = m;
  }
  return a < candidates.length && candidates[a]! <= hi;
}

/** Whether `value` written as `text` (its decimals, its % meaning a fraction or a percentage) matches. */
function matches(text: string, candidates: Float64Array): boolean {
  const percent = text.endsWith('%');
  const plain = text.replace(/[,%]/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const shown = Number(plain);
  const tol = 0.5 * 10 ** -decimals + 1e-12;
  return anyWithin(candidates, shown - tol, shown + tol) || (percent && anyWithin(candidates, (shown - tol) / 100, (shown + tol) / 100));
}

describe('RESULTS.md', () => {
  it('quotes only numbers present in the committed results it names', () => {
    expect(fs.existsSync(RESULTS_MD)).toBe(true);
    const quoted = quotedNumbers(fs.readFileSync(RESULTS_MD, 'utf8'));
    const cache = new Map<string, Float64Array>();
    const missing: string[] = [];
    for (const q of quoted) {
      const found = q.folders.some((f) => {
        if (!cache.has(f)) cache.set(f, sorted(folderNumbers(f)));
        return matches(q.text, cache.get(f)!);
      });
      if (!found) missing.push(`line ${q.line}: ${q.text} (searched ${q.folders.join(', ') || 'no results folder named in its section'})`);
    }
    expect(missing).toEqual([]);
  });

  it('shows figures that exist, each from a results folder its section names', () => {
    const md = fs.readFileSync(RESULTS_MD, 'utf8');
    const problems: string[] = [];
    let shown = 0;
    for (const section of md.split(/^(?=## )/m)) {
      // the folders its text names (an image's own path does not count as naming its folder)
      const text = section.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
      const folders = new Set((text.match(/results\/[A-Za-z0-9_.-]+/g) ?? []).map((f) => f.replace(/\.+$/, '')));
      for (const m of section.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        shown += 1;
        const file = m[1]!;
        if (!fs.existsSync(path.join(ROOT, file))) problems.push(`${file}: no such file`);
        const folder = /^results\/[A-Za-z0-9_.-]+/.exec(file)?.[0];
        if (!folder || !folders.has(folder)) problems.push(`${file}: not under a results folder its section names`);
      }
    }
    expect(problems).toEqual([]);
    expect(shown).toBeGreaterThan(0);
  });

  it('the check fails on a number the results do not hold', () => {
    expect(matches('0.83', sorted([12, 0.8312]))).toBe(true);
    expect(matches('0.83', sorted([0.8412]))).toBe(false);
    expect(matches('2,165', sorted([2165.3]))).toBe(true);
    expect(matches('-12.5%', sorted([-0.1249]))).toBe(true);
    expect(matches('25%', sorted([0.31]))).toBe(false);
    expect(matches('3', sorted([]))).toBe(false);
  });
});
