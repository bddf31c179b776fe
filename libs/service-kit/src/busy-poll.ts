// Busy polling for request/response exchanges that come back within microseconds.
//
// A process waiting on a socket sleeps in epoll; on a VM the sleeping vCPU takes tens of
// microseconds to wake when the next message arrives, and with two processes answering each other
// that is paid twice per round trip (measured here: a bare grpc-js echo between two processes costs
// ~125 us sleeping and ~37 us when both sides poll). While a window is open the event loop keeps
// running with an immediate queued, so libuv polls the sockets without blocking and a message is
// handled as soon as it lands. The cost is CPU: at most one core while any window is open, and only
// while the loop has nothing else to do.

/** Deadlines (performance.now() ms) of the open windows. */
const open = new Set<{ until: number }>();
let polling = false;

function tick(): void {
  const now = performance.now();
  for (const w of open) if (w.until <= now) open.delete(w);
  if (open.size > 0) setImmediate(tick);
  else polling = false;
}

/**
 * Keeps this process's event loop polling, never sleeping, for the next `microseconds` or until
 * the returned function is called (when the awaited message has arrived), whichever comes first.
 */
export function busyPoll(microseconds: number): () => void {
  if (!(microseconds > 0)) return () => {};
  const window = { until: performance.now() + microseconds / 1000 };
  open.add(window);
  if (!polling) {
    polling = true;
    setImmediate(tick);
  }
  return () => {
    open.delete(window);
  };
}

/** True while a busy-poll window is open (for tests). */
export function isBusyPolling(): boolean {
  return polling;
}
