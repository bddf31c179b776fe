// The C++ GEMM on its own, in both of the instruction-set variants a shipped binary can run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const native = path.join(__dirname, '..', 'native');
const dir = mkdtempSync(path.join(tmpdir(), 'rlprune-gemm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildAndRun(defines: string[]): string {
  const exe = path.join(dir, `gemm-check${defines.length}`);
  execFileSync('g++', ['-O3', '-fno-math-errno', '-Wno-psabi', ...defines, `-I${native}`,
    path.join(native, 'gemm-check.cc'), path.join(native, 'kernels.cc'), '-o', exe]);
  return execFileSync(exe, { encoding: 'utf8' });
}

describe('native GEMM against a float64 reference', () => {
  it('multiversioned build (the clone this CPU selects)', () => {
    expect(buildAndRun([])).toMatch(/worst rel err/);
  });

  it('baseline-only build (what CPUs without AVX2 run)', () => {
    expect(buildAndRun(['-DRLP_NO_MULTIVERSION'])).toMatch(/^baseline only .* worst rel err/);
  });
});
