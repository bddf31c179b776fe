// Writes figures as SVG files of their own (figures/<id>.svg in a results folder), so a document
// (RESULTS.md, a paper draft) can show them without a page. A report's figure file is the report's
// inline <svg> with the same element id (report.html#<id> is the same figure); every file carries its
// caption as the SVG's <desc> and an XML declaration. File names come from the figures' ids and no
// file holds a timestamp, so regenerating from the same results gives byte-identical files; a figure
// no longer drawn has its file removed, so the folder never shows a stale one.

import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from './analysis-types';
import { figureColours, figureElementId } from './report-figure';
import { allFigures } from './report-plots';
import { linePlot, type LinePlotSpec } from './svg/line-plot';
import { writeFileAtomic } from './write-report';

export const FIGURES_DIR = 'figures';

/** A figure to write on its own: its file name and element id, its plot, its caption. */
export interface StandaloneFigure {
  id: string;
  spec: LinePlotSpec;
  caption: string;
}

/** Writes `<dir>/figures/<id>.svg` for each figure and removes any other .svg there; returns the paths in order. */
export function writeFigureFiles(dir: string, figures: readonly StandaloneFigure[]): string[] {
  const figuresDir = path.join(dir, FIGURES_DIR);
  fs.mkdirSync(figuresDir, { recursive: true });
  const written = figures.map((f) => {
    const file = path.join(figuresDir, `${f.id}.svg`);
    const svg = linePlot({ ...f.spec, id: f.id, description: f.caption });
    writeFileAtomic(file, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
    return file;
  });
  const keep = new Set(written.map((f) => path.basename(f)));
  for (const name of fs.readdirSync(figuresDir)) {
    if (name.endsWith('.svg') && !keep.has(name)) fs.rmSync(path.join(figuresDir, name));
  }
  return written;
}

/** Every figure of the analysis' report, in page order, as `<dir>/figures/<id>.svg`. */
export function writeReportFigures(dir: string, analysis: Analysis): string[] {
  const figures = allFigures(analysis, figureColours([analysis]));
  return writeFigureFiles(dir, figures.map((f) => ({ id: figureElementId(f), spec: f.spec, caption: f.caption })));
}
