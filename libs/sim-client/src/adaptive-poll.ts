// Whether to busy-poll while waiting for a Session answer, decided by measuring both ways.
//
// Polling instead of sleeping saves a vCPU wake-up per round trip on an idle machine (a 16-env
// HalfCheetah Session: 0.74x -> 0.83x of in-process speed), but when the machine has no idle core
// the spinning client takes CPU from the simulator it is waiting for (measured: Hopper 0.78x
// sleeping, 0.46x polling, with one other busy process on the 2 cores). Which one wins depends on the
// moment, so the client keeps using the faster mode and every `probeEvery` round trips tries the
// other one for `probeLength`; it switches when the other's mean round trip is lower (the mean, not
// the median: on a busy machine most round trips are quick and a few wait a whole scheduler slice,
// and throughput is what the mean measures). The slowest eighth of each sample is left out of its
// mean: on a VM, either mode now and then waits 1-2 ms for the hypervisor (measured on a bare TCP
// ping-pong: 2% of round trips), and one such stall in a probe used to decide the mode by chance.

export interface AdaptivePollOptions {
  /** Polling window per request in microseconds when polling (0 turns polling off for good). */
  windowUs: number;
  /**
   * Round trips in the current mode before the other is probed. Default 512; while sleeping,
   * doubled after each probe of polling that loses (up to 16 times), so polling on a busy machine
   * costs little, and back to this after a switch.
   */
  probeEvery?: number;
  /** Round trips per probe, and the recent ones of the current mode it is compared with. Default 64. */
  probeLength?: number;
}

/** How much faster sleeping must measure before a polling client stops polling. */
const SWITCH_MARGIN = 0.05;

export class AdaptivePoll {
  private polling: boolean;
  private readonly probeEvery: number;
  private interval: number;
  private readonly probeLength: number;
  /** Round trips left in the current phase. */
  private left: number;
  private probing = false;
  private readonly recent: number[] = [];
  private readonly probe: number[] = [];

  constructor(private readonly options: AdaptivePollOptions) {
    this.polling = options.windowUs > 0;
    this.probeEvery = options.probeEvery ?? 512;
    this.probeLength = options.probeLength ?? 64;
    this.interval = this.probeEvery;
    this.left = this.interval;
  }

  /** Microseconds to poll for while waiting for the next answer. */
  windowUs(): number {
    const poll = this.probing ? !this.polling : this.polling;
    return poll ? this.options.windowUs : 0;
  }

  /** True when the mode in use (outside probes) is polling. */
  get isPolling(): boolean {
    return this.polling;
  }

  /** Records one round trip's duration (any unit) taken with the window windowUs() gave. */
  record(roundTrip: number): void {
    if (this.options.windowUs <= 0) return;
    if (this.probing) {
      this.probe.push(roundTrip);
      if (this.probe.length < this.probeLength) return;
      // Leaving polling takes a clear win (sleeping is only faster when CPU is short, and then by
      // far); noise alone should not move an idle machine off its faster mode.
      const margin = this.polling ? SWITCH_MARGIN : 0;
      if (trimmedMean(this.probe) < trimmedMean(this.recent) * (1 - margin)) {
        this.polling = !this.polling;
        this.interval = this.probeEvery;
      } else if (!this.polling) {
        // a lost probe of polling is the expensive kind: try it less often
        this.interval = Math.min(this.interval * 2, this.probeEvery * 16);
      }
      this.probing = false;
      this.probe.length = 0;
      this.recent.length = 0;
      this.left = this.interval;
      return;
    }
    this.recent.push(roundTrip);
    if (this.recent.length > this.probeLength) this.recent.shift();
    if (--this.left <= 0) this.probing = true;
  }
}

/** Mean of all but the slowest eighth. */
function trimmedMean(xs: number[]): number {
  const kept = [...xs].sort((a, b) => a - b).slice(0, Math.max(1, xs.length - Math.floor(xs.length / 8)));
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}
