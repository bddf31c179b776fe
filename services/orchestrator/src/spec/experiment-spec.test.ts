import { describe, expect, it } from 'vitest';
import { parseSpec, ppoSettings } from './experiment-spec';

const good = `
name: tiny
envs: [InvertedPendulum-v4]
seeds: [1, 2]
train:
  total_timesteps: 20000
  num_envs: 4
  num_steps: 256
pruning:
  sparsities: [0, 0.5]
attacks:
  - name: random
  - name: mad
    epsilons: [0.05, 0.1]
`;

describe('parseSpec', () => {
  it('fills defaults for everything left out', () => {
    const s = parseSpec(good);
    expect(s.train.hidden).toEqual([64, 64]);
    expect(s.train.learning_rate).toBeNull(); // libs/rl's default, filled in by the trainer
    expect(s.train.optimiser).toBe('auto');
    expect(s.sa).toEqual({ kappas: [0], method: 'sgld', epsilon: null, detach_stdev: false, convex_bounds: 'crown-ibp' });
    expect(s.pruning).toMatchObject({ mode: 'during', criteria: ['magnitude'], sparsities: [0, 0.5], start_fraction: 0.25, interval: 15 });
    expect(s.attacks).toEqual([
      { name: 'random', epsilons: [], iterations: null, sweep: [] },
      { name: 'mad', epsilons: [0.05, 0.1], iterations: null, sweep: [] },
    ]);
    expect(s.certify.methods).toEqual(['lipschitz', 'ibp', 'crown']);
    expect(s.evaluation).toEqual({ episodes: 10, deterministic: true, sampled_clean: false });
  });

  it('takes a sampled-action clean evaluation beside mean actions, and refuses it when the clean evaluation already samples', () => {
    expect(parseSpec(`${good}evaluation:\n  sampled_clean: true\n`).evaluation).toEqual({ episodes: 10, deterministic: true, sampled_clean: true });
    expect(() => parseSpec(`${good}evaluation:\n  deterministic: false\n  sampled_clean: true\n`)).toThrow(
      'evaluation.sampled_clean: the clean evaluation already samples actions (evaluation.deterministic is false); drop one of the two',
    );
  });

  it('rejects an unknown env naming the field and line and listing the known ids', () => {
    expect(() => parseSpec(good.replace('InvertedPendulum-v4', 'Hoper-v4'))).toThrow(
      /^envs\[0\] \(line 3\): expected one of Hopper-v4, .*InvertedPendulum-v4, got "Hoper-v4"/,
    );
  });

  it('rejects a sparsity of 1.2 and a negative epsilon with their lines', () => {
    expect(() => parseSpec(good.replace('[0, 0.5]', '[0, 1.2]'))).toThrow('pruning.sparsities[1] (line 10): expected < 1, got 1.2');
    expect(() => parseSpec(good.replace('[0.05, 0.1]', '[-0.05]'))).toThrow('attacks[1].epsilons[0] (line 14): expected >= 0, got -0.05');
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => parseSpec('name: x\nenvs: [Hopper-v4\nseeds: [1]\n')).toThrow(/^spec \(line \d\): YAML syntax error/);
  });

  it('rejects unknown fields, missing required ones and impossible combinations', () => {
    expect(() => parseSpec(good.replace('  total_timesteps: 20000', '  stpes: 20000'))).toThrow('train.stpes (line 6): unknown field');
    expect(() => parseSpec(good.replace('seeds: [1, 2]\n', ''))).toThrow(/^seeds \(line 2\): is required/);
    expect(() => parseSpec(`${good}\npruning:\n  start_fraction: 0.8\n`)).toThrow();
    // checked by libs/rl's resolver, named in the spec's terms
    expect(() => parseSpec(good.replace('num_steps: 256', 'num_steps: 250'))).toThrow(/^train\.num_minibatches: expected a divisor of the batch .* = 1000, got 32/);
  });

  it("hands the PPO settings on under libs/rl's names, leaving every unset one to libs/rl's default", () => {
    const s = parseSpec(good.replace('  num_envs: 4\n', '  num_envs: 4\n  anneal_lr: false\n  target_kl: 0.02\n  ent_coef: 0.01\n'));
    expect(ppoSettings(s.train)).toEqual({ numEnvs: 4, numSteps: 256, annealLr: false, targetKl: 0.02, entCoef: 0.01 });
    expect(() => parseSpec(good.replace('  num_envs: 4\n', '  num_envs: 4\n  norm_adv: 1\n'))).toThrow('train.norm_adv (line 8): expected true or false, got 1');
  });

  it("refuses every old spelling of a train field, naming its CleanRL name, and reads them only in stored specs", () => {
    const old = { steps: 'total_timesteps', rollout_steps: 'num_steps', epochs: 'update_epochs', minibatches: 'num_minibatches' };
    // a spec as written before the rename, with every old spelling
    const written = good
      .replace('total_timesteps: 20000', 'steps: 20000')
      .replace('num_steps: 256', 'rollout_steps: 256')
      .replace('  num_envs: 4\n', '  num_envs: 4\n  epochs: 4\n  minibatches: 16\n');
    for (const [name, renamed] of Object.entries(old)) {
      const line = written.split('\n').findIndex((l) => l.startsWith(`  ${name}:`));
      expect(line).toBeGreaterThan(0);
      // each old name alone (the others written new), so every one is the error's subject
      const only = written.split('\n').map((l, i) => (i === line || !l.match(/^ {2}(steps|rollout_steps|epochs|minibatches):/) ? l : l.replace(/^ {2}(\w+):/, (_, k: string) => `  ${old[k as keyof typeof old]}:`))).join('\n');
      expect(() => parseSpec(only)).toThrow(`train.${name} (line ${line + 1}): renamed to ${renamed} (CleanRL's name); write ${renamed}: instead`);
    }
    const stored = parseSpec(written, undefined, { acceptOldNames: true });
    expect(stored.train).toMatchObject({ total_timesteps: 20000, num_steps: 256, update_epochs: 4, num_minibatches: 16 });
  });
});

