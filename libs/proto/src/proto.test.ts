import { describe, expect, it } from 'vitest';
import { decodeTensor, encodeTensor, protos } from './index';

describe('protos', () => {
  it('loads every service with its RPCs', () => {
    const p = protos();
    expect(Object.keys(p.rlprune.simulator.v1.Simulator.service)).toEqual(['Session', 'Evaluate', 'ListEnvs']);
    expect(Object.keys(p.rlprune.orchestrator.v1.Orchestrator.service)).toContain('GetSystemStatus');
    expect(Object.keys(p.rlprune.attacker.v1.Attacker.service)).toEqual(['Describe', 'Prepare', 'Perturb']);
    expect(Object.keys(p.rlprune.certifier.v1.Certifier.service)).toEqual(['Certify']);
    expect(Object.keys(p.rlprune.pruner.v1.Pruner.service)).toEqual(['Prune', 'PreviewSchedule']);
    expect(Object.keys(p.rlprune.trainer.v1.Trainer.service)).toEqual(['Train']);
  });
});

describe('tensor wire format', () => {
  it('round-trips float32 values exactly as little-endian bytes', () => {
    const v = new Float32Array([1.5, -2.25, Math.fround(Math.PI), 0, 1e-30, -7]);
    const t = encodeTensor(v, [2, 3]);
    expect(Buffer.from(t.data as Buffer).readFloatLE(4)).toBe(-2.25);
    const d = decodeTensor(t, 'obs', [null, 3]);
    expect(d.shape).toEqual([2, 3]);
    expect(Array.from(d.values)).toEqual(Array.from(v));
  });

  it('names the field and both shapes when the shape is wrong', () => {
    const t = encodeTensor(new Float32Array(6), [2, 3]);
    expect(() => decodeTensor(t, 'actions', [2, 4])).toThrow('actions: expected shape [2, 4], got [2, 3]');
    expect(() => decodeTensor({ data: Buffer.alloc(5), shape: [2] }, 'x')).toThrow('x: has 5 bytes');
    expect(() => decodeTensor(undefined, 'states')).toThrow('states: is required');
  });
});
