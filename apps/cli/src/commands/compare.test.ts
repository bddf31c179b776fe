// `rlprune compare DIR DIR --to OUT` in-process: a folder that cannot be read is named as the user
// typed it, by its place among the arguments, not by the readers' field name "from".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { compareCommand } from './compare';

const ROOT = path.resolve(__dirname, '../../../..');
const HOPPER = path.join(ROOT, 'results', 'paper-hopper-pruning-curve');

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
});
