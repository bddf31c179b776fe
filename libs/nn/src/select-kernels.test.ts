// Kernel choice happens once per process, so each case runs in a fresh node process.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = `
const nn = require(${JSON.stringify(path.join(__dirname, 'index.ts'))});
const e = nn.createKernelEngine();
const mlp = nn.createMlp({ inDim: 2, hidden: [3], outDim: 1 }, 1);
e.predict(mlp, new Float32Array(2), 1);
nn.createKernelEngine();
console.log(e.name);
`;

function run(kernels: string | undefined) {
  const env = { ...process.env };
  delete env.RLPRUNE_KERNELS;
  if (kernels !== undefined) env.RLPRUNE_KERNELS = kernels;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { env, encoding: 'utf8' });
}

describe('kernel selection', () => {
  it('uses the native addon by default and logs the choice once', () => {
    const r = run(undefined);
    expect(r.stdout.trim()).toBe('native');
    expect(r.stderr.match(/rlprune nn: using native kernels/g)).toHaveLength(1);
  });

  it('RLPRUNE_KERNELS=js forces the portable kernels', () => {
    const r = run('js');
    expect(r.stdout.trim()).toBe('js');
    expect(r.stderr).toContain('using js kernels [portable TypeScript], forced by RLPRUNE_KERNELS');
  });

  it('an unknown RLPRUNE_KERNELS value is an error naming it', () => {
    const r = run('gpu');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`RLPRUNE_KERNELS: expected 'native' or 'js', got "gpu"`);
  });
});
