// The progress view's plain-text lines (a non-terminal stream) on a clock the test moves: elapsed
// and ETA (eta.test.ts tests the estimate itself), finished stages with their headline, and the
// closing count of stages run and cached.
import { describe, expect, it } from 'vitest';
import { duration, ProgressView } from './progress';
import { stageHeadline } from './stage-describer';

function sink() {
  const lines: string[] = [];
  const out = { isTTY: false, columns: 120, write: (s: string) => (lines.push(...s.split('\n').filter(Boolean)), true) } as unknown as NodeJS.WriteStream;
  return { out, lines };
}

describe('ProgressView', () => {
  it('shows elapsed time, an ETA from the kinds of the stages left, headlines, and the end count', () => {
    let t = 0;
    const { out, lines } = sink();
    // one training done before; a cached training, then three evaluations of which one runs
    const plan = [
      { kind: 'train', total: 2, done: 1 },
      { kind: 'evaluate', total: 3, done: 0 },
    ];
    const view = new ProgressView(5, out, () => t, 1, plan);
    expect(view.timing()).toBe('0s elapsed, ETA unknown');
    view.update({ stageId: 'a', kind: 'train', label: 'Hopper-v4/seed=1/kappa=0/magnitude/s=0.5: train', state: 'cached', fraction: 1, message: '', headline: 'return 812' });
    view.update({ stageId: 'b', kind: 'evaluate', label: 'p: evaluate clean', state: 'running', fraction: 0, message: 'attempt 1' });
    t = 30_000;
    view.update({ stageId: 'b', kind: 'evaluate', label: 'p: evaluate clean', state: 'running', fraction: 0.5, message: 'episode 5/10' });
    // half of b in 30 s: 30 s of it left, and 60 s for each of the two evaluations not started
    expect(view.timing()).toBe('30s elapsed, ETA 2m30s');
    t = 60_000;
    view.update({ stageId: 'b', kind: 'evaluate', label: 'p: evaluate clean', state: 'succeeded', fraction: 1, message: '', headline: 'return 799 ± 4.2' });
    expect(view.timing()).toBe('1m00s elapsed, ETA 2m00s');
    expect(lines[0]).toBe('[2/5 0s elapsed, ETA unknown] cached    Hopper-v4/seed=1/kappa=0/magnitude/s=0.5: train  return 812');
    expect(lines[1]).toMatch(/^\[2\/5 0s elapsed, ETA unknown\] running +p: evaluate clean {2}\[-+\] +0% attempt 1$/);
    expect(lines[2]).toMatch(/^\[2\/5 30s elapsed, ETA 2m30s\] running +p: evaluate clean {2}\[#+-+\] +50% episode 5\/10$/);
    expect(lines[3]).toBe('[3/5 1m00s elapsed, ETA 2m00s] succeeded p: evaluate clean  return 799 ± 4.2');
    expect(view.summary()).toBe('1 stage ran, 1 came from the cache (1 done before); 1m00s');
  });

  it('says "ETA >=" while a kind with stages left has no estimate', () => {
    let t = 0;
    const { out } = sink();
    const view = new ProgressView(3, out, () => t, 0, [
      { kind: 'train', total: 1, done: 0 },
      { kind: 'certify', total: 2, done: 0 },
    ]);
    view.update({ stageId: 't', kind: 'train', label: 'train', state: 'running', fraction: 0, message: '' });
    t = 60_000;
    view.update({ stageId: 't', kind: 'train', label: 'train', state: 'running', fraction: 0.25, message: '' });
    expect(view.timing()).toBe('1m00s elapsed, ETA >= 3m00s');
  });

  it('formats durations', () => {
    expect([duration(4_400), duration(185_000), duration(3_725_000)]).toEqual(['4s', '3m05s', '1h02m']);
  });
});

describe('stageHeadline', () => {
  it("names a stage's number from its recorded result", () => {
    expect(stageHeadline({ kind: 'train', result: { final_mean_return: 1234.567 } })).toBe('return 1235');
    expect(stageHeadline({ kind: 'evaluate', result: { meanReturn: 99.5, stdReturn: 3.21 } })).toBe('return 99.5 ± 3.21');
    expect(stageHeadline({ kind: 'certify', result: { global: { tv: 0.25 }, perState: [{ method: 'crown', meanTv: 0.125 }] } })).toBe('TV bound 0.25, crown mean TV 0.125');
    expect(stageHeadline({ kind: 'prepare', result: { prepared: 'x' } })).toBe('');
  });
});
