// `rlprune compare DIR DIR --to OUT` in-process: a folder that cannot be read is named as the user
// typed it, by its place among the arguments, not by the readers' field name "from".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../errors';
import { compareCommand } from './compare';

const ROOT = path.resolve(__dirname, '../../../..');
const HOPPER = path.join(ROOT, 'results', 'paper-hopper-pruning-curve');
const ONE_SHOT = path.join(ROOT, 'results', 'paper-hopper-oneshot-50');

describe('rlprune compare with results folders', () => {
  it('names a folder it cannot read by its place and as typed', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compare-'));
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    // typed relative to the working directory, as a user types results/<name>
    const typed = path.relative(process.cwd(), empty);
    const second = await compareCommand([HOPPER, typed, '--to', path.join(tmp, 'out')]).catch((err: unknown) => err);
    expect(second).toBeInstanceOf(UsageError);
    expect((second as Error).message).toBe(`rlprune compare: folder 2 (${typed}): holds no published runs (no runs/ folder)`);
    await expect(compareCommand([typed, HOPPER, '--to', path.join(tmp, 'out')])).rejects.toThrow(/^rlprune compare: folder 1 \(/);
    expect(fs.existsSync(path.join(tmp, 'out', 'compare.html'))).toBe(false);
  });

  it('writes the page and its overlays as figure files, each the page\'s own <svg>', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compare-')), 'out');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await compareCommand([HOPPER, ONE_SHOT, '--to', out])).toBe(0);
      expect(String(log.mock.calls[0]![0])).toMatch(/^compare: .*compare\.html\nfigures: .*figures \(\d+ SVG files, the page's overlays\)$/);
    } finally {
      log.mockRestore();
    }
    const html = fs.readFileSync(path.join(out, 'compare.html'), 'utf8');
    const files = fs.readdirSync(path.join(out, 'figures')).sort();
    // micro-pruning and one-shot share (Hopper-v4, kappa 0, magnitude): one overlay per attack target
    expect(files).toContain('cmp-compare-Hopper-v4-0-magnitude-mad-0-075.svg');
    for (const file of files) {
      const id = file.replace(/\.svg$/, '');
      const inPage = new RegExp(`<svg xmlns="http://www.w3.org/2000/svg" id="${id}"[\\s\\S]*?</svg>`).exec(html);
      expect(inPage, id).not.toBeNull();
      const text = fs.readFileSync(path.join(out, 'figures', file), 'utf8');
      expect(text.replace(/^<\?xml[^\n]*\n/, '').replace(/<desc>[^<]*<\/desc>\n/, '').trimEnd()).toBe(inPage![0]);
    }
  });
});
