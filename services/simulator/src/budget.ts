// What all open sessions and evaluations of this process may hold together, so one client cannot
// take the whole simulator: envs (about 1 MB of MuJoCo data each) and physics threads (a core and a
// MuJoCo module each).
import { ResourceExhaustedError } from '@rlprune/service-kit';

export interface SessionLimits {
  /** Most envs one session may create. */
  maxEnvsPerSession: number;
  /** Most envs all open sessions together may hold. */
  maxEnvsTotal: number;
  /** Most physics threads all open sessions together may run. */
  maxThreadsTotal: number;
}

export class EnvBudget {
  private used = 0;
  private threadsUsed = 0;
  constructor(readonly limits: SessionLimits) {}

  /** Takes n envs and `threads` physics threads, or throws RESOURCE_EXHAUSTED taking nothing. */
  acquire(n: number, threads = 0): void {
    if (n > this.limits.maxEnvsPerSession) {
      throw new ResourceExhaustedError('num_envs', `asks for ${n} envs; this simulator allows at most ${this.limits.maxEnvsPerSession} per session (SIM_MAX_ENVS_PER_SESSION)`);
    }
    if (this.used + n > this.limits.maxEnvsTotal) {
      throw new ResourceExhaustedError(
        'num_envs', `asks for ${n} envs but only ${this.limits.maxEnvsTotal - this.used} of ${this.limits.maxEnvsTotal} are free (SIM_MAX_ENVS); retry later or use another replica`,
      );
    }
    if (this.threadsUsed + threads > this.limits.maxThreadsTotal) {
      throw new ResourceExhaustedError(
        'physics_threads', `asks for ${threads} physics threads but only ${this.limits.maxThreadsTotal - this.threadsUsed} of ${this.limits.maxThreadsTotal} are free (SIM_MAX_THREADS); ask for fewer, 0 to step on the main thread`,
      );
    }
    this.used += n;
    this.threadsUsed += threads;
  }

  release(n: number, threads = 0): void {
    this.used -= n;
    this.threadsUsed -= threads;
  }

  get inUse(): number {
    return this.used;
  }

  get threadsInUse(): number {
    return this.threadsUsed;
  }
}
