// Which table cells are words rather than numbers, shared by every report table (report-html's,
// the paper's terms, the compare page) so that a long reason wraps in all of them alike.

/** Cells longer than this many characters wrap (numbers with their spread are shorter). */
const PROSE_CHARS = 32;

/** A cell of words (a reason, a list of labels) rather than a number: it may wrap, so the table stays narrow. */
export function isProse(cell: string): boolean {
  return cell.replace(/<[^>]*>/g, '').length > PROSE_CHARS;
}
