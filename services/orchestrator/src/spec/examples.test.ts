import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from './experiment-spec';

const dir = path.resolve(__dirname, '../../../../examples');

describe('examples/', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('holds the quick start and the paper specs', () => {
    expect(files).toContain('quickstart.yaml');
    expect(files.filter((f) => f.startsWith('paper-')).length).toBeGreaterThanOrEqual(10);
  });
  it.each(files)('%s is a valid spec', (f) => {
    expect(() => parseSpec(fs.readFileSync(path.join(dir, f), 'utf8'))).not.toThrow();
  });
  // issue 15: the value-guided attack in every pruning spec, at the env's epsilon and twice it
  const pruningSpecs = files.filter((f) => /^paper-.*-(pruning|oneshot|structured|criteria|posthoc)/.test(f));
  it.each(pruningSpecs)('%s attacks with critic at the env epsilon and twice it', (f) => {
    const spec = parseSpec(fs.readFileSync(path.join(dir, f), 'utf8'));
    const envEps = { 'Hopper-v4': 0.075, 'Walker2d-v4': 0.05, 'HalfCheetah-v4': 0.15 }[spec.envs[0]!]!;
    for (const name of ['random', 'critic', 'mad']) {
      const attack = spec.attacks.find((a) => a.name === name);
      expect(attack?.epsilons, `${f}: ${name}`).toEqual([envEps, 2 * envEps]);
    }
    // robust sarsa at the env's epsilon over a stated subset of SA-PPO's sweep (cost: see the specs)
    const rs = spec.attacks.find((a) => a.name === 'rs')!;
    expect(rs.epsilons, `${f}: rs`).toEqual([envEps]);
    expect(rs.sweep.length).toBeGreaterThan(0);
  });
});
