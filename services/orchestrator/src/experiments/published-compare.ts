// The compare page of results folders (results/<name>/): each folder's published runs analysed as
// its report does, then the same page `rlprune compare ID ID` writes from a ledger (figures side by
// side and overlaid), written into an output folder with its overlays as figures/cmp-<key>.svg (for
// a document to show, as a report's figures). It reads only the folders, so a comparison of
// committed results (micro-pruning against one-shot, 64-64 against 256-256 actors) needs no ledger.
import fs from 'node:fs';
import path from 'node:path';
import { compareOverlayId, compareOverlays, renderComparePage, writeFigureFiles, writeFileAtomic, type CompareEntry } from '@rlprune/analysis';
import { InvalidArgumentError } from '@rlprune/service-kit';
import { analysePublished } from './published-report';
import { MAX_COMPARED } from './report';

export interface WrittenCompare {
  htmlPath: string;
  summaryJson: string;
  /** The page's overlays as figures/cmp-<key>.svg. */
  figures: string[];
}

export function writePublishedCompare(resultsDirs: readonly string[], outDir: string): WrittenCompare {
  if (resultsDirs.length < 2) throw new InvalidArgumentError('from', `needs two or more results folders, got ${resultsDirs.length}`);
  if (resultsDirs.length > MAX_COMPARED) throw new InvalidArgumentError('from', `at most ${MAX_COMPARED} results folders fit one page, got ${resultsDirs.length}`);
  const entries: CompareEntry[] = resultsDirs.map((dir) => {
    const p = analysePublished(dir);
    // a folder's name says what it holds (its runs may share one spec name with another folder's)
    return { id: path.basename(path.resolve(dir)), name: p.name, analysis: p.analysis, ...(p.meta.provenance ? { provenance: p.meta.provenance } : {}) };
  });
  fs.mkdirSync(outDir, { recursive: true });
  const htmlPath = path.join(outDir, 'compare.html');
  writeFileAtomic(htmlPath, renderComparePage(entries, `rlprune compare: ${entries.map((x) => x.id).join(' vs ')}`));
  const summary = entries.map((x) => ({ folder: x.id, name: x.name, provenance: x.provenance ?? null }));
  const summaryJson = JSON.stringify({ resultsFolders: summary }, null, 2) + '\n';
  writeFileAtomic(path.join(outDir, 'summary.json'), summaryJson);
  const figures = writeFigureFiles(outDir, compareOverlays(entries).map((f) => ({ id: compareOverlayId(f), spec: f.spec, caption: f.caption })));
  return { htmlPath, summaryJson, figures };
}
