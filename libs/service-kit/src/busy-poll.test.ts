import { describe, expect, it } from 'vitest';
import { busyPoll, isBusyPolling } from './busy-poll';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilStopped(limitMs: number): Promise<void> {
  const t0 = performance.now();
  while (isBusyPolling() && performance.now() - t0 < limitMs) await sleep(5);
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

  it('stops when every open window has been ended, not before', async () => {
    const endLong = busyPoll(10_000_000);
    const endOther = busyPoll(10_000_000);
    busyPoll(10_000); // ends by itself
    await sleep(50);
    endLong();
    await sleep(20);
    expect(isBusyPolling()).toBe(true);
    endOther();
    await waitUntilStopped(1_000);
    expect(isBusyPolling()).toBe(false);
  });
});
