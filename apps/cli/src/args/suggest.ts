// "Did you mean": the closest known word by edit distance, offered when it is close enough to be a
// typo (at most a third of the word's length, at least 1 and at most 3 edits), as git and npm do.
// The distance is Levenshtein's with adjacent transpositions counted as one edit (optimal string
// alignment), since swapped letters are the commonest typo ("rnu" for "run").

/** Edits (insert, delete, substitute, swap two adjacent letters) turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word nearest to `word`, or null when none is near enough to be a typo of it. */
export function closest(word: string, known: readonly string[]): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= limit ? best : null;
}

/** "; did you mean X?" or "", to append to an error about `word`. */
export function didYouMean(word: string, known: readonly string[], render: (k: string) => string = (k) => k): string {
  const k = closest(word, known);
  return k === null ? '' : `; did you mean ${render(k)}?`;
}
