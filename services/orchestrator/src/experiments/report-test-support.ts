// For tests of reports: an experiment in a real ledger whose stages are finished with results
// shaped as the executors record them (every field stage-results.ts decodes) (closed-form numbers, no services), point by point, so a
// test can stop anywhere between "nothing finished" and "everything finished".
import type { Ledger } from '../ledger/ledger';
import type { ProcessFacts } from './report-provenance';
import { expandGrid, type GridPoint } from '../pipeline/grid';
import { parseSpec } from '../spec/experiment-spec';

export const REPORT_TEST_SPEC = `
name: report-test
envs: [InvertedPendulum-v4]
seeds: [1, 2]
train: { total_timesteps: 2048 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
attacks: [{ name: random }]
`;

function evalResult(meanReturn: number): Record<string, unknown> {
  return { episodes: 2, meanReturn, stdReturn: 5, medianReturn: meanReturn, minReturn: meanReturn - 5, maxReturn: meanReturn + 5, meanLength: 1000, returns: [meanReturn - 5, meanReturn + 5], lengths: [1000, 1000], states: null };
}

function certifyResult(epsilon: number, sparsity: number): Record<string, unknown> {
  return {
    epsilon,
    constant: false,
    global: { lipschitzSurrogate: 40 * (1 - sparsity), spectralProduct: 15 * (1 - sparsity), tv: 0.8 * (1 - sparsity) },
    perState: [{ method: 'crown', meanTv: 0.3 * (1 - sparsity), medianTv: 0.3, maxTv: 0.5, certifiedFraction: sparsity, meanWidth: 0.1, meanCertifiedRadius: 0.02 }],
    layers: [],
  };
}

/**
 * Creates the experiment; `finishPoints` records every stage of the given points (their training
 * and pruning too; seed 2's training as a cache hit). Returns scale x the returns of scale 1.
 * `facts` are the submitting orchestrator's (none: an experiment recorded before they were kept).
 */
export function reportTestExperiment(ledger: Ledger, scale = 1, specYaml = REPORT_TEST_SPEC, facts?: ProcessFacts) {
  const spec = parseSpec(specYaml);
  const id = ledger.createExperiment(spec.name, specYaml, spec, expandGrid(spec, () => 0.05), facts);
  const points = ledger.gridPoints(id).map((p) => p.point as GridPoint);
  const finish = (stage: string, result: Record<string, unknown>, cached = false) => ledger.finishStage(id, stage, result, cached);
  const finishPoints = (which: readonly GridPoint[]) => {
    for (const p of which) {
      const clean = scale * (1000 - 200 * p.sparsity + p.seed);
      for (const s of ledger.stages(id).filter((st) => st.kind === 'train' || st.kind === 'prune')) {
        const mine = s.params.seed === p.seed && (s.kind === 'train' || s.params.sparsity === p.sparsity);
        if (mine && s.state !== 'succeeded') {
          const curve = [
            { envSteps: 500, meanReturn: clean / 2, sparsity: 0, lipschitzBound: 40 },
            { envSteps: 1000, meanReturn: clean, sparsity: p.sparsity, lipschitzBound: 30 },
          ];
          // the fields stage-results.ts requires of each kind's stored result
          const result =
            s.kind === 'train'
              ? { policy: `${s.id}-policy`, final_mean_return: clean, curve }
              : { policy: `${s.id}-policy`, lipschitz_before: 40, lipschitz_after: 40 * (1 - p.sparsity), sparsity: p.sparsity };
          finish(s.id, result, s.kind === 'train' && p.seed === 2);
        }
      }
      finish(p.cleanStage, evalResult(clean));
      for (const a of p.attackStages) finish(a.stage, evalResult(clean * (0.5 + 0.3 * p.sparsity)));
      for (const c of p.certifyStages) finish(c.stage, certifyResult(c.epsilon, p.sparsity));
    }
  };
  // a spec with evaluation.sampled_clean: its sampled-action evaluations, apart, so a test can finish them last
  const finishSampled = (which: readonly GridPoint[]) => {
    for (const p of which) if (p.sampledCleanStage) finish(p.sampledCleanStage, evalResult(scale * (1100 - 300 * p.sparsity + p.seed)));
  };
  return { id, points, finishPoints, finishSampled };
}
