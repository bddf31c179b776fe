// Marker shapes, one per series in turn, so curves that lie on top of each other (or print in
// greyscale) stay distinguishable by shape as well as by colour.

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'triangle-down' | 'plus';

const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'triangle-down', 'plus'];

export function markerShape(index: number): MarkerShape {
  return SHAPES[index % SHAPES.length]!;
}

/**
 * The opening tag's element name and geometry attributes of a marker centred at (x, y) with
 * radius r, with coordinates already formatted by `c`.
 */
export function markerGeometry(shape: MarkerShape, x: number, y: number, r: number, c: (v: number) => string): { tag: string; attrs: string } {
  switch (shape) {
    case 'circle':
      return { tag: 'circle', attrs: `cx="${c(x)}" cy="${c(y)}" r="${c(r)}"` };
    case 'square':
      return { tag: 'rect', attrs: `x="${c(x - r)}" y="${c(y - r)}" width="${c(2 * r)}" height="${c(2 * r)}"` };
    case 'triangle':
      return { tag: 'path', attrs: `d="M ${c(x)} ${c(y - r * 1.2)} L ${c(x + r * 1.1)} ${c(y + r * 0.8)} L ${c(x - r * 1.1)} ${c(y + r * 0.8)} Z"` };
    case 'triangle-down':
      return { tag: 'path', attrs: `d="M ${c(x)} ${c(y + r * 1.2)} L ${c(x + r * 1.1)} ${c(y - r * 0.8)} L ${c(x - r * 1.1)} ${c(y - r * 0.8)} Z"` };
    case 'plus': {
      const a = r * 0.45;
      return {
        tag: 'path',
        attrs:
          `d="M ${c(x - a)} ${c(y - r)} H ${c(x + a)} V ${c(y - a)} H ${c(x + r)} V ${c(y + a)} H ${c(x + a)} V ${c(y + r)} ` +
          `H ${c(x - a)} V ${c(y + a)} H ${c(x - r)} V ${c(y - a)} H ${c(x - a)} Z"`,
      };
    }
  }
}
