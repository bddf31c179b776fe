// `rlprune report --from DIR` in-process: a folder that is not a results folder is a usage error
// naming the flag and the folder as typed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { reportCommand } from './report';

describe('rlprune report --from', () => {
  it('names the flag and the folder it cannot read', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-report-empty-'));
    const err = await reportCommand(['--from', empty]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`rlprune report: --from ${empty}: holds no published runs (no runs/ folder)`);
  });
});
