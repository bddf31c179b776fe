// A train stage's checkpoints on a real ledger and artifact store: the latest is continued with its
// partial result read back (NaN included), only the latest is kept (row and file), and a checkpoint
// that is missing, corrupt, inconsistent or another stage version's is dropped and logged, never used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../ledger/ledger';
import { LedgerStageCheckpoints } from '../ledger/stage-checkpoints';
import { ArtifactStore } from '../store/artifact-store';
import { TrainResume, type TrainPartial } from './train-resume';

function setup(cacheKey = 'key-1') {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'train-resume-'));
  const ledger = new Ledger(path.join(home, 'ledger.sqlite'));
  const store = new ArtifactStore(home);
  const resume = (key = cacheKey) => new TrainResume(new LedgerStageCheckpoints(ledger, 'exp-1', 'train-1', key), store, undefined, 'test stage');
  const checkpoint = (n: number) => store.put(Buffer.from(`checkpoint ${n}`), { kind: 'checkpoint', labels: {} }).id;
  const events = () => ledger.events('exp-1').map((e) => `${e.type}: ${e.message}`);
  return { ledger, store, resume, checkpoint, events };
}

/** The partial of a run after `n` iterations (NaN return before the first episode). */
function partialAfter(n: number): TrainPartial {
  return {
    iterations: 8,
    curve: Array.from({ length: n }, (_, i) => ({ envSteps: 512 * (i + 1), meanReturn: i === 0 ? NaN : i, sparsity: 0.1 * i, lipschitzBound: 2 })),
    maskUpdates: [{ envSteps: 512, gradientStep: 8, sparsity: 0.1, before: 3, after: 2.5 }],
  };
}

describe('TrainResume', () => {
  it('continues from the latest checkpoint with the partial result as it was recorded', () => {
    const { resume, checkpoint, store } = setup();
    const first = checkpoint(1);
    const second = checkpoint(2);
    const r = resume();
    expect(r.latest()).toBeNull();
    r.record({ id: first, iteration: 1 }, partialAfter(1));
    r.record({ id: second, iteration: 2 }, partialAfter(2));
    // only the latest is kept: the superseded file is gone
    expect(store.has(first)).toBe(false);
    expect(resume().latest()).toEqual({ artifact: second, iteration: 2, partial: partialAfter(2) });
  });

  it('keeps a superseded file another stage still records (two experiments running the same stage)', () => {
    const { ledger, resume, checkpoint, store } = setup();
    const shared = checkpoint(1);
    ledger.recordStageCheckpoint('exp-2', 'train-1', { cacheKey: 'key-1', artifact: shared, iteration: 1, partial: {} });
    const r = resume();
    r.record({ id: shared, iteration: 1 }, partialAfter(1));
    r.record({ id: checkpoint(2), iteration: 2 }, partialAfter(2));
    expect(store.has(shared)).toBe(true);
  });

  it('drops the row and the file when the stage finishes', () => {
    const { ledger, resume, checkpoint, store } = setup();
    const id = checkpoint(3);
    const r = resume();
    r.record({ id, iteration: 3 }, partialAfter(3));
    r.finished();
    expect(ledger.stageCheckpoint('exp-1', 'train-1')).toBeUndefined();
    expect(store.has(id)).toBe(false);
  });

  it('does not record a checkpoint whose iteration is not the curve it would be paired with', () => {
    const { resume, checkpoint } = setup();
    const r = resume();
    const kept = checkpoint(2);
    r.record({ id: kept, iteration: 2 }, partialAfter(2));
    r.record({ id: checkpoint(4), iteration: 4 }, partialAfter(3));
    expect(resume().latest()?.artifact).toBe(kept);
  });

  it('starts over, logged, when the checkpoint file is missing or corrupt', () => {
    const { resume, checkpoint, store, events } = setup();
    const missing = checkpoint(1);
    resume().record({ id: missing, iteration: 1 }, partialAfter(1));
    fs.rmSync(path.join(store.dir, missing.slice(0, 2), missing));
    expect(resume().latest()).toBeNull();
    expect(events().at(-1)).toMatch(new RegExp(`^checkpoint-unusable: checkpoint after iteration 1 \\(${missing}\\) is unusable, starting over: .*not in the store`));

    const corrupt = checkpoint(2);
    resume().record({ id: corrupt, iteration: 2 }, partialAfter(2));
    fs.writeFileSync(path.join(store.dir, corrupt.slice(0, 2), corrupt), 'flipped');
    expect(resume().latest()).toBeNull();
    expect(events().at(-1)).toMatch(/corrupt on disk/);
    // dropped: the next attempt has nothing to continue and logs nothing more
    const logged = events().length;
    expect(resume().latest()).toBeNull();
    expect(events()).toHaveLength(logged);
  });

  it('starts over when the recorded partial does not match its iteration or is not a train partial', () => {
    const { ledger, resume, checkpoint, events } = setup();
    const id = checkpoint(1);
    ledger.recordStageCheckpoint('exp-1', 'train-1', { cacheKey: 'key-1', artifact: id, iteration: 5, partial: { iterations: 8, curve: [], mask_updates: [] } });
    expect(resume().latest()).toBeNull();
    expect(events().at(-1)).toMatch(/its partial curve has 0 points for iteration 5/);
    // (the unusable checkpoint's file went with it)
    ledger.recordStageCheckpoint('exp-1', 'train-1', { cacheKey: 'key-1', artifact: checkpoint(2), iteration: 1, partial: { iterations: 8, curve: [{ envSteps: 'x' }] } });
    expect(resume().latest()).toBeNull();
    expect(events().at(-1)).toMatch(/curve\[0\]\.envSteps: expected a number/);
  });

  it('does not continue a checkpoint recorded under another cache key (other parameters or service version)', () => {
    const { resume, checkpoint } = setup();
    resume('key-old').record({ id: checkpoint(1), iteration: 1 }, partialAfter(1));
    expect(resume('key-new').latest()).toBeNull();
    expect(resume('key-old').latest()?.iteration).toBe(1);
  });

  it('logs a resume only once the trainer continued it', () => {
    const { resume, checkpoint, events } = setup();
    resume().record({ id: checkpoint(2), iteration: 2 }, partialAfter(2));
    const r = resume();
    const from = r.latest()!;
    expect(events()).toEqual([]);
    r.continued(from);
    expect(events()).toEqual([`stage-resumed: resumed from iteration 2 (checkpoint ${from.artifact})`]);
  });
});
