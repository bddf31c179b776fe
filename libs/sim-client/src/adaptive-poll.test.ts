import { describe, expect, it } from 'vitest';
import { AdaptivePoll } from './adaptive-poll';

/** Drives the policy with round trips that depend only on whether it polled. */
function run(p: AdaptivePoll, steps: number, cost: (polled: boolean) => number): boolean[] {
  const modes: boolean[] = [];
  for (let i = 0; i < steps; i++) {
    const polled = p.windowUs() > 0;
    modes.push(polled);
    p.record(cost(polled));
  }
  return modes;
}

describe('AdaptivePoll', () => {
  it('keeps polling while polling is faster, probing the other mode only briefly', () => {
    const p = new AdaptivePoll({ windowUs: 1000, probeEvery: 100, probeLength: 10 });
    const modes = run(p, 1100, (polled) => (polled ? 0.55 : 0.65));
    expect(p.isPolling).toBe(true);
    const sleptFraction = modes.filter((m) => !m).length / modes.length;
    expect(sleptFraction).toBeGreaterThan(0);
    expect(sleptFraction).toBeLessThan(0.1);
  });

  it('stops polling when sleeping is faster (a busy machine), and polls again once polling wins', () => {
    const p = new AdaptivePoll({ windowUs: 1000, probeEvery: 100, probeLength: 10 });
    run(p, 300, (polled) => (polled ? 2.4 : 1.3));
    expect(p.isPolling).toBe(false);
    const modes = run(p, 1000, (polled) => (polled ? 2.4 : 1.3));
    expect(modes.filter((m) => m).length / modes.length).toBeLessThan(0.1);
    // the next probe of polling comes later after each lost one (at most 16 x probeEvery)
    run(p, 1700, (polled) => (polled ? 0.55 : 0.65));
    expect(p.isPolling).toBe(true);
  });

  it('is not moved off polling by rare multi-millisecond stalls that hit either mode', () => {
    // polling 0.61 ms, sleeping 0.67 ms; 4% of round trips of either mode, at random, wait 1.5 ms more
    let state = 12345;
    const uniform = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cost = (polled: boolean) => (polled ? 0.61 : 0.67) + (uniform() < 0.04 ? 1.5 : 0);
    const p = new AdaptivePoll({ windowUs: 1000 });
    const modes = run(p, 50_000, cost);
    // at most 512 / (512 + 64) polling when it never leaves polling
    expect(modes.filter((m) => m).length / modes.length).toBeGreaterThan(0.86);
  });

  it('never polls with a zero window', () => {
    const p = new AdaptivePoll({ windowUs: 0, probeEvery: 10, probeLength: 3 });
    expect(run(p, 100, (polled) => (polled ? 0.1 : 10)).some((m) => m)).toBe(false);
  });
});
