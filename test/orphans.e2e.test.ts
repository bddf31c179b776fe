// Issue 21 items 2 and 3 with the real CLI: `kill -9` of `rlprune run` (the CLI alone) leaves no
// service it started alive 5 s later (each watches its parent), `rlprune resume` on that home starts
// the attackers the spec needs and finishes the experiment with the same CSV as a reference run whose
// CLI was never killed (item 6: the reference's orchestrator is killed mid-run and restarted by its
// launcher, and its CLI follows through the restart to exit 0); and a second orchestrator on a home
// in use exits naming the holder's pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnServiceProcess, type Spawned } from './helpers/process';

const CLI = path.join(REPO_ROOT, 'apps/cli/bin/rlprune.js');

// random, critic and mad: the attackers a resume must start itself (only random is its default)
const SPEC = `
name: orphans
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 65536, num_envs: 4, num_steps: 128, num_minibatches: 4, update_epochs: 2 }
pruning: { sparsities: [0] }
attacks: [{ name: random }, { name: critic }, { name: mad }]
certify: { methods: [ibp], states: 16 }
evaluation: { episodes: 2 }
`;

interface Cli {
  pid: number;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function rlprune(args: string[], home: string): Cli {
  const child = spawn(process.execPath, [CLI, ...args, '--home', home], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Cli = { pid: child.pid!, stdout: [], stderr: [], exited: new Promise((r) => child.once('exit', (code) => r(code))) };
  child.stdout!.on('data', (b: Buffer) => out.stdout.push(...b.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (b: Buffer) => out.stderr.push(...b.toString().split('\n').filter(Boolean)));
  return out;
}

/** Live (not zombie) children of `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') out.push(Number(d));
    } catch {
      // exited while listed
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return false;
  }
}

const until = async (cond: () => boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const csvOf = (cli: Cli, id: string) => {
  const line = cli.stdout.find((l) => l.startsWith('data:'))!;
  return fs.readFileSync(line.split(/\s+/)[1]!, 'utf8').split(id).join('<id>');
};

const spawned: Spawned[] = [];
const leftover: number[] = [];
afterAll(() => {
  for (const p of spawned) p.child.kill('SIGKILL');
  for (const pid of leftover) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('a crashed local run', () => {
  it('a second orchestrator on a home in use exits 2 naming the holder pid', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-lock-'));
    const first = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home });
    spawned.push(first);
    await first.listening;
    const second = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home });
    expect(await second.exited).toBe(2);
    expect(second.lines).toEqual([`orchestrator: RLPRUNE_HOME ${home} is in use by another orchestrator (pid ${first.child.pid}, lock ${home}/orchestrator.lock); stop it, or use another home`]);
    first.child.kill('SIGTERM');
    await first.exited;
    // released on a clean stop: the next one starts
    const third = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home });
    spawned.push(third);
    await third.listening;
    third.child.kill('SIGTERM');
    await third.exited;
  }, 60_000);

  it('kill -9 of rlprune run leaves no service alive 5 s later, and resume finishes with the reference CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-orphans-'));
    fs.writeFileSync(path.join(dir, 'spec.yaml'), SPEC);
    const spec = path.join(dir, 'spec.yaml');
    // the reference runs at the same time, in its own home
    const reference = rlprune(['run', spec], path.join(dir, 'reference'));
    const crashed = rlprune(['run', spec], path.join(dir, 'crashed'));
    await until(() => crashed.stderr.some((l) => /^experiment exp-\w+:/.test(l)), 240_000, 'the experiment to be submitted');
    const id = /^experiment (exp-\w+):/.exec(crashed.stderr.find((l) => /^experiment exp-\w+:/.test(l))!)![1]!;
    // mid-run: the training has reported an iteration (a fixed wait let a quiet machine finish the whole
    // experiment first, leaving no service to kill; 128 iterations leave a wide window)
    await until(() => [...crashed.stderr, ...crashed.stdout].some((l) => /iter \d+\/\d+/.test(l)), 120_000, 'the training to report an iteration');
    const services = childrenOf(crashed.pid);
    leftover.push(...services);
    expect(services.length).toBeGreaterThanOrEqual(8); // orchestrator, simulator, pruner, certifier, trainer, 3 attackers
    process.kill(crashed.pid, 'SIGKILL');
    // item 6 on the reference run: its orchestrator dies mid-run and the launcher restarts it; the
    // CLI reconnects and follows to the end (it used to exit with "Connection dropped")
    // (the reference starts beside the crashed run and may be slower to get there on a loaded machine:
    // wait for its experiment and its orchestrator process rather than assume them)
    await until(() => reference.stderr.some((l) => /^experiment exp-\w+:/.test(l)), 240_000, 'the reference experiment to be submitted');
    const orchestratorOf = (pid: number) => childrenOf(pid).find((c) => {
      try {
        return fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('orchestrator/src/main.ts');
      } catch {
        return false;
      }
    });
    await until(() => orchestratorOf(reference.pid) !== undefined, 60_000, "the reference's orchestrator process");
    process.kill(orchestratorOf(reference.pid)!, 'SIGKILL');
    await crashed.exited;
    await new Promise((r) => setTimeout(r, 5_000));
    expect(services.filter(alive), 'services still alive 5 s after the CLI died').toEqual([]);

    const resumed = rlprune(['resume'], path.join(dir, 'crashed'));
    expect(await resumed.exited, resumed.stderr.join('\n')).toBe(0);
    expect(await reference.exited, reference.stderr.join('\n')).toBe(0);
    const refId = /^experiment (exp-\w+):/.exec(reference.stderr.find((l) => /^experiment exp-\w+:/.test(l))!)![1]!;
    expect(csvOf(resumed, id)).toBe(csvOf(reference, refId));
  }, 600_000);
});
