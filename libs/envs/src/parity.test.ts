// Parity with the Gymnasium reference models (read from ../shared/reference/gymnasium-mujoco, not
// shipped): the project's MJCF must compile to the same physics, and 300 steps of each env from the
// noise-free initial state must give the same observations, rewards and terminations (to 1e-6) as the
// reference model driven by an independent transcription of Gymnasium's step(), below.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Rng } from '@rlprune/random';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnv } from './mujoco-env';
import { compileModel, loadMujoco, type MjModel, type MujocoModule } from './mujoco-module';
import { readModelXml } from './model-store';
import { getTask, listEnvSpecs } from './registry';

const repoRoot = resolve(__dirname, '..', '..', '..');
const referenceDir = resolve(repoRoot, '../shared/reference/gymnasium-mujoco');
const haveReference = existsSync(referenceDir);
if (!haveReference) console.warn(`parity tests skipped: reference models not found at ${referenceDir}`);

interface Reference {
  file: string;
  frameSkip: number;
  obs(qpos: Float64Array, qvel: Float64Array): number[];
  reward(qpos: Float64Array, qvel: Float64Array, action: number[], xVel: number): number;
  terminated(qpos: Float64Array, qvel: Float64Array): boolean;
}

// Gymnasium's MuJoCo envs, transcribed from their step() methods with default arguments.
const clip10 = (v: number) => Math.min(10, Math.max(-10, v));
const sq = (a: number[]) => a.reduce((s, x) => s + x * x, 0);
const hopperHealthy = (qpos: Float64Array, qvel: Float64Array) =>
  [...qpos.slice(2), ...qvel].every((x) => -100 < x && x < 100) && qpos[1] > 0.7 && -0.2 < qpos[2] && qpos[2] < 0.2;
const walkerHealthy = (qpos: Float64Array) => 0.8 < qpos[1] && qpos[1] < 2.0 && -1 < qpos[2] && qpos[2] < 1;
const planarClipped = (qpos: Float64Array, qvel: Float64Array) => [...qpos.slice(1), ...Array.from(qvel, clip10)];

const references: Record<string, Reference> = {
  'Hopper-v4': {
    file: 'hopper.xml',
    frameSkip: 4,
    obs: planarClipped,
    reward: (_q, _v, a, xVel) => xVel + 1 - 1e-3 * sq(a),
    terminated: (q, v) => !hopperHealthy(q, v),
  },
  'Hopper-v5': {
    file: 'hopper.xml',
    frameSkip: 4,
    obs: planarClipped,
    reward: (q, v, a, xVel) => xVel + (hopperHealthy(q, v) ? 1 : 0) - 1e-3 * sq(a),
    terminated: (q, v) => !hopperHealthy(q, v),
  },
  'Walker2d-v4': {
    file: 'walker2d.xml',
    frameSkip: 4,
    obs: planarClipped,
    reward: (_q, _v, a, xVel) => xVel + 1 - 1e-3 * sq(a),
    terminated: (q) => !walkerHealthy(q),
  },
  'Walker2d-v5': {
    file: 'walker2d_v5.xml',
    frameSkip: 4,
    obs: planarClipped,
    reward: (q, _v, a, xVel) => xVel + (walkerHealthy(q) ? 1 : 0) - 1e-3 * sq(a),
    terminated: (q) => !walkerHealthy(q),
  },
  'HalfCheetah-v4': {
    file: 'half_cheetah.xml',
    frameSkip: 5,
    obs: (q, v) => [...q.slice(1), ...v],
    reward: (_q, _v, a, xVel) => xVel - 0.1 * sq(a),
    terminated: () => false,
  },
  'InvertedPendulum-v4': {
    file: 'inverted_pendulum.xml',
    frameSkip: 2,
    obs: (q, v) => [...q, ...v],
    reward: () => 1,
    terminated: (q, v) => ![...q, ...v].every(Number.isFinite) || Math.abs(q[1]) > 0.2,
  },
};
references['HalfCheetah-v5'] = references['HalfCheetah-v4'];

/** A fixed, smooth-ish action sequence inside the action range, different per coordinate. */
function actionSequence(envId: string, steps: number): number[][] {
  const spec = listEnvSpecs().find((s) => s.id === envId)!;
  const rng = new Rng(`parity/${envId}`);
  return Array.from({ length: steps }, (_, t) =>
    spec.actionHigh.map((hi, i) => hi * (0.6 * Math.sin(0.05 * t * (i + 1) + i) + 0.4 * rng.range(-1, 1))),
  );
}

