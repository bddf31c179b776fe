// The three pruning modes become different stages: the paper's one-shot arm trains with a one-shot
// schedule (pruned once at the end of burn-in, trained on), post-hoc prunes the finished dense policy.
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/experiment-spec';
import { expandGrid } from './grid';

const spec = (mode: string) =>
  parseSpec(`
name: modes
envs: [Hopper-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: ${mode}, sparsities: [0, 0.5] }
`);
const stagesOf = (mode: string) => [...expandGrid(spec(mode), () => 0.075).stages.values()];

describe('pruning modes', () => {
  it('one_shot trains each sparsity with a one-shot schedule and no prune stage', () => {
    const stages = stagesOf('one_shot');
    expect(stages.filter((s) => s.kind === 'prune')).toHaveLength(0);
    const trains = stages.filter((s) => s.kind === 'train');
    expect(trains).toHaveLength(2);
    const pruned = trains.find((s) => s.params.pruning !== null)!;
    expect(pruned.params.pruning).toMatchObject({ kind: 'one_shot', final_sparsity: 0.5, start_fraction: 0.25 });
  });

  it('during keeps the cubic schedule (no kind named, so stage ids are unchanged) and post_hoc prunes the dense policy', () => {
    const during = stagesOf('during').flatMap((s) => (s.kind === 'train' && s.params.pruning !== null ? [s] : []));
    expect(during).toHaveLength(1);
    expect(during[0]!.params.pruning).not.toHaveProperty('kind');
    const postHoc = stagesOf('post_hoc');
    expect(postHoc.filter((s) => s.kind === 'train')).toHaveLength(1);
    expect(postHoc.filter((s) => s.kind === 'prune')).toHaveLength(1);
  });

  it('an unknown mode names the three', () => {
    expect(() => spec('oneshot')).toThrow(/pruning\.mode \(line \d+\): expected one of during, one_shot, post_hoc/);
  });
});
