// Picks the lowest-scoring entries. Ties are broken by the lower index, so the choice is a pure
// function of the scores: the same scores always give the same mask, on every machine.

/**
 * Indices of the `count` lowest scores among entries with `eligible[k] === 1`, in increasing index
 * order. `count` must not exceed the number of eligible entries.
 */
export function lowestScores(scores: Float64Array, eligible: Uint8Array, count: number): Uint32Array {
  const picked = new Uint32Array(count);
  if (count === 0) return picked;
  // Native numeric sort of the eligible scores gives the threshold; then two linear passes take
  // everything strictly below it and the first ties at it. Faster than sorting index pairs.
  let n = 0;
  for (let k = 0; k < scores.length; k++) if (eligible[k] === 1) n++;
  if (count > n) throw new RangeError(`cannot pick ${count} of ${n} eligible entries`);
  const sorted = new Float64Array(n);
  n = 0;
  for (let k = 0; k < scores.length; k++) if (eligible[k] === 1) sorted[n++] = scores[k]!;
  sorted.sort();
  const threshold = sorted[count - 1]!;
  let below = 0;
  for (let i = 0; i < count && sorted[i]! < threshold; i++) below++;
  let tiesLeft = count - below;
  let p = 0;
  for (let k = 0; k < scores.length; k++) {
    if (eligible[k] !== 1) continue;
    const s = scores[k]!;
    if (s < threshold || (s === threshold && tiesLeft-- > 0)) picked[p++] = k;
  }
  return picked;
}
