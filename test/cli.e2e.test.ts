// The rlprune CLI as a user runs it: policy inspect, env list and env rollout, and clear errors.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodePolicy } from '@rlprune/nn';
import { randomPolicyBytes } from './helpers/policy';
import { REPO_ROOT } from './helpers/process';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/rlprune.js');

async function rlprune(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('rlprune CLI', () => {
  it('policy inspect --json prints weights, masks, normaliser and log-std exactly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-'));
    const file = path.join(dir, 'p.rlp');
    const bytes = randomPolicyBytes('Hopper-v4', 11, 3, 4, [8, 8]);
    fs.writeFileSync(file, bytes);
    const { code, stdout } = await rlprune('policy', 'inspect', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const text = JSON.stringify(json);
    const policy = decodePolicy(bytes);
    for (const key of ['normalizer', 'logStd', 'mask']) expect(text).toContain(key);
    expect(text).toContain(String(policy.model.actor.layers[0]!.w[0]));
    // a damaged file is a clear error, exit 2
    const broken = Buffer.from(bytes);
    broken[broken.length - 40]! ^= 0xff;
    fs.writeFileSync(file, broken);
    const bad = await rlprune('policy', 'inspect', file, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rlprune: .*checksum/m);
  });

  it('env rollout prints one JSON line per step, with zero actions by default', async () => {
    const { code, stdout } = await rlprune('env', 'rollout', '--env', 'InvertedPendulum-v4', '--seed', '1', '--no-reset-noise', '--steps', '5');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { step: number; obs: number[]; reward: number });
    expect(lines.at(-1)!.step).toBe(5);
    expect(lines[0]!.obs).toEqual([0, 0, 0, 0]); // the noise-free initial state
    expect(lines.slice(1).every((l) => l.reward === 1)).toBe(true);
  });

  it('an unknown env id exits 2 and lists the known ids', async () => {
    const { code, stderr } = await rlprune('env', 'rollout', '--env', 'Hoper-v4', '--seed', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('Hopper-v4');
  });

  it('prune writes a sparser policy and prints per-layer sparsity and bounds; certify prints bounds per state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-'));
    const dense = path.join(dir, 'dense.rlp');
    const pruned = path.join(dir, 'pruned.rlp');
    fs.writeFileSync(dense, randomPolicyBytes('Hopper-v4', 11, 3, 6, [32, 32]));
    const p = await rlprune('prune', '--policy', dense, '--criterion', 'magnitude', '--sparsity', '0.6', '--out', pruned);
    expect(p.code).toBe(0);
    const out = JSON.parse(p.stdout) as { sparsity: number; lipschitzBefore: number; lipschitzAfter: number; layers: { layer: string }[] };
    expect(out.sparsity).toBeCloseTo(0.6, 2);
    expect(out.lipschitzAfter).toBeLessThanOrEqual(out.lipschitzBefore);
    expect(decodePolicy(fs.readFileSync(pruned)).metadata.sparsity).toBeCloseTo(0.6, 2);
    const states = path.join(dir, 'states.json');
    fs.writeFileSync(states, JSON.stringify([Array(11).fill(0.1), Array(11).fill(-0.2)]));
    const c = await rlprune('certify', '--policy', pruned, '--eps', '0.05', '--method', 'lipschitz,ibp,crown', '--states', states, '--json');
    expect(c.code).toBe(0);
    const cert = JSON.parse(c.stdout) as { global: { surrogateLipschitz: number }; perState: { method: string; states: { lower: number[]; upper: number[]; mean: number[] }[] }[] };
    expect(cert.global.surrogateLipschitz).toBeCloseTo(out.lipschitzAfter, 8);
    const crown = cert.perState.find((m) => m.method === 'crown')!;
    expect(crown.states).toHaveLength(2);
    for (const st of crown.states) for (let j = 0; j < 3; j++) expect(st.lower[j]!).toBeLessThanOrEqual(st.upper[j]!);
    const bad = await rlprune('certify', '--policy', pruned, '--eps=-1', '--method', 'ibp', '--states', states);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--eps: expected a non-negative number, got "-1"');
  });

  it('a piped --json is complete: policy inspect of a 256-256 policy prints as many bytes as it writes to a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-'));
    const file = path.join(dir, 'big.rlp');
    fs.writeFileSync(file, randomPolicyBytes('Hopper-v4', 11, 3, 9, [256, 256]));
    const piped = await rlprune('policy', 'inspect', file, '--json');
    expect(piped.code).toBe(0);
    const outFile = path.join(dir, 'big.json');
    await run('sh', ['-c', `"${process.execPath}" "${CLI}" policy inspect "${file}" --json > "${outFile}"`]);
    const written = fs.statSync(outFile).size;
    expect(written).toBeGreaterThan(1024 * 1024); // far past the 64 KiB a pipe used to be cut at
    expect(Buffer.byteLength(piped.stdout)).toBe(written);
    expect(() => JSON.parse(piped.stdout)).not.toThrow();
  });

  it('prune --criterion saliency takes gradients from states rolled out in --env or read from --states', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-'));
    const dense = path.join(dir, 'dense.rlp');
    fs.writeFileSync(dense, randomPolicyBytes('Hopper-v4', 11, 3, 10, [32, 32]));
    const fromEnv = path.join(dir, 'env.rlp');
    const e = await rlprune('prune', '--policy', dense, '--criterion', 'saliency', '--sparsity', '0.5', '--env', 'Hopper-v4', '--state-count', '64', '--out', fromEnv);
    expect(e.code).toBe(0);
    expect((JSON.parse(e.stdout) as { sparsity: number }).sparsity).toBeCloseTo(0.5, 2);
    const states = path.join(dir, 'states.json');
    fs.writeFileSync(states, JSON.stringify(Array.from({ length: 16 }, (_, i) => Array.from({ length: 11 }, (_, k) => Math.sin(i + k)))));
    const fromFile = path.join(dir, 'file.rlp');
    const f = await rlprune('prune', '--policy', dense, '--criterion', 'saliency', '--sparsity', '0.5', '--states', states, '--out', fromFile);
    expect(f.code).toBe(0);
    // different states, different gradients: the two masks are not the same
    const maskOf = (p: string) => Array.from(decodePolicy(fs.readFileSync(p)).model.actor.layers[1]!.mask!);
    expect(maskOf(fromEnv)).not.toEqual(maskOf(fromFile));
    // no source of states: a usage error naming both flags
    const none = await rlprune('prune', '--policy', dense, '--criterion', 'saliency', '--sparsity', '0.5', '--out', fromFile);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--env ID .*--states FILE/);
    fs.writeFileSync(states, JSON.stringify([[1, 2]]));
    const short = await rlprune('prune', '--policy', dense, '--criterion', 'saliency', '--sparsity', '0.5', '--states', states, '--out', fromFile);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--states: row 0 .* 11 finite numbers/);
  });

  it('evaluate runs episodes through local services, clean and under an attack', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-cli-'));
    const file = path.join(dir, 'p.rlp');
    fs.writeFileSync(file, randomPolicyBytes('InvertedPendulum-v4', 4, 1, 8));
    const r = await rlprune('evaluate', '--policy', file, '--env', 'InvertedPendulum-v4', '--episodes', '3', '--seed', '1', '--attack', 'random', '--eps', '0.1', '--deterministic', '--json');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { episodes: unknown[]; summary: { episodes: number; meanReturn: number } };
    expect(res.episodes).toHaveLength(3);
    expect(res.summary.episodes).toBe(3);
    expect(res.summary.meanReturn).toBeGreaterThan(0);
  }, 120_000);
});
