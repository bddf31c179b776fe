// An engine whose optional peer is not installed fails with the engine's name and the npm command
// that installs it; any other load failure comes through unchanged.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EngineUnavailableError, importEnginePeer } from './optional-peer';
import { TFJS_INSTALL } from './tfjs-engine';

const ABSENT = '@tensorflow/tfjs-absent-for-this-test';

describe('importEnginePeer', () => {
  it('names the engine and the install command when the package is not installed (import and require)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS path the compiled images take
    for (const load of [() => import(ABSENT), async () => require(ABSENT) as unknown]) {
      const err = await importEnginePeer(load, 'tfjs', ABSENT, TFJS_INSTALL).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineUnavailableError);
      expect((err as EngineUnavailableError).engine).toBe('tfjs');
      expect((err as Error).message).toBe(
        `engine "tfjs" needs ${ABSENT}, which is not installed: npm install @tensorflow/tfjs@4.22.0 (the native and js engines need nothing extra)`,
      );
    }
  });

  it('passes through a package that loads, and any other failure unchanged (a broken install is not "not installed")', async () => {
    await expect(importEnginePeer(async () => 42, 'tfjs', ABSENT, TFJS_INSTALL)).resolves.toBe(42);
    const broken = new Error('libtensorflow.so: cannot open shared object file');
    await expect(importEnginePeer(() => Promise.reject(broken), 'tfjs', ABSENT, TFJS_INSTALL)).rejects.toBe(broken);
    // the peer is there but one of its own imports is missing: not the user's missing peer
    const nested = Object.assign(new Error("Cannot find module 'seedrandom'"), { code: 'MODULE_NOT_FOUND' });
    await expect(importEnginePeer(() => Promise.reject(nested), 'tfjs', ABSENT, TFJS_INSTALL)).rejects.toBe(nested);
  });

  it('is what createTfjsEngine throws in a process where @tensorflow/tfjs does not resolve', async () => {
    // @tensorflow/tfjs made unresolvable, as in a production image (npm ci --omit=dev): for ESM
    // resolution (a loader hook; tsx keeps import()) and for require (compiled images' CommonJS)
    const hook = `data:text/javascript,${encodeURIComponent(
      "export async function resolve(s, c, next) { if (s === '@tensorflow/tfjs') { const e = new Error(\"Cannot find module '@tensorflow/tfjs'\"); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; } return next(s, c); }",
    )}`;
    const script = `
      const { register } = require('node:module');
      register(${JSON.stringify(hook)});
      const Module = require('node:module');
      const original = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === '@tensorflow/tfjs') { const e = new Error("Cannot find module '@tensorflow/tfjs'"); e.code = 'MODULE_NOT_FOUND'; throw e; }
        return original.call(this, request, ...rest);
      };
      require(${JSON.stringify(path.join(__dirname, 'index.ts'))}).createTfjsEngine('cpu').then(
        () => { console.log('loaded'); },
        (e) => { console.log(e.name + ': ' + e.message); },
      );`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..') });
    expect(stdout.trim()).toBe(`EngineUnavailableError: engine "tfjs" needs @tensorflow/tfjs, which is not installed: ${TFJS_INSTALL} (the native and js engines need nothing extra)`);
  }, 60_000);
});
