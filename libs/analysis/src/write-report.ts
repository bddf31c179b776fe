// Writes the report files of one experiment into a directory: report.html, results.csv,
// results.jsonl and summary.json (the analysis summary plus what produced it and, while the
// experiment runs, the partial state). File names are fixed and no file holds a timestamp, so the
// same spec, seeds and code give byte-identical files. Each file is written to a temporary name and
// renamed, so a reader never sees half a report while a running experiment rewrites it.

import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from './analysis-types';
import { toCsv } from './export-csv';
import { toJsonl } from './export-jsonl';
import { renderPendingHtml, renderReportHtml, type ReportMeta } from './report-html';
import { summarise } from './summary';
import type { GridPointResult } from './types';

export const REPORT_FILES = {
  html: 'report.html',
  csv: 'results.csv',
  jsonl: 'results.jsonl',
  summary: 'summary.json',
} as const;

export interface WrittenReport {
  htmlPath: string;
  csvPath: string;
  jsonlPath: string;
  summaryPath: string;
  /** The text of summary.json (pretty-printed, newline-terminated). */
  summaryJson: string;
}

/** Writes through a temporary file in the same directory and renames it into place. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function summaryJsonText(analysis: Analysis, meta: ReportMeta): string {
  const summary = { ...summarise(analysis), provenance: meta.provenance ?? null, partial: meta.partial ?? null };
  return JSON.stringify(summary, null, 2) + '\n';
}

export function writeReport(dir: string, analysis: Analysis, points: readonly GridPointResult[], meta: ReportMeta): WrittenReport {
  fs.mkdirSync(dir, { recursive: true });
  const htmlPath = path.join(dir, REPORT_FILES.html);
  const csvPath = path.join(dir, REPORT_FILES.csv);
  const jsonlPath = path.join(dir, REPORT_FILES.jsonl);
  const summaryPath = path.join(dir, REPORT_FILES.summary);
  const summaryJson = summaryJsonText(analysis, meta);
  writeFileAtomic(htmlPath, renderReportHtml(analysis, points, meta));
  writeFileAtomic(csvPath, toCsv(analysis, points));
  writeFileAtomic(jsonlPath, toJsonl(analysis, points));
  writeFileAtomic(summaryPath, summaryJson);
  return { htmlPath, csvPath, jsonlPath, summaryPath, summaryJson };
}

/**
 * The report of an experiment with no analysable results yet (no grid point finished, or the
 * finished ones cannot be analysed yet): the heading, what produced it, the partial state and why.
 * Removes stale data files so nobody reads an older run's numbers as this one's.
 */
export function writePendingReport(dir: string, meta: ReportMeta, why: string): WrittenReport {
  fs.mkdirSync(dir, { recursive: true });
  const htmlPath = path.join(dir, REPORT_FILES.html);
  const csvPath = path.join(dir, REPORT_FILES.csv);
  const jsonlPath = path.join(dir, REPORT_FILES.jsonl);
  const summaryPath = path.join(dir, REPORT_FILES.summary);
  const summaryJson = JSON.stringify({ pending: why, provenance: meta.provenance ?? null, partial: meta.partial ?? null }, null, 2) + '\n';
  writeFileAtomic(htmlPath, renderPendingHtml(meta, why));
  for (const stale of [csvPath, jsonlPath]) fs.rmSync(stale, { force: true });
  writeFileAtomic(summaryPath, summaryJson);
  return { htmlPath, csvPath, jsonlPath, summaryPath, summaryJson };
}
