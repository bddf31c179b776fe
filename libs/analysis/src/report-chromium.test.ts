// Loads the report in headless Chromium (Debian package `chromium`) and checks the browser sees the
// plots: every expected <svg> by id and class, with its data points, and the sweet-spot markers.
// Also renders a screenshot, which a person can look at to judge legibility.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { syntheticPoints } from './test-support/synthetic';
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

describe.skipIf(!chromium)('report in headless Chromium', () => {
  const points = syntheticPoints({ kappas: [0, 0.3] });
  const analysis = analyse(points);
  const report = writeReport(path.join(work, 'report'), analysis, points, { title: 'rlprune report (browser test)', experimentId: 'exp-browser' });
  const url = `file://${report.htmlPath}`;

  it('renders every plot with its data points and the sweet-spot markers', () => {
    const dom = runChromium(['--dump-dom', url]);
    const svgs = [...dom.matchAll(/<svg\b[^>]*\bid="([^"]+)"[^>]*\bclass="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)].map((m) => ({
      id: m[1]!,
      classes: m[2]!.split(/\s+/),
      body: m[3]!,
    }));
    const byId = new Map(svgs.map((s) => [s.id, s]));
    const sparsities = analysis.groups[0]!.conditions.length;

    analysis.groups.forEach((g, gi) => {
      for (const t of g.targets) {
        const id = `g${gi}-returns-${t.key.replace(/[^A-Za-z0-9]+/g, '-')}`;
        const plot = byId.get(id);
        expect(plot, id).toBeDefined();
        expect(plot!.classes).toContain('plot-returns');
        // clean, robust and score series: one marker per sparsity each
        expect(plot!.body.match(/<circle class="point"/g)).toHaveLength(3 * sparsities);
        const spot = g.sweetSpots.find((s) => s.target === t.key)!.spot!;
        expect(plot!.body).toContain(`<g class="highlight sweet-spot" data-x="${spot.sparsity}"`);
      }
      for (const kind of ['lipschitz', 'tv', 'training']) {
        const plot = byId.get(`g${gi}-${kind}`);
        expect(plot, `g${gi}-${kind}`).toBeDefined();
        expect(plot!.body.match(/<circle class="point"/g)!.length).toBeGreaterThanOrEqual(2 * sparsities);
      }
    });
    expect(svgs).toHaveLength(analysis.groups.length * (3 + 3));
    // The tables made it too: one row per condition in each group's returns table, sweet rows marked.
    expect(dom.match(/<tr class="sweet">/g)!.length).toBeGreaterThanOrEqual(analysis.groups.length);
  });

  it('renders a screenshot', () => {
    const png = path.join(work, 'report.png');
    runChromium(['--window-size=1400,1800', '--hide-scrollbars', `--screenshot=${png}`, url]);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000); // a blank page compresses to a few KB
    if (process.env.RLPRUNE_KEEP_SCREENSHOT) fs.copyFileSync(png, process.env.RLPRUNE_KEEP_SCREENSHOT);
  });
});
