// Loads the report in headless Chromium (Debian package `chromium`) and checks what a reader sees,
// measured in the browser's own layout: one comparison figure per (env, kappa, criterion) holding
// the clean curve and every attack's curve, a shaded seed band on every curve, a tooltip on every
// point, the sweet-spot label clear of every legend entry, title, tick and axis label, marker and
// other label (boxes from getBoundingClientRect) and above the plot area (so clear of every line),
// the provenance block; and that a second render is byte-identical. The report itself has no
// scripts: the measuring script is appended to a copy. Also prints the page to PDF and takes a
// screenshot a person can look at (RLPRUNE_KEEP_SCREENSHOT=path keeps it).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import type { Provenance } from './report-provenance';
import { syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';
import { writeReport } from './write-report';

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH under this name
    }
  }
  return null;
}

const chromium = findChromium();
if (!chromium) console.warn('report-chromium.test: no `chromium` on PATH (Debian package chromium); browser checks skipped');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-report-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function runChromium(args: string[]): string {
  const profile = fs.mkdtempSync(path.join(work, 'profile-'));
  return execFileSync(
    chromium!,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}

interface Measured {
  id: string;
  classes: string;
  series: Array<{ name: string; bands: number; points: number; untitled: number }>;
  untitledPoints: number;
  bandLabels: Box[];
  others: Box[];
  frame: Box;
}

// Runs in the page: boxes of every text, marker and label of every plot, as the browser laid them out.
const MEASURE = `
(() => {
  const box = (el, what) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, what }; };
  const plots = [...document.querySelectorAll('svg.plot')].map((svg) => ({
    id: svg.id,
    classes: svg.getAttribute('class'),
    series: [...svg.querySelectorAll('g.series')].map((g) => ({
      name: g.getAttribute('data-series'),
      bands: g.querySelectorAll('polygon.band').length,
      points: g.querySelectorAll('.point').length,
      untitled: [...g.querySelectorAll('.point')].filter((p) => !(p.querySelector('title') && p.querySelector('title').textContent.trim())).length,
    })),
    untitledPoints: [...svg.querySelectorAll('.point')].filter((p) => !(p.querySelector('title') && p.querySelector('title').textContent.trim())).length,
    bandLabels: [...svg.querySelectorAll('.band-label')].map((el) => box(el, 'band label ' + el.textContent)),
    others: [
      ...[...svg.querySelectorAll('.plot-title, .legend-text, .tick-label, .axis-label')].map((el) => box(el, (el.getAttribute('class') || '') + ' ' + el.textContent)),
      ...[...svg.querySelectorAll('.point, .highlight .marker')].map((el) => box(el, 'marker')),
    ],
    frame: box(svg.querySelector('rect.frame'), 'frame'),
  }));
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = JSON.stringify(plots);
  document.body.appendChild(pre);
})();
`;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const PROVENANCE: Provenance = {
  rlpruneVersion: '0.1.0',
  gitCommit: '0123456789abcdef0123456789abcdef01234567',
  gitDirty: true,
  nodeVersion: 'v20.0.0',
  nnKernels: 'native [avx2]',
  dependencies: { 'mujoco-js': '3.3.8', '@grpc/grpc-js': '1.14.0' },
  specHash: 'sha256:abcdef012345',
  traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
  traceNote: "the experiment span's trace",
  stages: { total: 40, run: 30, cached: 10, failed: 0, unfinished: 0 },
};

/** 3 seeds, 3 sparsities, 2 criteria, 2 attacks; the random criterion a little worse, so the curves differ. */
function grid(): GridPointResult[] {
  return syntheticPoints({
    criteria: ['magnitude', 'random'],
    sparsities: [0, 0.25, 0.5],
    seeds: [1, 2, 3],
    attacks: [
      { attack: 'random', epsilon: 0.075 },
      { attack: 'mad', epsilon: 0.075 },
    ],
  }).map((p) => {
    if (p.criterion !== 'random' || p.sparsity === 0) return p;
    const scale = (r: GridPointResult['clean']) => ({ ...r, meanReturn: r.meanReturn * 0.97, returns: r.returns.map((v) => v * 0.97) });
    return { ...p, clean: scale(p.clean), attacks: p.attacks.map((a) => ({ ...a, result: scale(a.result) })) };
  });
}

describe.skipIf(!chromium)('report in headless Chromium', () => {
  const points = grid();
  const analysis = analyse(points);
  const meta = { title: 'rlprune report (browser test)', experimentId: 'exp-browser', provenance: PROVENANCE };
  const report = writeReport(path.join(work, 'report'), analysis, points, meta);
  const measuredPage = path.join(work, 'report', 'measured.html');
  fs.writeFileSync(measuredPage, fs.readFileSync(report.htmlPath, 'utf8').replace('</body>', `<script>${MEASURE}</script>\n</body>`));
  const dom = runChromium(['--window-size=1560,1200', '--dump-dom', `file://${measuredPage}`]);
  const json = /<pre id="measured">([\s\S]*?)<\/pre>/.exec(dom)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plots = JSON.parse(json) as Measured[];

  it('draws one comparison figure per (env, kappa, criterion) with the clean curve and every attack', () => {
    const comparisons = plots.filter((p) => p.classes.split(' ').includes('plot-comparison'));
    expect(comparisons).toHaveLength(analysis.groups.length);
    expect(analysis.groups).toHaveLength(2);
    for (const p of comparisons) {
      const names = p.series.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['clean', 'random', 'mad']));
      for (const s of p.series) expect(s.points, `${p.id} ${s.name}`).toBe(3);
    }
  });

  it('shades a seed band on every curve of every comparison figure', () => {
    for (const p of plots.filter((pp) => pp.classes.includes('plot-comparison'))) {
      for (const s of p.series) expect(s.bands, `${p.id} ${s.name}`).toBe(1);
    }
  });

  it('gives every point of every figure a tooltip', () => {
    expect(plots.length).toBeGreaterThan(6);
    for (const p of plots) expect(p.untitledPoints, p.id).toBe(0);
    expect(plots.reduce((n, p) => n + p.series.reduce((m, s) => m + s.points, 0), 0)).toBeGreaterThan(50);
  });

  it('keeps the sweet-spot label clear of legends, titles, other labels, markers and lines', () => {
    const withLabels = plots.filter((p) => p.bandLabels.length > 0);
    expect(withLabels.length).toBeGreaterThanOrEqual(analysis.groups.length);
    for (const p of withLabels) {
      for (const label of p.bandLabels) {
        expect(label.width).toBeGreaterThan(20);
        // above the plot area, where every line is
        expect(label.y + label.height, `${p.id}: ${label.what}`).toBeLessThanOrEqual(p.frame.y);
        for (const other of [...p.others, ...p.bandLabels.filter((l) => l !== label)]) {
          expect(overlaps(label, other), `${p.id}: "${label.what}" overlaps "${other.what}"`).toBe(false);
        }
      }
    }
  });

  it('shows what produced the report at the top', () => {
    const provenance = dom.indexOf('id="provenance"');
    expect(provenance).toBeGreaterThan(0);
    expect(provenance).toBeLessThan(dom.indexOf('id="sweet-spots"'));
    for (const fact of [PROVENANCE.gitCommit!, 'uncommitted changes', 'native [avx2]', 'mujoco-js', '3.3.8', PROVENANCE.specHash, PROVENANCE.traceIds[0]!, '30 run, 10 cached, 0 failed']) {
      expect(dom).toContain(fact);
    }
    expect(JSON.parse(report.summaryJson).provenance).toEqual(PROVENANCE);
  });

  it('renders byte-identical files a second time', () => {
    const again = writeReport(path.join(work, 'again'), analyse(grid()), grid(), meta);
    expect(fs.readFileSync(again.htmlPath)).toEqual(fs.readFileSync(report.htmlPath));
    expect(again.summaryJson).toBe(report.summaryJson);
  });

  it('prints to PDF and renders a screenshot', () => {
    const pdf = path.join(work, 'report.pdf');
    runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${report.htmlPath}`]);
    const pdfBytes = fs.readFileSync(pdf);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfBytes.length).toBeGreaterThan(50_000);
    const png = path.join(work, 'report.png');
    runChromium(['--window-size=1560,1800', '--hide-scrollbars', `--screenshot=${png}`, `file://${report.htmlPath}`]);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000); // a blank page compresses to a few KB
    if (process.env.RLPRUNE_KEEP_SCREENSHOT) fs.copyFileSync(png, process.env.RLPRUNE_KEEP_SCREENSHOT);
  });
});
