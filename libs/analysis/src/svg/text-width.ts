// Width of a line of SVG text, estimated without a browser so the layout (legend wrapping, label
// rows, title lines) is decided when the markup is written and stays byte-identical. The widths are
// DejaVu Sans's advance widths in em (the sans-serif font Chromium picks on Debian, and one of the
// widest common ones), rounded up, so real text is at most as wide as estimated on other fonts.

const NARROW = new Set([...'iljtfI.,:;!|\'()[] ']);
const WIDE = new Set([...'mwMW@%']);

/** Estimated width in pixels of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.36;
    else if (WIDE.has(ch)) em += 0.98;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else em += 0.64;
  }
  return em * fontSize;
}

/** Splits text at spaces into lines no wider than maxWidth (a single long word keeps its own line). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}
