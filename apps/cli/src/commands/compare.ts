// `rlprune compare ID ID [...]`: one HTML page with the same figures of several experiments side
// by side (and overlaid), written by the orchestrator from its ledger; prints the page's path.
// `rlprune compare DIR DIR [...] --to OUT`: the same page from results folders (their published
// runs), written into OUT without a ledger or any service.
import fs from 'node:fs';
import path from 'node:path';
import { analysePublished, writePublishedCompare } from '@rlprune/orchestrator';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { folderReason, isFolderError } from '../folder-errors';
import { connect } from '../local-or-remote';
import { COMPARE } from '../specs/experiments';

const isFolder = (arg: string) => fs.existsSync(arg) && fs.statSync(arg).isDirectory();

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(COMPARE, argv);
  const folders = args.filter(isFolder);
  if (folders.length > 0) {
    if (folders.length < args.length) {
      const ids = args.filter((a) => !isFolder(a));
      throw new UsageError(`rlprune compare: give experiment ids or results folders, not both (${ids.join(', ')} ${ids.length === 1 ? 'is not a folder' : 'are not folders'})`);
    }
    if (!values.to) throw new UsageError('rlprune compare: comparing results folders needs --to DIR (where to write the page)');
    let r;
    try {
      r = writePublishedCompare(folders.map((f) => path.resolve(f)), path.resolve(values.to));
    } catch (err) {
      throw isFolderError(err) ? folderArgumentError(err, folders) : err;
    }
    printPage(r, values.json);
    return 0;
  }
  if (values.to) throw new UsageError('rlprune compare: --to is for results folders; an experiments\' page is written under the home');
  const conn = await connect(values);
  try {
    const r = await conn.client.compare(args);
    printPage(r, values.json);
    return 0;
  } finally {
    await conn.close();
  }
}

/**
 * A results folder that could not be read, named as typed and by its place among the arguments
 * ("folder 2 (results/x)"). The page's writer does not say which folder failed: on this error path
 * each is read again until one fails.
 */
function folderArgumentError(err: unknown, folders: string[]): UsageError {
  for (const [i, folder] of folders.entries()) {
    try {
      analysePublished(path.resolve(folder));
    } catch (e) {
      return new UsageError(`rlprune compare: folder ${i + 1} (${folder}): ${folderReason(e, folder)}`);
    }
  }
  return new UsageError(`rlprune compare: ${folderReason(err, '')}`);
}

/** The page's path, or with --json the path and the page's summary. */
function printPage(r: { htmlPath: string; summaryJson: string; figures?: string[] }, json: boolean | undefined): void {
  const figures = r.figures ?? [];
  if (json) {
    console.log(JSON.stringify({ htmlPath: r.htmlPath, summary: JSON.parse(r.summaryJson) as unknown, ...(r.figures ? { figures } : {}) }, null, 2));
    return;
  }
  const lines = [`compare: ${r.htmlPath}`];
  if (figures.length > 0) lines.push(`figures: ${path.dirname(figures[0]!)} (${figures.length} SVG files, the page's overlays)`);
  console.log(lines.join('\n'));
}
