import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/experiment-spec';
import { expandGrid, topologicalOrder } from './grid';

const eps = (env: string) => (env.startsWith('Hopper') ? 0.075 : 0.05);

describe('expandGrid', () => {
  it('shares one dense policy across one-shot sparsities and criteria', () => {
    const spec = parseSpec(`
name: g
envs: [Hopper-v4]
seeds: [1]
train: { steps: 1000 }
pruning: { mode: post_hoc, criteria: [magnitude, random], sparsities: [0, 0.5, 0.9] }
attacks: [{ name: mad }, { name: rs, sweep: [] }]
`);
    const grid = expandGrid(spec, eps);
    expect(grid.points).toHaveLength(6);
    const kinds = [...grid.stages.values()].map((s) => s.kind);
    expect(kinds.filter((k) => k === 'train')).toHaveLength(1);
    // sparsity 0 is the dense policy for both criteria: 1 + 2 criteria x 2 sparsities
    expect(kinds.filter((k) => k === 'prune')).toHaveLength(4);
    // policies: 5 distinct; each gets a clean eval, mad eval, rs prepare + eval, certify
    expect(kinds.filter((k) => k === 'evaluate')).toHaveLength(15);
    expect(kinds.filter((k) => k === 'prepare')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'certify')).toHaveLength(5);
    const dense = grid.points.filter((p) => p.sparsity === 0);
    expect(dense[0]!.policyStage).toBe(dense[1]!.policyStage);
    const mad = grid.points[1]!.attackStages.find((a) => a.attack === 'mad')!;
    expect(mad.epsilon).toBe(0.075);
  });

  it('trains once per sparsity when pruning during training, and orders stages after their inputs', () => {
    const spec = parseSpec(`
name: g
envs: [Walker2d-v4]
seeds: [1, 2]
train: { steps: 1000 }
sa: { kappas: [0, 0.3] }
pruning: { sparsities: [0, 0.5] }
`);
    const grid = expandGrid(spec, eps);
    expect(grid.points).toHaveLength(8);
    expect([...grid.stages.values()].filter((s) => s.kind === 'train')).toHaveLength(8);
    const order = topologicalOrder(grid.stages).map((s) => s.id);
    for (const s of grid.stages.values()) for (const d of Object.values(s.deps)) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.id));
    // the same spec expands to the same ids
    expect([...expandGrid(spec, eps).stages.keys()]).toEqual([...grid.stages.keys()]);
  });
});