describe('parseSpec numbers and sizes', () => {
  it('rejects integers beyond 2^53 and non-finite numbers with their line, quoting what was written', () => {
    expect(() => parseSpec(good.replace('total_timesteps: 20000', 'total_timesteps: 99999999999999999999'))).toThrow(
      'train.total_timesteps (line 6): expected an integer of at most 2^53 - 1 (9007199254740991), got 99999999999999999999',
    );
    expect(() => parseSpec(good.replace('[0.05, 0.1]', '[0.05, 1e309]'))).toThrow('attacks[1].epsilons[1] (line 14): expected a finite number, got 1e309');
    expect(() => parseSpec(good.replace('[0.05, 0.1]', '[.inf]'))).toThrow('attacks[1].epsilons[0] (line 14): expected a finite number, got .inf');
    expect(() => parseSpec(good.replace('seeds: [1, 2]', 'seeds: [1, 9007199254740993]'))).toThrow(/^seeds\[1\] \(line 4\): expected an integer of at most 2\^53 - 1/);
  });

  it('quotes at most ~100 characters of a bad value', () => {
    const long = 'x'.repeat(50_000);
    const err = (() => {
      try {
        parseSpec(good.replace('InvertedPendulum-v4', long));
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(err).toContain('(50002 characters)');
    expect(err.length).toBeLessThan(400);
  });

  it('refuses hidden widths whose nets exceed the parameter cap, naming the cap and its setting', () => {
    expect(() => parseSpec(good.replace('  num_envs: 4', '  num_envs: 4\n  hidden: [65536, 65536]'))).toThrow(
      /^train.hidden: widths \[65536, 65536\] make up to \d+ parameters, over the limit of 16777216 \(RLPRUNE_MAX_POLICY_PARAMETERS\)/,
    );
    expect(parseSpec(good.replace('  num_envs: 4', '  num_envs: 4\n  hidden: [2048, 2048]')).train.hidden).toEqual([2048, 2048]);
    expect(() => parseSpec(good.replace('  num_envs: 4', '  num_envs: 4\n  hidden: [256, 256]'), 1000)).toThrow(/over the limit of 1000/);
  });
});
