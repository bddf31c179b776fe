// Orthogonal initialisation (Saxe et al. 2014), as torch.nn.init.orthogonal_ does it: QR of a Gaussian
// matrix with the signs fixed so R has a positive diagonal, scaled by a gain. PPO implementations
// use it for every layer (gain sqrt 2 for hidden layers, 0.01 for the policy head, 1 for the value head).
import type { Rng } from '@rlprune/random';

/** Fills w (row-major [rows, cols]) with a gain-scaled (semi-)orthogonal matrix. */
export function orthogonalInit(w: Float32Array, rows: number, cols: number, gain: number, rng: Rng): void {
  // Orthonormalise the columns of a tall Gaussian matrix [tall, short] (float64 modified Gram-Schmidt,
  // which yields R with a positive diagonal), then lay it out as rows x cols.
  const tall = Math.max(rows, cols);
  const short = Math.min(rows, cols);
  const q = new Float64Array(tall * short);
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  for (let j = 0; j < short; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < tall; i++) dot += q[i * short + p]! * q[i * short + j]!;
      for (let i = 0; i < tall; i++) q[i * short + j] -= dot * q[i * short + p]!;
    }
    let norm = 0;
    for (let i = 0; i < tall; i++) norm += q[i * short + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i++) q[i * short + j] /= norm;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = rows >= cols ? q[r * short + c]! : q[c * short + r]!;
      w[r * cols + c] = gain * v;
    }
  }
}
