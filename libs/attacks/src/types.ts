// The one contract every attack implements, so the attacker service serves any of them the same way.
import type { MlpEngine, PolicyArtifact } from '@rlprune/nn';
import type { EnvFactory } from './env-source';

/** A tunable number of an attack, as Describe reports it. */
export interface AttackParameter {
  /** snake_case name, the key of `params` in requests, e.g. "steps". */
  name: string;
  /** Value used when the caller gives none. */
  default: number;
  /** What it does, one line. */
  description: string;
  /** Smallest accepted value (inclusive). */
  min?: number;
  /** Largest accepted value (inclusive). */
  max?: number;
  /** Only whole numbers are accepted. */
  integer?: boolean;
}

export interface PerturberOptions {
  /** The victim: decoded policy artifact (actor, critic, log-std, normaliser). */
  policy: PolicyArtifact;
  /** L-inf budget in normalised observation units; >= 0. */
  epsilon: number;
  /** Seed of the attack's random streams (random starts, SGLD noise). */
  seed: number;
  /** Parameters overriding the defaults, by name. */
  params?: Record<string, number>;
  /** Output of prepare(), for attacks with needsPrepare. */
  prepared?: Uint8Array;
  /** Engine for the nets; default libs/nn's process default (native kernels when built). */
  engine?: MlpEngine;
}

/** One stream of observation batches (one evaluation session); stateful for correlated attacks. */
export interface Perturber {
  readonly obsDim: number;
  /**
   * Perturbs a batch of normalised observations [n * obsDim] (row i = env i) and returns a new array of
   * the same shape with every row within epsilon of its input in L-inf. episodeStart[i] true resets
   * whatever the attack remembers about env i.
   */
  perturb(obs: Float32Array, n: number, episodeStart?: readonly boolean[]): Float32Array;
}

/** Progress of a Prepare, reported every iteration. */
export interface PrepareProgress {
  /** Iterations done so far. */
  iteration: number;
  /** Iterations in total. */
  iterations: number;
  /** Environment steps gathered so far. */
  envSteps: number;
  /** Named diagnostics of the last iteration, e.g. { tdError: 0.3 }. */
  metrics: Record<string, number>;
}

export interface PrepareOptions {
  /** The fixed victim. */
  policy: PolicyArtifact;
  /** Environment the victim acts in, e.g. "Hopper-v4". */
  envId: string;
  /** Budget the prepared artifact is meant for (the learned adversary trains at this epsilon). */
  epsilon: number;
  /** Seed of the preparation (env reset noise, sampling, net init, minibatch order). */
  seed: number;
  /** Parameters overriding the defaults, by name. */
  params?: Record<string, number>;
  /** Where environments come from: in-process libs/envs or a remote simulator session. */
  env: EnvFactory;
  /** Called after every iteration. */
  onProgress?: (progress: PrepareProgress) => void;
  /** Aborts the preparation between env steps / minibatches. */
  signal?: AbortSignal;
  engine?: MlpEngine;
}

export interface Attack {
  /** Registry name, e.g. "mad". */
  readonly name: string;
  /** One line for Describe. */
  readonly description: string;
  /** Every parameter this attack reads (in prepare and in perturb). */
  readonly parameters: readonly AttackParameter[];
  /** True when prepare() must run first and its output be passed as `prepared`. */
  readonly needsPrepare: boolean;
  createPerturber(options: PerturberOptions): Perturber;
  /** Learns what the attack needs; present exactly when needsPrepare. */
  prepare?(options: PrepareOptions): Promise<Buffer>;
}
