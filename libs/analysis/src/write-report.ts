// Writes the report files of one experiment into a directory: report.html, results.csv,
// results.jsonl and summary.json. File names are fixed and no file holds a timestamp, so the same
// spec and seeds give byte-identical files.

import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from './analysis-types';
import { toCsv } from './export-csv';
import { toJsonl } from './export-jsonl';
import { renderReportHtml, type ReportMeta } from './report-html';
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

export function writeReport(dir: string, analysis: Analysis, points: readonly GridPointResult[], meta: ReportMeta): WrittenReport {
  fs.mkdirSync(dir, { recursive: true });
  const htmlPath = path.join(dir, REPORT_FILES.html);
  const csvPath = path.join(dir, REPORT_FILES.csv);
  const jsonlPath = path.join(dir, REPORT_FILES.jsonl);
  const summaryPath = path.join(dir, REPORT_FILES.summary);
  const summaryJson = JSON.stringify(summarise(analysis), null, 2) + '\n';
  fs.writeFileSync(htmlPath, renderReportHtml(analysis, points, meta));
  fs.writeFileSync(csvPath, toCsv(analysis, points));
  fs.writeFileSync(jsonlPath, toJsonl(analysis, points));
  fs.writeFileSync(summaryPath, summaryJson);
  return { htmlPath, csvPath, jsonlPath, summaryPath, summaryJson };
}
