// The C++ GEMM on its own, in each of the instruction-set variants a shipped binary can run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const native = path.join(__dirname, '..', 'native');
const dir = mkdtempSync(path.join(tmpdir(), 'rlprune-gemm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildAndRun(defines: string[]): string {
  const exe = path.join(dir, `gemm-check-${defines.join('').replace(/\W/g, '') || 'default'}`);
  execFileSync('g++', ['-O3', '-fno-math-errno', '-Wno-psabi', ...defines, `-I${native}`,
    path.join(native, 'gemm-check.cc'), path.join(native, 'kernels.cc'), '-o', exe]);
  return execFileSync(exe, { encoding: 'utf8' });
}

describe('native GEMM against a float64 reference', () => {
  it('multiversioned build (the clone this CPU selects)', () => {
    expect(buildAndRun([])).toMatch(/worst rel err/);
  });

  it('build without the AVX-512 variant (what CPUs with AVX2 but no AVX-512 run)', () => {
    // On a CPU without AVX2 this also runs the baseline; the line names the variant it ran.
    expect(buildAndRun(['-DRLP_NO_AVX512'])).toMatch(/^(x86-64-v3 \(avx2\+fma\)|x86-64 baseline|generic) worst rel err/);
  });

  it('baseline-only build (what CPUs without AVX2 run)', () => {
    expect(buildAndRun(['-DRLP_NO_MULTIVERSION'])).toMatch(/^baseline only .* worst rel err/);
  });
});
