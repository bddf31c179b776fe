// Axis-aligned boxes in SVG pixels, and placing labels in rows so no two overlap.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export interface RowLabel {
  /** Preferred horizontal centre. */
  centre: number;
  width: number;
}

/**
 * Assigns each label a row and a left edge: centred on its x where it fits inside [minX, maxX],
 * shifted inwards at the edges, and moved to the first row where it overlaps no earlier label
 * (with `gap` px between neighbours). Returns the placements in input order and the row count.
 */
export function placeInRows(labels: readonly RowLabel[], minX: number, maxX: number, gap = 8): { rows: number; placed: Array<{ row: number; left: number }> } {
  const taken: Array<Array<{ left: number; right: number }>> = [];
  const placed = labels.map((l) => {
    const left = Math.max(minX, Math.min(maxX - l.width, l.centre - l.width / 2));
    const right = left + l.width;
    let row = 0;
    for (;; row++) {
      const inRow = (taken[row] ??= []);
      if (inRow.every((t) => right + gap <= t.left || left >= t.right + gap)) {
        inRow.push({ left, right });
        break;
      }
    }
    return { row, left };
  });
  return { rows: taken.length, placed };
}
