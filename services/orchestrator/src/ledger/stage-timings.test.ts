import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/experiment-spec';
import { expandGrid } from '../pipeline/grid';
import { Ledger } from './ledger';
import { experimentTiming } from './stage-timings';

const spec = parseSpec(`
name: t
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 2048 }
pruning: { mode: post_hoc, sparsities: [0, 0.5] }
`);

describe('experimentTiming', () => {
  it('counts a train stage interrupted and run again once in stages and env steps, twice in attempts', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'timings-')), 'ledger.sqlite');
    let ledger = new Ledger(file);
    const id = ledger.createExperiment('t', 'yaml', spec, expandGrid(spec, () => 0.05));
    const train = ledger.stages(id).find((s) => s.kind === 'train')!;
    ledger.startAttempt(id, train.id);
    ledger.close();
    // as after the machine stopped mid-stage: the next orchestrator closes the attempt and runs it again
    ledger = new Ledger(file);
    ledger.resetInterrupted(id);
    ledger.startAttempt(id, train.id);
    ledger.finishStage(id, train.id, { policy: 'p', curve: [{ envSteps: 1024 }, { envSteps: 2048 }] }, false);
    ledger.close();

    const timing = experimentTiming(file, id);
    expect(timing.trainSteps).toBe(2048);
    expect(timing.kinds.find((k) => k.kind === 'train')).toMatchObject({ stages: 1, attempts: 2 });
  });
});