function runReference(mujoco: MujocoModule, envId: string, actions: number[][]) {
  const ref = references[envId];
  const model: MjModel = compileModel(mujoco, readFileSync(resolve(referenceDir, ref.file), 'utf8'), ref.file);
  const data = new mujoco.MjData(model);
  try {
    mujoco.mj_resetData(model, data);
    mujoco.mj_forward(model, data);
    const dt = model.opt.timestep * ref.frameSkip;
    const rows: { obs: number[]; reward: number; terminated: boolean }[] = [];
    for (const a of actions) {
      const ctrl = data.ctrl as Float64Array;
      a.forEach((x, i) => (ctrl[i] = x));
      const xBefore = (data.qpos as Float64Array)[0];
      for (let k = 0; k < ref.frameSkip; k++) mujoco.mj_step(model, data);
      const qpos = data.qpos as Float64Array;
      const qvel = data.qvel as Float64Array;
      const xVel = (qpos[0] - xBefore) / dt;
      rows.push({ obs: ref.obs(qpos, qvel), reward: ref.reward(qpos, qvel, a, xVel), terminated: ref.terminated(qpos, qvel) });
    }
    return rows;
  } finally {
    data.delete();
    model.delete();
  }
}

describe('parity with the Gymnasium reference models', () => {
  let mujoco: MujocoModule;
  beforeAll(async () => {
    mujoco = await loadMujoco();
  });

  for (const { id } of listEnvSpecs()) {
    it.skipIf(!haveReference)(`${id}: 300 noise-free steps match to 1e-6`, async () => {
      const actions = actionSequence(id, 300);
      const expected = runReference(mujoco, id, actions);
      const env = await createEnv(id, { resetNoise: false });
      try {
        env.reset();
        let maxObsDiff = 0;
        let maxRewardDiff = 0;
        let terminations = 0;
        actions.forEach((a, t) => {
          const got = env.step(a);
          got.obs.forEach((x, i) => (maxObsDiff = Math.max(maxObsDiff, Math.abs(x - expected[t].obs[i]))));
          maxRewardDiff = Math.max(maxRewardDiff, Math.abs(got.reward - expected[t].reward));
          expect(got.terminated, `terminated at step ${t + 1}`).toBe(expected[t].terminated);
          if (got.terminated) terminations++;
        });
        expect(maxObsDiff).toBeLessThanOrEqual(1e-6);
        expect(maxRewardDiff).toBeLessThanOrEqual(1e-6);
        // The trajectory must actually move: a frozen model would match a frozen reference.
        const moved = expected.some((row) => Math.abs(row.obs[0] - expected[0].obs[0]) > 1e-2);
        expect(moved).toBe(true);
        if (id.startsWith('HalfCheetah')) expect(terminations).toBe(0);
      } finally {
        env.close();
      }
    });
  }

  // Field-by-field comparison of the compiled physics, which pins down a wrong parameter directly.
  const physicsField = /^(body_|jnt_|dof_|geom_|actuator_|qpos0$|qpos_spring$)/;
  const nonPhysical = /rgba|matid|_user$|group|aabb|bvh|plugin/;
  for (const file of ['hopper.xml', 'walker2d.xml', 'walker2d_v5.xml', 'half_cheetah.xml', 'inverted_pendulum.xml']) {
    it.skipIf(!haveReference)(`${file}: compiled physics equals the reference's`, () => {
      const ownFile = file === 'walker2d.xml' ? 'walker2d_v4.xml' : file;
      const own = compileModel(mujoco, readModelXml(ownFile), ownFile);
      const ref = compileModel(mujoco, readFileSync(resolve(referenceDir, file), 'utf8'), file);
      try {
        const mismatches: string[] = [];
        const fields = Object.getOwnPropertyNames(Object.getPrototypeOf(own)).filter(
          (n) => physicsField.test(n) && !nonPhysical.test(n),
        );
        expect(fields.length).toBeGreaterThan(60);
        const asRecord = (m: MjModel) => m as unknown as Record<string, ArrayLike<number>>;
        for (const name of fields) {
          const a = Array.from(asRecord(own)[name]);
          const b = Array.from(asRecord(ref)[name]);
          if (a.length !== b.length || a.some((x, i) => !Object.is(x, b[i]))) mismatches.push(name);
        }
        for (const n of ['nq', 'nv', 'nu', 'nbody', 'njnt', 'ngeom'] as const) if (own[n] !== ref[n]) mismatches.push(n);
        for (const n of ['timestep', 'integrator', 'cone', 'solver', 'iterations', 'tolerance', 'impratio'] as const) {
          if (own.opt[n] !== ref.opt[n]) mismatches.push(`opt.${n}`);
        }
        if (Array.from(own.opt.gravity as ArrayLike<number>).join() !== Array.from(ref.opt.gravity as ArrayLike<number>).join()) {
          mismatches.push('opt.gravity');
        }
        expect(mismatches).toEqual([]);
      } finally {
        own.delete();
        ref.delete();
      }
    });
  }

  it('each task names a model file that exists', () => {
    for (const { id } of listEnvSpecs()) expect(readModelXml(getTask(id).modelFile)).toContain('<mujoco');
  });
});
