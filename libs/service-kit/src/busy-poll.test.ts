import { describe, expect, it } from 'vitest';
import { busyPoll, isBusyPolling } from './busy-poll';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilStopped(limitMs: number): Promise<number> {
  const t0 = performance.now();
  while (isBusyPolling() && performance.now() - t0 < limitMs) await sleep(5);
  return performance.now() - t0;
}

describe('busyPoll', () => {
  it('keeps the loop polling for its window without blocking it, then stops by itself', async () => {
    expect(isBusyPolling()).toBe(false);
    busyPoll(0);
    expect(isBusyPolling()).toBe(false);
    busyPoll(300_000);
    expect(isBusyPolling()).toBe(true);
    // timers still fire while polling: the loop spins, it is not blocked
    await sleep(20);
    expect(isBusyPolling()).toBe(true);
    await waitUntilStopped(5_000);
    expect(isBusyPolling()).toBe(false);
  });

  it('a later call extends the open window', async () => {
    busyPoll(10_000);
    busyPoll(400_000);
    busyPoll(10_000); // a shorter one does not cut it back
    await sleep(100);
    expect(isBusyPolling()).toBe(true);
    await waitUntilStopped(5_000);
    expect(isBusyPolling()).toBe(false);
  });
});
