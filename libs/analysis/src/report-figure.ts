// A figure of the report before it is drawn: its plot spec, its caption, and a key that names the
// same figure in another experiment's report, so a compare page can set figures of one key side by
// side on a shared y axis.

import type { Analysis } from './analysis-types';
import { compareStrings, WORST_CASE_KEY } from './aggregate';
import { criterionWithArm } from './pruning-arm';
import { escapeXml } from './svg/escape';
import type { PruningArm } from './types';
import { linePlot, type LinePlotSpec } from './svg/line-plot';

export interface Figure {
  /** Names the figure across experiments (compare pairs figures by it, whatever their pruning arms). */
  key: string;
  /**
   * The pruning arm of the figure's group ('' for micro-pruning elementwise and for figures over
   * several groups): with the key it names the figure in its own report, which may hold two arms.
   */
  arm: string;
  spec: LinePlotSpec;
  /** Plain text under the figure: what is plotted, how it is normalised, what the bands are. */
  caption: string;
  /** The env the figure belongs to. */
  env: string;
}

/** Palette indices that keep one quantity's colour in every figure of a page. */
export interface FigureColours {
  /** Clean return. */
  clean: number;
  attack(name: string): number;
}

/** Clean first (blue), then attacks by name; the worst case is black. */
export function figureColours(analyses: readonly Analysis[]): FigureColours {
  const names = [
    ...new Set(analyses.flatMap((a) => a.groups.flatMap((g) => g.targets.filter((t) => t.key !== WORST_CASE_KEY).map((t) => t.attack)))),
  ].sort(compareStrings);
  return {
    clean: 0,
    attack: (name) => (name === WORST_CASE_KEY ? 6 : 1 + (names.indexOf(name) % 5)),
  };
}

/** An element id from parts (letters, digits and dashes only). */
export function figureId(...parts: Array<string | number>): string {
  return parts
    .map((p) => String(p).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter((p) => p !== '')
    .join('-');
}

/** 'Hopper-v4 · κ 0.3 · magnitude', 'Hopper-v4 · κ 0 · magnitude one-shot' */
export function groupName(g: { env: string; kappa: number; criterion: string } & PruningArm): string {
  return `${g.env} · κ ${g.kappa} · ${criterionWithArm(g)}`;
}

/** The figure's element id in a report: its key, and its arm when there is one. */
export function figureElementId(f: Pick<Figure, 'key' | 'arm'>): string {
  return f.arm === '' ? f.key : figureId(f.key, f.arm);
}

/** The figure's SVG in a <figure> with its caption; `id` must be unique in the page. */
export function renderFigure(figure: Figure, id: string, yCover?: { min: number; max: number }): string {
  const svg = linePlot({ ...figure.spec, id, ...(yCover ? { yCover } : {}) });
  return `<figure class="figure" data-key="${escapeXml(figure.key)}">\n${svg}\n<figcaption>${escapeXml(figure.caption)}</figcaption>\n</figure>`;
}
