// `rlprune certify --json` in-process: the constant flag, each method's mean certified radius and,
// with --reference, the parameter path; a policy whose head was pruned empty is reported constant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActorCritic, createObsNormalizer, encodePolicy, type ActorCritic } from '@rlprune/nn';
import { certifyCommand } from './certify';

function policyFile(dir: string, name: string, model: ActorCritic): string {
  const file = path.join(dir, name);
  const metadata = { env: 'Hopper-v4', seed: 1, sparsity: 0, trainingStep: 0, parentId: null, labels: {} };
  fs.writeFileSync(file, encodePolicy({ metadata, normalizer: createObsNormalizer(11), model }));
  return file;
}

/** Zeroes the weights of actor layer k whose magnitude is below the layer's quantile q (q = 1: every one). */
function pruneLayer(model: ActorCritic, k: number, q: number): ActorCritic {
  const copy = structuredClone(model);
  const layer = copy.actor.layers[k]!;
  const sorted = Array.from(layer.w, Math.abs).sort((a, b) => a - b);
  const cut = q >= 1 ? Infinity : sorted[Math.floor(q * sorted.length)]!;
  layer.w.forEach((v, i) => {
    if (Math.abs(v) < cut) {
      layer.w[i] = 0;
      layer.mask[i] = 0;
    }
  });
  return copy;
}

async function certifyJson(...argv: string[]): Promise<Record<string, unknown>> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await certifyCommand([...argv, '--json'])).toBe(0);
    return JSON.parse(String(log.mock.calls[0]![0])) as Record<string, unknown>;
  } finally {
    log.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('rlprune certify --json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-certify-'));
  const states = path.join(dir, 'states.json');
  fs.writeFileSync(states, JSON.stringify([Array(11).fill(0.1), Array(11).fill(-0.2), Array.from({ length: 11 }, (_, i) => Math.sin(i))]));
  const dense = createActorCritic({ obsDim: 11, actDim: 3, hidden: [16, 16], activation: 'tanh' }, 3);
  const densePath = policyFile(dir, 'dense.rlp', dense);

  it('prints the constant flag, the mean certified radius per method and the parameter path', async () => {
    const pruned = policyFile(dir, 'pruned.rlp', pruneLayer(pruneLayer(dense, 0, 0.5), 1, 0.5));
    const out = await certifyJson('--policy', pruned, '--eps', '0.05', '--method', 'lipschitz,crown', '--states', states, '--reference', densePath);
    expect(out.constant).toBe(false);
    const perState = out.perState as Array<{ method: string; meanCertifiedRadius: number | null }>;
    for (const s of perState) expect(s.meanCertifiedRadius).toBeGreaterThan(0);
    const pp = out.parameterPath as { deltaNorm: number; lPar: number; measuredActionShift: number; bound: number; steps: number };
    expect(pp.deltaNorm).toBeGreaterThan(0);
    expect(pp.bound).toBeCloseTo(pp.lPar * pp.deltaNorm, 12);
    expect(pp.measuredActionShift).toBeLessThanOrEqual(pp.bound);
    expect(pp.steps).toBe(10);
    const noRadius = await certifyJson('--policy', pruned, '--eps', '0.05', '--method', 'crown', '--states', states, '--no-radius');
    expect((noRadius.perState as Array<{ meanCertifiedRadius: null }>)[0]!.meanCertifiedRadius).toBeNull();
    expect(noRadius.parameterPath).toBeNull();
  });

  it('flags a policy whose output layer was pruned empty as constant', async () => {
    const empty = policyFile(dir, 'empty.rlp', pruneLayer(dense, 2, 1));
    const out = await certifyJson('--policy', empty, '--eps', '0.05', '--method', 'lipschitz,crown', '--states', states);
    expect(out.constant).toBe(true);
    expect((out.global as { surrogateLipschitz: number }).surrogateLipschitz).toBe(0);
  });

  it('asks for states with --reference, and names a reference of another shape', async () => {
    await expect(certifyCommand(['--policy', densePath, '--eps', '0.05', '--reference', densePath])).rejects.toThrow(/--states/);
    const other = policyFile(dir, 'other.rlp', createActorCritic({ obsDim: 11, actDim: 3, hidden: [8, 8], activation: 'tanh' }, 3));
    await expect(certifyCommand(['--policy', other, '--eps', '0.05', '--states', states, '--reference', densePath])).rejects.toThrow(
      /pruned.actor: expected the dense \(reference\) actor's shape 11-16-16-3 tanh/,
    );
  });
});
