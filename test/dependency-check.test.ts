// The dependency check `npm test` runs (`npm run check:deps`: knip with the repository's knip.jsonc)
// on a tiny workspace laid out like this one: clean it passes; a planted unused dependency and a
// planted undeclared import each fail it, named in the output.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/process';

const KNIP = path.join(REPO_ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-knip-'));
const lib = path.join(dir, 'libs', 'a');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(dependencies: Record<string, string>, source: string): void {
  fs.writeFileSync(path.join(lib, 'package.json'), JSON.stringify({ name: '@fixture/a', version: '0.0.0', main: 'src/index.ts', dependencies }));
  fs.writeFileSync(path.join(lib, 'src', 'index.ts'), source);
}

/** knip as check:deps runs it, in the fixture; its exit code and report. */
async function check(): Promise<{ code: number; out: string }> {
  const args = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts['check:deps'].split(' ').slice(1) as string[];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [KNIP, ...args], { cwd: dir });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('dependency check (knip)', () => {
  fs.mkdirSync(path.join(lib, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', private: true, workspaces: ['libs/*'] }));
  fs.copyFileSync(path.join(REPO_ROOT, 'knip.jsonc'), path.join(dir, 'knip.jsonc'));
  const uses = "import * as grpc from '@grpc/grpc-js';\nexport const ok = grpc.status.OK;\n";

  it('passes a workspace whose imports and declared dependencies agree', async () => {
    write({ '@grpc/grpc-js': '^1.14.0' }, uses);
    expect(await check()).toEqual({ code: 0, out: '' });
  });

  it('fails on a declared dependency nothing imports', async () => {
    write({ '@grpc/grpc-js': '^1.14.0', 'left-pad': '^1.3.0' }, uses);
    const { code, out } = await check();
    expect(code).not.toBe(0);
    expect(out).toMatch(/Unused dependencies \(1\)\s+left-pad\s+libs\/a\/package\.json/);
  });

  it('fails on an import its package.json does not declare', async () => {
    write({ '@grpc/grpc-js': '^1.14.0' }, `${uses}import YAML from 'yaml';\nexport const y = YAML;\n`);
    const { code, out } = await check();
    expect(code).not.toBe(0);
    expect(out).toMatch(/Unlisted dependencies \(1\)\s+yaml\s+libs\/a\/src\/index\.ts/);
  });
});
