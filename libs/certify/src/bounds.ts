// Shapes shared by the per-state bound methods.

/** Elementwise bounds lower <= f(x') <= upper over the ball, one entry per output coordinate. */
export interface Bounds {
  lower: Float64Array;
  upper: Float64Array;
}

/** The per-state bound propagation methods. */
export type PerStateMethod = 'ibp' | 'crown';

export const PER_STATE_METHODS: readonly PerStateMethod[] = ['ibp', 'crown'];
