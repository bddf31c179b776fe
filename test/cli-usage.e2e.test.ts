// The rlprune CLI's help, errors and service-free ledger commands, as a user meets them: each case
// is one spawn of the real CLI process and none starts a service (issue 18 acceptance).
import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isGroup, type CommandSpec } from '../apps/cli/src/args/spec';
import { SPECS } from '../apps/cli/src/commands';
import { reportTestExperiment } from '../services/orchestrator/src/experiments/report-test-support';
import { LOCK_FILE } from '../services/orchestrator/src/ledger/home-lock';
import { Ledger } from '../services/orchestrator/src/ledger/ledger';
import { REPO_ROOT } from './helpers/process';

const exec = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/rlprune.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function rlprune(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  // no ORCHESTRATOR_ADDRESS from the developer's shell: the ledger commands must go local
  const { ORCHESTRATOR_ADDRESS: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { env: { ...base, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const leaves: CommandSpec[] = SPECS.flatMap((s) => (isGroup(s) ? [...s.subcommands] : [s]));

/** A home whose ledger holds 3 experiments (recorded as the executors record them): 2 finished, 1 running. */
function homeWithThreeExperiments(): { home: string; ids: string[] } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-usage-'));
  const ledger = new Ledger(path.join(home, 'ledger.sqlite'));
  const ids: string[] = [];
  for (const scale of [1, 1.2, 1.4]) {
    const e = reportTestExperiment(ledger, scale);
    if (scale < 1.4) {
      e.finishPoints(e.points);
      ledger.setExperimentState(e.id, 'succeeded');
    } else ledger.setExperimentState(e.id, 'running');
    ids.push(e.id);
  }
  ledger.close();
  return { home, ids };
}

/** What a started service would leave in the home: its log folder and the orchestrator's lock. */
function serviceTraces(home: string): string[] {
  return ['logs', LOCK_FILE].filter((f) => fs.existsSync(path.join(home, f)));
}

describe('rlprune help, version and usage errors', () => {
  it("every command's --help exits 0 and names every flag of its table", async () => {
    const names = [...leaves.map((c) => c.name), ...SPECS.filter(isGroup).map((g) => g.name)];
    const outs = await Promise.all(names.map((n) => rlprune([...n.split(' '), '--help'])));
    names.forEach((name, i) => {
      const out = outs[i]!;
      expect(out.code, `${name} --help: ${out.stderr}`).toBe(0);
      const spec = SPECS.find((s) => s.name === name) ?? leaves.find((c) => c.name === name)!;
      const flags = isGroup(spec) ? spec.subcommands.flatMap((c) => Object.keys(c.flags)) : Object.keys(spec.flags);
      for (const f of flags) expect(out.stdout, `${name} --help`).toMatch(new RegExp(`--${f}\\b`));
      expect(out.stdout).toContain('exit codes: 0 ok, 1 failed');
    });
    // by hand, so a table that lost a flag fails here too
    const help = (name: string) => outs[names.indexOf(name)]!.stdout;
    expect(help('run')).toMatch(/--detach .*\(default: off\)/);
    expect(help('run')).toMatch(/--concurrency N .*e\.g\. --concurrency 2/);
    expect(help('train')).toMatch(/--total-timesteps N .*\(required; e\.g\. --total-timesteps 20000\)/);
    expect(help('train')).toMatch(/--prune-interval K .*default: 15/);
    expect(help('certify')).toContain('--no-radius');
    expect(help('policy')).toMatch(/--format FORMAT[\s\S]*--out FILE/);
    expect(help('ls')).toMatch(/--home DIR .*default: \$RLPRUNE_HOME, else \.rlprune/);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'apps/cli/package.json'), 'utf8')) as { version: string };
    const out = await rlprune(['--version']);
    expect(out).toMatchObject({ code: 0, stdout: `rlprune ${version}\n` });
  });

  it('a misspelt command gets a suggestion and exit 2', async () => {
    const out = await rlprune(['rnu', 'examples/quickstart.yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('rlprune: unknown command "rnu"; did you mean run? (`rlprune --help` lists the commands)\n');
  });

  it('a misspelt flag gets a suggestion and exit 2', async () => {
    const out = await rlprune(['train', '--env', 'Hopper-v4', '--total-timestpes', '100', '--out', 'p.rlp']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('unknown flag --total-timestpes; did you mean --total-timesteps?');
  });

  it('a bad value names its flag', async () => {
    const out = await rlprune(['train', '--env', 'Hopper-v4', '--total-timesteps', 'abc', '--out', 'p.rlp']);
    expect(out).toMatchObject({ code: 2, stderr: 'rlprune: --total-timesteps: expected a positive integer, got "abc"\n' });
  });

  it('an unreachable orchestrator is one plain line naming the address and `rlprune up`, exit 1', async () => {
    const out = await rlprune(['status', '--address', '127.0.0.1:1']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('127.0.0.1:1');
    expect(out.stderr).toContain('rlprune up');
    expect(out.stderr).not.toMatch(/round_robin|No connection established|UNAVAILABLE/);
  });
});

describe('ledger commands on a local home start no service', () => {
  it('ls lists the 3 experiments from the SQLite ledger', async () => {
    const { home, ids } = homeWithThreeExperiments();
    const out = await rlprune(['ls', '--home', home, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const listed = JSON.parse(out.stdout) as Array<{ id: string; state: string; stagesTotal: number }>;
    expect(listed.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(listed.find((e) => e.id === ids[2])!.state).toBe('running');
    expect(out.stderr).not.toContain('starting local services');
    expect(serviceTraces(home)).toEqual([]);
  });

  it('report ID prints the sweet spots as a table', async () => {
    const { home, ids } = homeWithThreeExperiments();
    const out = await rlprune(['report', ids[0]!, '--home', home]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^report: .*report\.html$/m);
    expect(out.stdout).toMatch(/^env +kappa +criterion +attack +sparsity +score/m);
    expect(out.stdout).toMatch(/^InvertedPendulum-v4 +0 +magnitude post-hoc +random@0\.05 /m);
    expect(serviceTraces(home)).toEqual([]);
  });

  it('cancel marks a running experiment cancelled in the ledger when no orchestrator runs the home', async () => {
    const { home, ids } = homeWithThreeExperiments();
    const out = await rlprune(['cancel', ids[2]!, '--home', home]);
    expect(out).toMatchObject({ code: 0, stdout: `${ids[2]} cancelled\n` });
    const ledger = new Ledger(path.join(home, 'ledger.sqlite'));
    expect(ledger.getExperiment(ids[2]!)!.state).toBe('cancelled');
    ledger.close();
    expect(serviceTraces(home)).toEqual([]);
  });
  it('cancel of a home an orchestrator holds says so and leaves the ledger to it', async () => {
    const { home, ids } = homeWithThreeExperiments();
    // the lock names a live process whose command line says orchestrator, as the real lock's holder check reads it
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'orchestrator'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(home, LOCK_FILE), `${holder.pid}\n`);
      const out = await rlprune(['cancel', ids[2]!, '--home', home]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(`an orchestrator (pid ${holder.pid}) runs ${home}`);
      expect(out.stderr).toContain(`rlprune cancel ${ids[2]} --address HOST:PORT`);
      const ledger = new Ledger(path.join(home, 'ledger.sqlite'));
      expect(ledger.getExperiment(ids[2]!)!.state).toBe('running');
      ledger.close();
    } finally {
      holder.kill();
    }
  });
});

describe('rlprune completion', () => {
  it('bash completes commands, subcommands, flags and choice values from the tables', () => {
    const cases = [['rlprune', 'ru'], ['rlprune', 'policy', 'ex'], ['rlprune', 'run', 'x.yaml', '--det'], ['rlprune', 'evaluate', '--attack', 'm'], ['rlprune', 'completion', 'z']];
    // one bash and one CLI spawn: the script is sourced once, then each case completes in that shell
    const body = [
      `source <("${process.execPath}" "${CLI}" completion bash)`,
      ...cases.map((w) => `COMP_WORDS=(${w.map((x) => `'${x}'`).join(' ')}); COMP_CWORD=${w.length - 1}; _rlprune; echo "\${COMPREPLY[*]}"`),
    ].join('\n');
    const res = spawnSync('bash', ['-c', body], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout.split('\n').slice(0, cases.length)).toEqual(['run', 'export', '--detach', 'mad', 'zsh']);
  });

  it('zsh defines every command and subcommand with its flags (no zsh here to run it)', async () => {
    const out = await rlprune(['completion', 'zsh']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^#compdef rlprune\n/);
    expect(out.stdout.trimEnd().endsWith('compdef _rlprune rlprune')).toBe(true);
    for (const c of leaves) {
      expect(out.stdout).toContain(`    ${c.name.split(' ').at(-1)})`);
      for (const f of Object.keys(c.flags)) expect(out.stdout, `${c.name} --${f}`).toContain(`'--${f}[`);
    }
    expect(out.stdout).toContain("'--attack[observation attack (with --eps); none evaluates clean]:NAME:(random critic mad rs rs_mad learned correlated)'");
  });
});
