// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
// print as different tones.
export const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export function seriesColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
