// Policies leaving and entering rlprune through the CLI, as a user runs it: `policy export --format
// onnx` checked by onnxruntime (onnxruntime-web: Microsoft's runtime, its CPU provider in WebAssembly),
// `--format json` -> `policy import` giving back the same policy, and the README's PyTorch example run
// against a CleanRL agent, its output imported, then pruned, attacked and certified.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import {
  createActorCritic, createKernelEngine, createObsNormalizer, decodePolicy, encodePolicy, normalizeObs, updateObsNormalizer, type PolicyArtifact,
} from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { REPO_ROOT } from './helpers/process';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/rlprune.js');
const PYTHON = '/usr/bin/python3';
const OBS = 11; // Hopper-v4
const ACT = 3;

async function rlprune(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function ok(...args: string[]): Promise<string> {
  const r = await rlprune(...args);
  if (r.code !== 0) throw new Error(`rlprune ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-policy-export-'));

/** A Hopper-shaped policy whose action means vary (output gain 1) behind a non-trivial normaliser. */
function policyFile(dir: string, hidden: number[], activation: 'tanh' | 'relu'): string {
  const rng = new Rng(11);
  const normalizer = createObsNormalizer(OBS);
  updateObsNormalizer(normalizer, Float64Array.from({ length: 300 * OBS }, (_, k) => rng.normal() * (0.5 + (k % OBS)) + (k % OBS) / 2), 300);
  const artifact: PolicyArtifact = {
    metadata: { env: 'Hopper-v4', seed: 3, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer,
    model: createActorCritic({ obsDim: OBS, actDim: ACT, hidden, activation, actorOutputGain: 1, logStdInit: -0.5 }, 3),
  };
  const file = path.join(dir, `dense-${hidden.join('-')}-${activation}.rlp`);
  fs.writeFileSync(file, encodePolicy(artifact));
  return file;
}

function observations(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n * OBS }, (_, k) => rng.normal() * 3 * (0.5 + (k % OBS)) + (k % OBS) / 2);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** rlprune's action means for raw observations. */
function actionMeans(policy: PolicyArtifact, obs: Float32Array): Float32Array {
  const n = obs.length / OBS;
  return createKernelEngine().predict(policy.model.actor, normalizeObs(policy.normalizer, obs, n), n);
}

const hasTorch = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

/** The python block the README marks as tested, exactly as written there. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- test/policy-export.e2e.test.ts runs this block');
  expect(marker).toBeGreaterThan(0);
  const block = /```python\n([\s\S]*?)```/.exec(readme.slice(marker));
  expect(block).not.toBeNull();
  return block![1]!;
}

// CleanRL's ppo_continuous_action.py Agent (layer_init: orthogonal weights, zero biases), a
// NormalizeObservation-like `rms` with trained-looking statistics, then the README block, then the
// agent's own action means on fixed raw observations, normalised and clipped as CleanRL's wrappers do.
const CLEANRL_HARNESS = (example: string) => `
import json, numpy as np, torch, torch.nn as nn
torch.manual_seed(0)
rng = np.random.default_rng(0)
def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer
class Agent(nn.Module):
    def __init__(self, obs_dim, act_dim):
        super().__init__()
        self.critic = nn.Sequential(layer_init(nn.Linear(obs_dim, 64)), nn.Tanh(), layer_init(nn.Linear(64, 64)), nn.Tanh(), layer_init(nn.Linear(64, 1), std=1.0))
        self.actor_mean = nn.Sequential(layer_init(nn.Linear(obs_dim, 64)), nn.Tanh(), layer_init(nn.Linear(64, 64)), nn.Tanh(), layer_init(nn.Linear(64, act_dim), std=1.0))
        self.actor_logstd = nn.Parameter(torch.full((1, act_dim), -0.7))
agent = Agent(${OBS}, ${ACT})
with torch.no_grad():
    for m in agent.actor_mean:
        if isinstance(m, nn.Linear): m.bias.normal_(0, 0.1)
class RunningMeanStd:
    mean = rng.normal(0, 2, ${OBS})
    var = rng.uniform(0.05, 9, ${OBS})
    count = 123456.0
rms = RunningMeanStd()
${example}
obs = rng.normal(0, 6, (1000, ${OBS})).astype(np.float32)
norm = np.clip((obs.astype(np.float64) - rms.mean) / np.sqrt(rms.var + 1e-8), -10, 10)
with torch.no_grad():
    mean = agent.actor_mean(torch.tensor(norm, dtype=torch.float32)).numpy()
json.dump({"obs": obs.flatten().tolist(), "mean": mean.flatten().tolist()}, open("reference.json", "w"))
`;

describe('rlprune policy export / import', () => {
  it.each([
    [[64, 64], 'tanh'],
    [[256, 256], 'relu'],
  ] as Array<[number[], 'tanh' | 'relu']>)(
    'export --format onnx of a pruned %j %s policy: onnxruntime gives the same action means to 1e-5 on 1,000 observations',
    async (hidden, activation) => {
      const dir = tmp();
      const dense = policyFile(dir, hidden, activation);
      const pruned = path.join(dir, 'pruned.rlp');
      await ok('prune', '--policy', dense, '--criterion', 'magnitude', '--sparsity', '0.6', '--out', pruned);
      const onnx = path.join(dir, 'pruned.onnx');
      expect(await ok('policy', 'export', pruned, '--format', 'onnx', '--out', onnx)).toContain(`wrote ${onnx} (onnx,`);

      const policy = decodePolicy(fs.readFileSync(pruned));
      expect(policy.metadata.sparsity).toBeCloseTo(0.6, 2);
      const obs = observations(1000, 5);
      const expected = actionMeans(policy, obs);
      const session = await ort.InferenceSession.create(fs.readFileSync(onnx));
      const out = await session.run({ obs: new ort.Tensor('float32', obs, [1000, OBS]) });
      expect(maxAbsDiff(out.action_mean!.data as Float32Array, expected)).toBeLessThan(1e-5);
      expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(0.1);
      expect(Array.from(out.log_std!.data as Float32Array)).toEqual(Array.from(policy.model.logStd));
      // The pruned weights left: the same policy through the dense file's ONNX acts differently.
      const denseOnnx = path.join(dir, 'dense.onnx');
      await ok('policy', 'export', dense, '--format', 'onnx', '--out', denseOnnx);
      const denseOut = await (await ort.InferenceSession.create(fs.readFileSync(denseOnnx))).run({ obs: new ort.Tensor('float32', obs, [1000, OBS]) });
      expect(maxAbsDiff(denseOut.action_mean!.data as Float32Array, expected)).toBeGreaterThan(1e-2);
    },
  );

  it('export --format json then import gives back the same file, which prunes and certifies the same', async () => {
    const dir = tmp();
    const source = path.join(dir, 'source.rlp');
    await ok('prune', '--policy', policyFile(dir, [64, 64], 'tanh'), '--criterion', 'magnitude', '--sparsity', '0.5', '--out', source);
    const json = path.join(dir, 'policy.json');
    await ok('policy', 'export', source, '--format', 'json', '--out', json);
    expect(fs.readFileSync(json, 'utf8')).toBe((await ok('policy', 'inspect', source, '--json')).trimEnd());
    const imported = path.join(dir, 'imported.rlp');
    expect(await ok('policy', 'import', json, '--out', imported)).toContain('actor: 11->64, 64->64, 64->3 (tanh)');
    expect(fs.readFileSync(imported).equals(fs.readFileSync(source))).toBe(true);

    const certify = (p: string) => ok('certify', '--policy', p, '--eps', '0.075', '--method', 'ibp,crown', '--json');
    expect(await certify(imported)).toBe(await certify(source));
    const prune = async (p: string, out: string) => {
      await ok('prune', '--policy', p, '--criterion', 'magnitude', '--sparsity', '0.8', '--out', out);
      return fs.readFileSync(out);
    };
    expect((await prune(imported, path.join(dir, 'a.rlp'))).equals(await prune(source, path.join(dir, 'b.rlp')))).toBe(true);
  });

  it('import refuses a bad policy JSON naming the field, and an actor that does not fit its env; --help lists every flag', async () => {
    const dir = tmp();
    const json = path.join(dir, 'policy.json');
    const good = JSON.parse(await ok('policy', 'inspect', policyFile(dir, [64, 64], 'tanh'), '--json')) as {
      actor: { layers: Array<{ w: number[][]; outDim: number }> }; metadata: { env: string };
    };
    const bad = structuredClone(good);
    bad.actor.layers[1]!.w.pop();
    fs.writeFileSync(json, JSON.stringify(bad));
    const r = await rlprune('policy', 'import', json, '--out', path.join(dir, 'x.rlp'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `rlprune: ${json}: actor.layers[1].w: expected 64x64 numbers ([outDim][inDim], as PyTorch nn.Linear.weight), got 63x64`,
    );
    const otherEnv = structuredClone(good);
    otherEnv.metadata.env = 'HalfCheetah-v4';
    fs.writeFileSync(json, JSON.stringify(otherEnv));
    const r2 = await rlprune('policy', 'import', json, '--out', path.join(dir, 'x.rlp'));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("actor.layers[0] inputs: expected 17 (HalfCheetah-v4's observation width), got 11");
    expect(fs.existsSync(path.join(dir, 'x.rlp'))).toBe(false);

    const f = await rlprune('policy', 'export', json, '--format', 'pdf', '--out', 'x');
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--format: expected one of onnx, json, got "pdf"');

    const help = await rlprune('policy', '--help');
    expect(help.code).toBe(0);
    for (const flag of ['--json', '--format FORMAT', 'e.g. --format onnx', '--out FILE', 'rlprune policy import FILE.json']) expect(help.stdout).toContain(flag);
  });

  it.skipIf(!hasTorch)(
    "the README's PyTorch example: a CleanRL agent imported acts as in PyTorch, then is pruned, certified and attacked",
    async () => {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, 'export.py'), CLEANRL_HARNESS(readmeExample()));
      execFileSync(PYTHON, ['export.py'], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
      const policyFileRlp = path.join(dir, 'policy.rlp');
      await ok('policy', 'import', path.join(dir, 'policy.json'), '--out', policyFileRlp);
      const policy = decodePolicy(fs.readFileSync(policyFileRlp));
      expect(policy.metadata.labels).toEqual({ source: 'cleanrl' });
      expect(Array.from(policy.model.logStd)).toEqual([-0.7, -0.7, -0.7].map(Math.fround));

      const reference = JSON.parse(fs.readFileSync(path.join(dir, 'reference.json'), 'utf8')) as { obs: number[]; mean: number[] };
      const means = actionMeans(policy, Float32Array.from(reference.obs));
      expect(maxAbsDiff(means, reference.mean)).toBeLessThan(1e-5);
      expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.1);

      const pruned = path.join(dir, 'pruned.rlp');
      await ok('prune', '--policy', policyFileRlp, '--criterion', 'magnitude', '--sparsity', '0.5', '--out', pruned);
      const cert = JSON.parse(await ok('certify', '--policy', pruned, '--eps', '0.075', '--method', 'crown', '--json')) as {
        constant: boolean; global: { surrogateLipschitz: number };
      };
      expect(cert.constant).toBe(false);
      expect(cert.global.surrogateLipschitz).toBeGreaterThan(0);
      const evaluated = JSON.parse(
        await ok('evaluate', '--policy', pruned, '--env', 'Hopper-v4', '--episodes', '1', '--seed', '0', '--attack', 'mad', '--eps', '0.075', '--deterministic', '--json'),
      ) as { episodes: Array<{ length: number; episodeReturn: number }> };
      expect(evaluated.episodes).toHaveLength(1);
      expect(evaluated.episodes[0]!.length).toBeGreaterThan(0);
    },
    300_000,
  );
});
