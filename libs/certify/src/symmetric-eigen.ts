// Largest eigenvalue of a small symmetric matrix by the cyclic Jacobi method. Used on Gram matrices
// J J^T of size actDim x actDim, where an operator norm feeds a bound: power iteration approaches
// the top eigenvalue from below and stalls when the top two are close, while Jacobi converges to
// every eigenvalue to rounding error in a few sweeps whatever their spacing.

/** Sweeps over all off-diagonal pairs before giving up; Jacobi converges quadratically, in < 10 for n <= 20. */
const MAX_SWEEPS = 100;

/**
 * Eigenvalues of a symmetric row-major [n, n] matrix (only the upper triangle is read), unsorted.
 * The input is not modified.
 */
export function symmetricEigenvalues(m: ArrayLike<number>, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = r; c < n; c++) {
      a[r * n + c] = m[r * n + c]!;
      a[c * n + r] = m[r * n + c]!;
    }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let r = 0; r < n; r++) {
      diag += a[r * n + r]! ** 2;
      for (let c = r + 1; c < n; c++) off += a[r * n + c]! ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        // Rotation that zeroes a[p][q] (Golub and Van Loan, Algorithm 8.4.1).
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i * n + i]!);
}

/** Largest eigenvalue of a symmetric [n, n] matrix. */
export function largestSymmetricEigenvalue(m: ArrayLike<number>, n: number): number {
  let best = -Infinity;
  for (const v of symmetricEigenvalues(m, n)) best = Math.max(best, v);
  return best;
}
