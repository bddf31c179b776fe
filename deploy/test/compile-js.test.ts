// The images' build step (deploy/docker/compile-js.mjs) on a copy of the repository, as the Dockerfile
// runs it: every service then starts from JavaScript alone (the .ts sources deleted, tsx never
// loaded) and reports SERVING, and the physics worker threads start from their compiled entry.
// Docker has no engine on this machine, so this checks what the image runs, not the image.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, closeClients } from '@rlprune/service-kit';

const REPO = path.resolve(__dirname, '..', '..');
const SERVICES = fs.readdirSync(path.join(REPO, 'services')).sort();
let copy: string;

/** libs/, services/ and proto/ (without build output), the root manifests, and node_modules linked to the copy's workspaces. */
function copyRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compiled-'));
  for (const group of ['libs', 'services', 'proto']) {
    fs.cpSync(path.join(REPO, group), path.join(dir, group), {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|\.rlprune)$/.test(src) && !/[\\/]build[\\/]Release[\\/](obj\.target|\.deps)/.test(src),
    });
  }
  for (const f of ['package.json', 'tsconfig.base.json']) fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  fs.mkdirSync(path.join(dir, 'node_modules', '@rlprune'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(REPO, 'node_modules'))) {
    if (entry !== '@rlprune' && entry !== '.bin') fs.symlinkSync(path.join(REPO, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  for (const group of ['libs', 'services']) {
    for (const name of fs.readdirSync(path.join(dir, group))) {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, group, name, 'package.json'), 'utf8')) as { name: string };
      fs.symlinkSync(path.join(dir, group, name), path.join(dir, 'node_modules', pkg.name));
    }
  }
  return dir;
}

/** Starts a compiled service with plain node; resolves with its address once it reports ready. */
function startCompiled(service: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(copy, 'services', service, 'src', 'main.js')], {
    cwd: copy,
    // NODE_OPTIONS from the test runner could register a TypeScript loader
    env: { ...process.env, NODE_OPTIONS: '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      if (line.includes(`"msg":"${service} ready"`)) resolve((JSON.parse(line) as { address: string }).address);
    });
    void exited.then((code) => reject(new Error(`${service} exited with ${code}:\n${lines.join('\n')}`)));
  });
  return { child, ready, exited, lines };
}

beforeAll(async () => {
  copy = copyRepository();
  const { compileWorkspace } = await import('../docker/compile-js.mjs');
  await compileWorkspace(copy, { dropTs: true });
}, 120_000);

afterAll(() => {
  closeClients();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

describe('compile-js.mjs', () => {
  it('leaves JavaScript only: no .ts source, every workspace package main a .js that exists', () => {
    for (const group of ['libs', 'services']) {
      for (const name of fs.readdirSync(path.join(copy, group))) {
        const dir = path.join(copy, group, name);
        const main = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main: string }).main;
        // services' mains name no file (nothing imports a service as a package); libraries' do
        if (group === 'libs') {
          expect(main, name).toMatch(/\.js$/);
          expect(fs.existsSync(path.join(dir, main)), `${name} ${main}`).toBe(true);
        }
        const left = (fs.readdirSync(path.join(dir, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !/\.test\.ts$/.test(f));
        expect(left, name).toEqual([]);
      }
    }
  });

  it.each(SERVICES)(
    '%s starts from JavaScript with plain node and reports SERVING',
    async (service) => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-compiled-home-'));
      const p = startCompiled(service, { RLPRUNE_HOME: home, ATTACK: 'random', SIM_MAX_THREADS: '1' });
      try {
        const address = await p.ready;
        expect((await checkHealth(address, 5_000)).status).toBe('SERVING');
      } finally {
        p.child.kill('SIGTERM');
        expect(await p.exited, p.lines.slice(-5).join('\n')).toBe(0);
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('starts physics worker threads from the compiled worker entry', async () => {
    const script = `require(${JSON.stringify(path.join(copy, 'libs', 'envs'))}).createThreadedVecEnv('Hopper-v4', { numEnvs: 2, threads: 2, seed: 1 })
      .then(async (env) => { const obs = await env.reset(); console.log(obs.length); await env.close(); });`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: copy, env: { ...process.env, NODE_OPTIONS: '' } });
    expect(Number(stdout.trim())).toBe(2 * 11);
  }, 60_000);
});
