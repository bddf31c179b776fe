import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stdioSink } from './log-sink';

const SINK = path.join(__dirname, 'log-sink.ts');

/** Runs CommonJS `code` in a fresh node (TypeScript via tsx) with stderr piped and never read. */
function runWithUnreadStderr(code: string): Promise<{ code: number | null; signal: string | null; stdout: string; ms: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pause();
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  // a blocked child never ends by itself: stop it after a bound and report how it ended
  const timer = setTimeout(() => child.kill('SIGKILL'), 6_000);
  return new Promise((resolve) =>
    child.once('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ code: exitCode, signal, stdout, ms: Date.now() - t0 });
    }),
  );
}

describe('stdioSink', () => {
  it('drops lines beyond its backlog while nobody reads, and reports how many once the reader caught up', () => {
    const stream = new PassThrough({ highWaterMark: 64 });
    const drain = () => {
      let out = '';
      for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) out += String(chunk);
      return out;
    };
    const sink = stdioSink(stream, { backlogBytes: 100, droppedLine: (n) => `dropped ${n}\n` });
    const line = (i: number) => `line ${i} ${'x'.repeat(30)}\n`;
    for (let i = 0; i < 10; i++) sink.write(line(i));
    // 38-byte lines: the first two fill the unread side (64 bytes), the next two queue 76 bytes,
    // with which the queue is over 100 bytes, so lines 4..9 are dropped
    expect(sink.dropped).toBe(6);
    expect(drain()).toBe([0, 1, 2, 3].map(line).join(''));
    expect(stream.writableLength).toBe(0);
    sink.write('after\n');
    expect(sink.dropped).toBe(0);
    expect(drain()).toBe('dropped 6\nafter\n');
  });

  it('stops writing, without throwing, once its stream has failed', () => {
    const stream = new PassThrough();
    const sink = stdioSink(stream);
    sink.write('before\n');
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(() => sink.write('after\n')).not.toThrow();
    expect(sink.closed).toBe(true);
  });

  it('is one per stream, so loggers sharing a stream share its backlog and its listener', () => {
    const stream = new PassThrough();
    expect(stdioSink(stream)).toBe(stdioSink(stream));
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('never blocks on a full stderr pipe, even after a child inherited it and made it blocking', async () => {
    // libuv clears O_NONBLOCK on stdio a child inherits, in the description this process shares
    // (tsx spawns esbuild that way): 4 MB of lines to an unread pipe then blocked in write(2) for good
    const res = await runWithUnreadStderr(`
      const { spawnSync } = require('node:child_process');
      const { stdioSink } = require(${JSON.stringify(SINK)});
      const sink = stdioSink(process.stderr);
      sink.write('start\\n');
      spawnSync(process.execPath, ['-e', ''], { stdio: 'inherit' });
      const line = 'x'.repeat(199) + '\\n';
      for (let i = 0; i < 20000; i++) sink.write(line);
      process.stdout.write('dropped ' + sink.dropped + '\\n');
      process.exit(0);
    `);
    expect(res).toMatchObject({ code: 0, signal: null });
    // the backlog (1 MB) took what the pipe could not, the rest was dropped
    expect(Number(/dropped (\d+)/.exec(res.stdout)?.[1])).toBeGreaterThan(10_000);
  }, 20_000);
});
