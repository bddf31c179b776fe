import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DEADLINE = path.join(__dirname, 'exit-deadline.ts');

/** Runs CommonJS `code` in a fresh node (TypeScript via tsx): how it ended and after how long. */
function run(code: string): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
  return new Promise((resolve) =>
    child.once('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ code: exitCode, signal, ms: Date.now() - t0 });
    }),
  );
}

describe('killAfter', () => {
  it('kills a process whose main thread never returns to the event loop', async () => {
    const res = await run(`
      require(${JSON.stringify(DEADLINE)}).killAfter(500);
      // blocked for good, as in a write(2) to a full pipe: no timer or signal handler of this thread runs
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    `);
    expect(res.signal).toBe('SIGKILL');
  }, 20_000);

  it('does not keep a process alive that has finished', async () => {
    const res = await run(`require(${JSON.stringify(DEADLINE)}).killAfter(60_000);`);
    expect(res).toMatchObject({ code: 0, signal: null });
    expect(res.ms).toBeLessThan(8_000);
  }, 20_000);
});
