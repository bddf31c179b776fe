/** What a caller needs to know about an env id without creating the env. */
export interface EnvSpec {
  /** Gymnasium id, e.g. 'Hopper-v4'. */
  readonly id: string;
  /** Length of one observation. */
  readonly obsDim: number;
  /** Length of one action. */
  readonly actDim: number;
  /** Seconds of simulated time per env step (model timestep x frame skip). */
  readonly dt: number;
  /** Per-coordinate lower bound of the action; actions are clipped to [actionLow, actionHigh]. */
  readonly actionLow: readonly number[];
  /** Per-coordinate upper bound of the action. */
  readonly actionHigh: readonly number[];
  /** Steps after which an episode is truncated (Gymnasium's TimeLimit). */
  readonly maxEpisodeSteps: number;
  /** Default L-inf attack budget, in normalised observation units. */
  readonly defaultAttackEpsilon: number;
}
