// Busy polling for request/response exchanges that come back within microseconds.
//
// A process waiting on a socket sleeps in epoll; on a VM the sleeping vCPU takes tens of
// microseconds to wake when the next message arrives, and with two processes answering each other
// that is paid twice per round trip (measured here: a bare grpc-js echo between two processes costs
// ~125 us sleeping and ~37 us when both sides poll). While a window is open the event loop keeps
// running with an immediate queued, so libuv polls the sockets without blocking and a message is
// handled as soon as it lands. The cost is CPU: at most one core for the window's length, and only
// while the loop has nothing else to do.

let pollUntil = 0;
let polling = false;

function tick(): void {
  if (performance.now() < pollUntil) setImmediate(tick);
  else polling = false;
}

/** Keeps this process's event loop polling, never sleeping, for the next `microseconds`. */
export function busyPoll(microseconds: number): void {
  if (!(microseconds > 0)) return;
  pollUntil = Math.max(pollUntil, performance.now() + microseconds / 1000);
  if (!polling) {
    polling = true;
    setImmediate(tick);
  }
}

/** True while a busy-poll window is open (for tests). */
export function isBusyPolling(): boolean {
  return polling;
}
