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
train: { total_timesteps: 2048 }
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
train: { total_timesteps: 2048 }
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

  it('adds a sampled-action clean evaluation per policy only when asked, leaving every other stage id as it was', () => {
    const text = `
name: g
envs: [Hopper-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
attacks: [{ name: mad }]
`;
    const plain = expandGrid(parseSpec(text), eps);
    const sampled = expandGrid(parseSpec(`${text}evaluation: { sampled_clean: true }\n`), eps);
    expect(plain.points.every((p) => p.sampledCleanStage === undefined)).toBe(true);
    for (const id of plain.stages.keys()) expect(sampled.stages.has(id)).toBe(true);
    expect(sampled.stages.size).toBe(plain.stages.size + 2);
    for (const p of sampled.points) {
      const stage = sampled.stages.get(p.sampledCleanStage!)!;
      expect(stage).toMatchObject({ kind: 'evaluate', deps: { policy: p.policyStage }, params: { deterministic: false, attack: null, state_sample: 0 } });
      expect(sampled.stages.get(p.cleanStage)!.params).toMatchObject({ deterministic: true });
    }
  });
});

describe('certify stages', () => {
  const spec = (extra = '', sparsities = '[0, 0.5]', mode = 'during') =>
    parseSpec(`
name: c
envs: [Hopper-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: ${mode}, sparsities: ${sparsities} }
attacks: [{ name: mad, epsilons: [0.05, 0.15] }, { name: random }]
${extra}
`);
  const certifyOf = (grid: ReturnType<typeof expandGrid>, id: string) => grid.stages.get(id)!;

  it('one per epsilon in the attacks, the env default and certify.epsilon, ascending, paired with every attack epsilon', () => {
    const grid = expandGrid(spec(), eps);
    for (const point of grid.points) {
      expect(point.certifyStages.map((c) => c.epsilon)).toEqual([0.05, 0.075, 0.15]);
      const certified = new Set(point.certifyStages.map((c) => c.epsilon));
      for (const a of point.attackStages) expect(certified.has(a.epsilon)).toBe(true);
      for (const c of point.certifyStages) {
        const stage = certifyOf(grid, c.stage);
        expect(stage.params).toMatchObject({ epsilon: c.epsilon, certified_radius: c.epsilon === 0.075 });
        expect(stage.deps).toMatchObject({ policy: point.policyStage, states: point.cleanStage });
      }
    }
    const withAsked = expandGrid(spec('certify: { epsilon: 0.2 }'), eps);
    expect(withAsked.points[0]!.certifyStages.map((c) => c.epsilon)).toEqual([0.05, 0.075, 0.15, 0.2]);
  });

  it("gives the pruned point's certify stage at the env default a reference dep on the dense policy, and only that one", () => {
    const grid = expandGrid(spec(), eps);
    const dense = grid.points.find((p) => p.sparsity === 0)!;
    const pruned = grid.points.find((p) => p.sparsity === 0.5)!;
    for (const c of dense.certifyStages) expect(certifyOf(grid, c.stage).deps.reference).toBeUndefined();
    for (const c of pruned.certifyStages)
      expect(certifyOf(grid, c.stage).deps.reference).toBe(c.epsilon === 0.075 ? dense.policyStage : undefined);
    // post_hoc: the dense run is the prune stage's input, trained whatever the sparsities
    const postHoc = expandGrid(spec('', '[0.5]', 'post_hoc'), eps);
    const point = postHoc.points[0]!;
    const atDefault = point.certifyStages.find((c) => c.epsilon === 0.075)!;
    expect(certifyOf(postHoc, atDefault.stage).deps.reference).toBe(postHoc.stages.get(point.policyStage)!.deps.policy);
    // micro-pruning without a dense point in the grid: no dense run to compare with, no path
    const noDense = expandGrid(spec('', '[0.5]'), eps);
    for (const c of noDense.points[0]!.certifyStages) expect(certifyOf(noDense, c.stage).deps.reference).toBeUndefined();
    expect([...noDense.stages.values()].filter((s) => s.kind === 'train')).toHaveLength(1);
  });

  it('keeps certify stage ids stable: the same spec gives the same ids, and a certify stage is shared by criteria at sparsity 0', () => {
    const a = expandGrid(spec(), eps);
    const b = expandGrid(spec(), eps);
    expect(a.points.map((p) => p.certifyStages)).toEqual(b.points.map((p) => p.certifyStages));
    const criteria = expandGrid(parseSpec(`
name: c
envs: [Hopper-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { criteria: [magnitude, random], sparsities: [0] }
`), eps);
    expect(criteria.points[0]!.certifyStages).toEqual(criteria.points[1]!.certifyStages);
  });
});
