import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { renderReportHtml } from './report-html';
import { syntheticPoints } from './test-support/synthetic';
import { FIGURES_DIR, writeReportFigures } from './write-figures';

const points = syntheticPoints({ kappas: [0, 0.3], criteria: ['magnitude', 'random'] });
const analysis = analyse(points);

describe('writeReportFigures', () => {
  const dirs: string[] = [];
  const tmp = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-figures-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('writes each figure of the report as the same <svg>, named by its id, with its caption as <desc>', () => {
    const html = renderReportHtml(analysis, points, { title: 'Figures' });
    const inPage = [...html.matchAll(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="([^"]+)"[\s\S]*?<\/svg>/g)];
    const files = writeReportFigures(tmp(), analysis);
    expect(files.map((f) => path.basename(f, '.svg'))).toEqual(inPage.map((m) => m[1]));
    expect(files.length).toBeGreaterThan(10);
    for (const [i, file] of files.entries()) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
      const desc = /<desc>([^<]*)<\/desc>\n/.exec(text);
      expect(desc).not.toBeNull();
      // the page's <figcaption> is the file's <desc>, and apart from it the file's SVG is the page's
      const caption = new RegExp(`id="${inPage[i]![1]}"[\\s\\S]*?</svg>\\n<figcaption>([^<]*)</figcaption>`).exec(html);
      expect(desc![1]).toBe(caption![1]);
      expect(text.replace(desc![0], '').replace(/^<\?xml[^\n]*\n/, '').trimEnd()).toBe(inPage[i]![0]);
    }
  });

  it('gives byte-identical files when run again, and removes the file of a figure no longer drawn', () => {
    const dir = tmp();
    const first = writeReportFigures(dir, analysis).map((f) => fs.readFileSync(f));
    const stale = path.join(dir, FIGURES_DIR, 'returns-gone.svg');
    fs.writeFileSync(stale, '<svg/>');
    fs.writeFileSync(path.join(dir, FIGURES_DIR, 'notes.txt'), 'kept: not a figure');
    const again = writeReportFigures(dir, analysis);
    expect(again.map((f) => fs.readFileSync(f)).every((b, i) => b.equals(first[i]!))).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(path.join(dir, FIGURES_DIR, 'notes.txt'))).toBe(true);

    const fewer = analyse(points.filter((p) => p.criterion === 'magnitude'));
    const left = writeReportFigures(dir, fewer).map((f) => path.basename(f));
    expect(fs.readdirSync(path.join(dir, FIGURES_DIR)).filter((n) => n.endsWith('.svg')).sort()).toEqual([...left].sort());
    expect(left.length).toBeLessThan(again.length);
    expect(left.filter((n) => n.startsWith('lipschitz-')).sort()).toEqual(['lipschitz-Hopper-v4-0-3-magnitude.svg', 'lipschitz-Hopper-v4-0-magnitude.svg']);
  });
});
