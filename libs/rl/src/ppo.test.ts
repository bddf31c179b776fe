import { describe, expect, it } from 'vitest';
import { decodePolicy, sparsity } from '@rlprune/nn';
import { surrogateLipschitz } from '@rlprune/certify';
import { PruningScheduler } from '@rlprune/pruning';
import { resolvePpoConfig, type PpoConfig } from './config';
import { InvalidArgumentError } from '@rlprune/errors';
import { AbortError, TrainingDivergedError } from './errors';
import { createLocalVecEnv } from './local-vec-env';
import { train, type IterationProgress } from './ppo';
import type { UpdateDiagnostics } from './update-stats';
import { PointEnv } from './testing/point-env';

// Small and fast: tiny nets, short rollouts. The point env is unknown to libs/envs, so epsilon is given.
const point: PpoConfig = {
  envId: 'Point-v0', seed: 3, numEnvs: 2, numSteps: 32, numMinibatches: 4, updateEpochs: 2, totalTimesteps: 64 * 6, hidden: [8],
};

describe('train (PPO)', () => {
  it('is deterministic for a seed, and reports every iteration', async () => {
    const progress: IterationProgress[] = [];
    const a = await train(point, new PointEnv({ numEnvs: 2, seed: 1 }), { onIteration: (p) => void progress.push(p) });
    const b = await train(point, new PointEnv({ numEnvs: 2, seed: 1 }));
    const c = await train({ ...point, seed: 4 }, new PointEnv({ numEnvs: 2, seed: 1 }));
    expect(a.policy.equals(b.policy)).toBe(true);
    expect(a.policy.equals(c.policy)).toBe(false);
    expect(progress.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.map((p) => p.envSteps)).toEqual([64, 128, 192, 256, 320, 384]);
    const last = progress[5]!;
    expect(last.meanReturn).toBe(a.meanReturn);
    expect(Number.isFinite(last.meanReturn)).toBe(true);
    expect(last.learningRate).toBeCloseTo(3e-4 / 6, 12); // annealed linearly: iteration 6 of 6
    expect(progress[0]!.learningRate).toBe(3e-4);
    const artifact = decodePolicy(a.policy);
    expect(artifact.metadata).toMatchObject({ env: 'Point-v0', seed: 3, trainingStep: 384, sparsity: 0, labels: { method: 'ppo' } });
    expect(last.lipschitzBound).toBe(surrogateLipschitz(artifact.model.actor));
    // The normaliser is frozen into the artifact: it has seen the reset batch and every step's batch.
    expect(artifact.normalizer.count).toBeCloseTo(1e-4 + 2 * (1 + 6 * 32), 6);
  });

  it('prunes the actor during training on the cubic schedule and reports sparsity and the Lipschitz bound', async () => {
    const progress: IterationProgress[] = [];
    const config: PpoConfig = {
      ...point, totalTimesteps: 64 * 8,
      pruning: { criterion: 'magnitude', finalSparsity: 0.8, startFraction: 0.25, endFraction: 0.75, interval: 2 },
    };
    const result = await train(config, new PointEnv({ numEnvs: 2, seed: 1 }), { onIteration: (p) => void progress.push(p) });
    const s = progress.map((p) => p.sparsity);
    expect(s[0]).toBe(0); // burn-in: the first quarter of the 64 gradient steps is dense
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]!);
    expect(s[7]).toBeCloseTo(0.8, 1);
    const actor = decodePolicy(result.policy).model.actor;
    expect(sparsity(actor)).toBe(s[7]);
    for (const layer of actor.layers) layer.mask.forEach((m, k) => m === 0 && expect(layer.w[k]).toBe(0));
    expect(progress[7]!.lipschitzBound).toBe(surrogateLipschitz(actor));
    // Pruning never raises the surrogate bound at a mask update; the final bound is below a dense run's.
    const dense = await train({ ...config, pruning: null }, new PointEnv({ numEnvs: 2, seed: 1 }));
    expect(result.lipschitzBound).toBeLessThan(dense.lipschitzBound);
  });

  it('reads the surrogate bound right before and after every mask update: never raised, one record per update', async () => {
    const config: PpoConfig = {
      ...point, totalTimesteps: 64 * 8, hidden: [8, 8],
      // 0.8: global pruning's layer floor (libs/pruning layer-floor.ts) caps this 8-8 actor at 0.807
      pruning: { criterion: 'magnitude', finalSparsity: 0.8, scope: 'global', startFraction: 0.2, endFraction: 0.8, interval: 1 },
    };
    const progress: IterationProgress[] = [];
    await train(config, new PointEnv({ numEnvs: 2, seed: 1 }), { onIteration: (p) => void progress.push(p) });
    const updates = progress.flatMap((p) => p.maskUpdates);
    // The scheduler's own count of update steps over the run's 8 x 2 x 4 = 64 gradient steps.
    const scheduler = new PruningScheduler(resolvePpoConfig(config).pruning!, 64);
    const due = Array.from({ length: 64 }, (_, k) => k + 1).filter((step) => scheduler.shouldUpdate(step));
    expect(updates.map((u) => u.gradientStep)).toEqual(due);
    for (const u of updates) {
      expect(u.after).toBeLessThanOrEqual(u.before);
      expect(u.envSteps).toBe(64 * Math.ceil(u.gradientStep / 8)); // 8 gradient steps per 64-step iteration
      expect(u.sparsity).toBeCloseTo(scheduler.targetAt(u.gradientStep), 1);
    }
    // An update that prunes more weights lowers the bound here (small nets: many updates prune none).
    expect(updates.some((u) => u.after < u.before)).toBe(true);
    // Each iteration reports the updates made in it, and the last one's after is the sparsity it ends with.
    progress.forEach((p) => p.maskUpdates.forEach((u) => expect(Math.ceil(u.gradientStep / 8)).toBe(p.iteration)));
    expect(updates.at(-1)!.sparsity).toBe(progress.at(-1)!.sparsity);
  });

  it("trains an SA run with SA-PPO's optimiser: a value Adam at 2.5e-4 annealed alike, no clip", async () => {
    const progress: IterationProgress[] = [];
    const diagnostics: UpdateDiagnostics[] = [];
    await train({ ...point, sa: { kappa: 0.3, epsilon: 0.1 } }, new PointEnv({ numEnvs: 2, seed: 1 }), {
      onIteration: (p) => void progress.push(p),
      onDiagnostics: (d) => void diagnostics.push(d),
    });
    expect(progress[0]!.valueLearningRate).toBe(2.5e-4);
    expect(progress[0]!.learningRate).toBe(3e-4);
    expect(progress[5]!.valueLearningRate).toBeCloseTo(2.5e-4 / 6, 12);
    expect(diagnostics).toHaveLength(progress.length);
    for (const d of diagnostics) expect(d.clipScale).toBe(1);
  });

  it('resumes from a checkpoint to a bit-identical policy (Hopper, SA-PPO SGLD, saliency pruning, truncations)', async () => {
    const config: PpoConfig = {
      envId: 'Hopper-v4', seed: 7, numEnvs: 2, numSteps: 48, numMinibatches: 4, updateEpochs: 2, totalTimesteps: 96 * 6,
      hidden: [16, 16], checkpointEvery: 3, sa: { kappa: 0.3, epsilon: 0.075 },
      pruning: { criterion: 'saliency', finalSparsity: 0.5, startFraction: 0.1, endFraction: 0.9, interval: 3, pruneBiases: true },
    };
    const envOptions = { numEnvs: 2, seed: 7, maxEpisodeSteps: 30 };
    const fullEnv = await createLocalVecEnv('Hopper-v4', envOptions);
    const full = await train(config, fullEnv);
    fullEnv.close();

    // Train 3 iterations, take the checkpoint, stop; then resume in fresh envs (as a new process would).
    const controller = new AbortController();
    let checkpoint: Buffer | null = null;
    const firstEnv = await createLocalVecEnv('Hopper-v4', envOptions);
    await expect(train(config, firstEnv, {
      signal: controller.signal,
      onCheckpoint: (bytes, iteration) => {
        if (iteration === 3) {
          checkpoint = bytes;
          controller.abort();
        }
      },
    })).rejects.toThrow(AbortError);
    firstEnv.close();
    expect(checkpoint).not.toBeNull();

    const resumedEnv = await createLocalVecEnv('Hopper-v4', envOptions);
    const progress: IterationProgress[] = [];
    const resumed = await train(config, resumedEnv, { resumeFrom: checkpoint!, onIteration: (p) => void progress.push(p) });
    resumedEnv.close();
    expect(progress.map((p) => p.iteration)).toEqual([4, 5, 6]);
    expect(resumed.policy.equals(full.policy)).toBe(true);
    expect(resumed.meanReturn).toBe(full.meanReturn);
    expect(full.sparsity).toBeGreaterThan(0);
  });

  it('stops on a NaN loss with an error naming the iteration and keeps the last good checkpoint', async () => {
    const checkpoints: number[] = [];
    // 2 envs x 32 steps per iteration: env step 150 falls in iteration 5.
    const env = new PointEnv({ numEnvs: 2, seed: 1, nanFromStep: 150 });
    const err = await train({ ...point, checkpointEvery: 2 }, env, { onCheckpoint: (_, it) => void checkpoints.push(it) }).catch((e) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    expect(err.name).toBe('FailedPreconditionError');
    expect(err.iteration).toBe(5);
    expect(err.message).toMatch(/^iteration 5: the loss is NaN.*last good checkpoint \(iteration 4\) is kept/);
    expect(checkpoints).toEqual([2, 4]);
    expect(err.lastCheckpointIteration).toBe(4);
    // The kept checkpoint resumes (here on envs that behave) and finishes the run.
    const resumed = await train({ ...point, checkpointEvery: 2 }, new PointEnv({ numEnvs: 2, seed: 1 }), { resumeFrom: err.lastCheckpoint });
    expect(resumed.iterations).toBe(6);
  });

  it('rejects a checkpoint of another run and an env of another size', async () => {
    let checkpoint: Buffer | null = null;
    await train({ ...point, checkpointEvery: 6 }, new PointEnv({ numEnvs: 2, seed: 1 }), { onCheckpoint: (b) => void (checkpoint = b) });
    const err = await train({ ...point, learningRate: 1e-3 }, new PointEnv({ numEnvs: 2, seed: 1 }), { resumeFrom: checkpoint! }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.field).toBe('resumeFrom');
    expect(err.message).toContain('learningRate');
    const sizeErr = await train(point, new PointEnv({ numEnvs: 3, seed: 1 })).catch((e) => e);
    expect(sizeErr).toBeInstanceOf(InvalidArgumentError);
    expect(sizeErr.field).toBe('numEnvs');
    const notCheckpoint = await train(point, new PointEnv({ numEnvs: 2, seed: 1 }), { resumeFrom: Buffer.from('nope') }).catch((e) => e);
    expect(notCheckpoint.field).toBe('resumeFrom');
  });

  it('stops within one iteration when aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const err = await train(point, new PointEnv({ numEnvs: 2, seed: 1 }), {
      signal: controller.signal,
      onIteration: (p) => {
        seen.push(p.iteration);
        if (p.iteration === 2) controller.abort();
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err.iteration).toBe(2);
    expect(seen).toEqual([1, 2]);
  });

  it('ramps the SA epsilon linearly over the first 75% of iterations and reports R', async () => {
    const progress: IterationProgress[] = [];
    await train({ ...point, totalTimesteps: 64 * 8, sa: { kappa: 0.5, epsilon: 0.2 } }, new PointEnv({ numEnvs: 2, seed: 1 }), {
      onIteration: (p) => void progress.push(p),
    });
    const expected = [0, 1, 2, 3, 4, 5, 6, 6].map((k) => (0.2 * k) / 6);
    progress.forEach((p, i) => expect(p.saEpsilon).toBeCloseTo(expected[i]!, 12));
    expect(progress[0]!.saLoss).toBe(0);
    for (const p of progress.slice(1)) expect(p.saLoss).toBeGreaterThan(0);
  });

  it('reports the gradient norms with and without the SA term, the clip factor and the log-std through onDiagnostics, without changing the run', async () => {
    const plain: UpdateDiagnostics[] = [];
    const plainResult = await train({ ...point, maxGradNorm: 0.05 }, new PointEnv({ numEnvs: 2, seed: 1 }), { onDiagnostics: (d) => void plain.push(d) });
    const quietResult = await train({ ...point, maxGradNorm: 0.05 }, new PointEnv({ numEnvs: 2, seed: 1 }));
    expect(plainResult.policy.equals(quietResult.policy)).toBe(true); // diagnostics only read
    for (const p of plain) {
      expect(p.ppoGradNorm).toBe(p.gradNorm); // no SA term: the two norms are one
      expect(p.saGradNorm).toBe(0);
      expect(p.logStdGradSa).toEqual(p.logStd.map(() => 0));
      // A tight clip: every step is scaled down, so the mean factor is in (0, 1).
      expect(p.clipScale).toBeGreaterThan(0);
      expect(p.clipScale).toBeLessThan(1);
    }
    expect(plain.at(-1)!.logStd).toEqual(Array.from(decodePolicy(plainResult.policy).model.logStd));
    // With a clip that never binds, what Adam is fed is the raw gradient.
    const unclipped: UpdateDiagnostics[] = [];
    await train({ ...point, maxGradNorm: 1e9 }, new PointEnv({ numEnvs: 2, seed: 1 }), { onDiagnostics: (d) => void unclipped.push(d) });
    for (const p of unclipped) {
      expect(p.clipScale).toBe(1);
      expect(p.logStdGradPpoClipped).toEqual(p.logStdGradPpo);
    }

    const sa: UpdateDiagnostics[] = [];
    const saResult = await train({ ...point, sa: { kappa: 50, epsilon: 0.5 } }, new PointEnv({ numEnvs: 2, seed: 1 }), { onDiagnostics: (d) => void sa.push(d) });
    const saQuiet = await train({ ...point, sa: { kappa: 50, epsilon: 0.5 } }, new PointEnv({ numEnvs: 2, seed: 1 }));
    expect(saResult.policy.equals(saQuiet.policy)).toBe(true);
    expect(sa[0]!.gradNorm).toBe(sa[0]!.ppoGradNorm); // epsilon ramps from 0: no SA gradient yet
    expect(sa[0]!.saGradNorm).toBe(0);
    // Once the ball is not a point, the SA gradient is there and changes the total norm, within the
    // triangle inequality.
    for (const p of sa.slice(1)) {
      expect(p.saGradNorm).toBeGreaterThan(0);
      expect(Math.abs(p.gradNorm - p.ppoGradNorm)).toBeGreaterThan(1e-6);
      expect(p.gradNorm).toBeLessThanOrEqual(p.ppoGradNorm + p.saGradNorm + 1e-5);
      // dR/dlogStd_j = -2 R_j < 0: the SA term always pushes every log-std up.
      for (const g of p.logStdGradSa) expect(g).toBeLessThan(0);
      // After the clip (factors in (0, 1]) the push keeps its sign and is no larger.
      p.logStdGradSaClipped.forEach((g, j) => {
        expect(g).toBeLessThan(0);
        expect(g).toBeGreaterThanOrEqual(p.logStdGradSa[j]! - 1e-12);
      });
    }
  });
});
