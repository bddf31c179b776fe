// Errors from reading a results folder, in the words the user typed. The orchestrator's readers of
// published runs (published-report.ts, publish.ts) name the folder by the field "from" and start
// their reason with its path ("from: /abs/results/x holds no published runs"), which reads wrong for
// `rlprune compare DIR DIR` (the folders are positional arguments) and says the path twice.
import path from 'node:path';

/** Why reading `folder` failed, without the field name and without the folder's path in front. */
export function folderReason(err: unknown, folder: string): string {
  const e = err as Error & { field?: string };
  const text = e.field === 'from' && e.message.startsWith('from: ') ? e.message.slice('from: '.length) : e.message;
  for (const p of [folder, path.resolve(folder)]) if (text.startsWith(`${p} `)) return text.slice(p.length + 1);
  return text;
}

/** Whether `err` is about the results folder(s) as a whole or one of them (the readers' field "from"). */
export function isFolderError(err: unknown): boolean {
  return (err as { field?: string }).field === 'from';
}
