import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/experiment-spec';
import { DEFAULT_MAX_GRID_STAGES, expandGrid, gridStageLowerBound, GridTooLargeError } from './grid';

const eps = () => 0.075;
const seeds = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
const sparsities = (n: number) => `[${Array.from({ length: n }, (_, i) => (i / n).toFixed(6)).join(', ')}]`;

describe('grid stage cap', () => {
  it('refuses a million-point spec in well under a second, naming every axis size', () => {
    const spec = parseSpec(`
name: huge
envs: [Hopper-v4]
seeds: ${seeds(1000)}
train: { total_timesteps: 2048 }
pruning: { sparsities: ${sparsities(1000)} }
attacks: [{ name: mad }, { name: random, epsilons: [0.05, 0.1] }]
`);
    const t0 = performance.now();
    let err: unknown;
    try {
      expandGrid(spec, eps, DEFAULT_MAX_GRID_STAGES);
    } catch (e) {
      err = e;
    }
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(err).toBeInstanceOf(GridTooLargeError);
    const message = (err as Error).message;
    expect(message).toContain(`more than ${DEFAULT_MAX_GRID_STAGES} stages`);
    expect(message).toContain('RLPRUNE_MAX_GRID_STAGES');
    expect(message).toContain('1 env(s) x 1000 seed(s) x 1 kappa(s) x 1 criteria x 1000 sparsities = 1000000 grid points');
    expect(message).toContain('mad x 1 epsilon(s), random x 2 epsilon(s)');
    expect((err as Error).name).toBe('InvalidArgumentError');
  });

  it('accepts a grid of exactly the cap and refuses one stage more', () => {
    const spec = parseSpec(`
name: small
envs: [Hopper-v4]
seeds: [1, 2]
train: { total_timesteps: 2048 }
`);
    const stages = expandGrid(spec, eps).stages.size;
    expect(expandGrid(spec, eps, stages).stages.size).toBe(stages);
    expect(() => expandGrid(spec, eps, stages - 1)).toThrow(GridTooLargeError);
  });
});

describe('gridStageLowerBound', () => {
  it('never exceeds the real stage count, across modes, criteria, sparsity 0 and swept attacks', () => {
    const specs = [
      'pruning: { mode: post_hoc, criteria: [magnitude, random], sparsities: [0, 0.5, 0.9] }\nattacks: [{ name: mad }, { name: rs, sweep: [] }]',
      'sa: { kappas: [0, 0.3] }\npruning: { sparsities: [0, 0.5] }\nattacks: [{ name: rs }, { name: critic, epsilons: [0.05, 0.075] }]',
      'pruning: { mode: one_shot, criteria: [magnitude, saliency], sparsities: [0.5, 0.8] }',
    ];
    for (const extra of specs) {
      const spec = parseSpec(`name: b\nenvs: [Hopper-v4, Walker2d-v4]\nseeds: [1, 2]\ntrain: { total_timesteps: 2048 }\n${extra}\n`);
      const { stages } = expandGrid(spec, eps);
      expect(stages.size).toBeGreaterThanOrEqual(gridStageLowerBound(spec));
      expect(gridStageLowerBound(spec)).toBeGreaterThan(stages.size / 3);
    }
  });
});
