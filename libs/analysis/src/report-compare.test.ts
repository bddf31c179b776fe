import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { columnLabel, renderComparePage, type CompareEntry } from './report-compare';
import { syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

/** A second experiment: same grid, returns scaled (e.g. a wider actor) and one criterion fewer. */
function scaled(points: GridPointResult[], factor: number): GridPointResult[] {
  const scale = (r: GridPointResult['clean']) => ({ ...r, meanReturn: r.meanReturn * factor, returns: r.returns.map((v) => v * factor) });
  return points.map((p) => ({ ...p, clean: scale(p.clean), attacks: p.attacks.map((a) => ({ ...a, result: scale(a.result) })) }));
}

describe('compare page', () => {
  const base = syntheticPoints({ criteria: ['magnitude', 'random'], sparsities: [0, 0.25, 0.5], seeds: [1, 2] });
  const entries: CompareEntry[] = [
    { id: 'exp-a', name: '64-64', analysis: analyse(base) },
    { id: 'exp-b', name: '256-256', analysis: analyse(scaled(base.filter((p) => p.criterion === 'magnitude'), 1.5)) },
  ];
  const html = renderComparePage(entries, 'rlprune compare');
  const rows = [...html.matchAll(/<div class="compare-row" data-key="([^"]+)"[^>]*>([\s\S]*?)\n<\/div>(?=\n<div class="compare-row"|\n<\/body>)/g)].map((m) => ({ key: m[1]!, body: m[2]! }));

  it('names the experiments A, B, ... and lists them first', () => {
    expect(columnLabel(0)).toBe('A');
    expect(columnLabel(25)).toBe('Z');
    expect(columnLabel(26)).toBe('AA');
    expect(html.indexOf('<code>exp-a</code>')).toBeLessThan(html.indexOf('id="side-by-side"'));
    expect(html).toContain('<code>exp-b</code>');
  });

  it('sets every figure of both reports side by side, one column each, on a shared y axis and plot height', () => {
    const both = rows.filter((r) => !r.body.includes('class="missing"'));
    expect(both.length).toBeGreaterThan(3);
    for (const r of both) {
      const svgs = [...r.body.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
      expect(svgs, r.key).toHaveLength(2);
      expect(svgs[0]).toMatch(/<title id="[^"]+">A · /);
      expect(svgs[1]).toMatch(/<title id="[^"]+">B · /);
      const ticks = (svg: string) => [...svg.matchAll(/<text class="tick-label" x="64"[^>]*>([^<]+)</g)].map((m) => m[1]);
      expect(ticks(svgs[1]!), r.key).toEqual(ticks(svgs[0]!));
      const frameHeight = (svg: string) => /<rect class="frame" [^>]*height="([^"]+)"/.exec(svg)![1];
      expect(frameHeight(svgs[1]!), r.key).toBe(frameHeight(svgs[0]!));
    }
    // B has no random-criterion figures (and so no criteria overlay): its column says so.
    const onlyA = rows.filter((r) => r.body.includes('class="missing"'));
    expect(onlyA.length).toBeGreaterThan(0);
    for (const r of onlyA) {
      expect(r.key.includes('random') || r.key.startsWith('overlay-criterion'), r.key).toBe(true);
      expect(r.body).toMatch(/<div class="missing">B: no such figure in 256-256<\/div>/);
    }
  });

  it('overlays the experiments in one plot per (env, kappa, criterion, attack)', () => {
    const overlays = [...html.matchAll(/<svg[^>]*class="plot plot-overlay plot-compare"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(overlays).toHaveLength(2); // magnitude only (B has no random criterion), random and mad attacks
    for (const svg of overlays) {
      for (const name of ['A: clean', 'B: clean']) expect(svg).toContain(`data-series="${name}"`);
    }
  });

  it('gives an experiment of two seeds a per-seed column beside its sweet spots, and one of one seed none', () => {
    const one: CompareEntry = { id: 'exp-c', name: 'one seed', analysis: analyse(base.filter((p) => p.seed === 1)) };
    const page = renderComparePage([entries[0]!, one], 'rlprune compare');
    const table = /<h2 id="sweet-spots">[\s\S]*?<\/table>/.exec(page)![0];
    const heads = [...table.matchAll(/<th class="text">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(['env', 'kappa', 'criterion', 'target', 'A: 64-64', 'A: per seed', 'B: one seed']);
    expect(page).toContain("per seed: each seed's own sweet spot");
    const mad = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1])).find((r) => r[2] === 'magnitude' && r[3] === 'mad@0.075')!;
    // seeds 1 and 2 of the synthetic grid find their own MAD sweet spot where the seed mean does
    expect(mad[5]).toBe('s1 25%, s2 25%');
    expect(mad).toHaveLength(7);
  });

  it('is byte-identical on a second render', () => {
    expect(renderComparePage(entries, 'rlprune compare')).toBe(html);
  });

  it('pairs micro-pruning and one-shot experiments of one (env, kappa, criterion), naming the arm, and keeps two arms of one experiment apart', () => {
    const grid = { sparsities: [0, 0.5], seeds: [1] };
    const micro = syntheticPoints(grid);
    const oneShot = scaled(syntheticPoints({ ...grid, arm: { mode: 'one_shot', structured: false } }), 0.9);
    const page = renderComparePage(
      [
        { id: 'curve', name: 'micro', analysis: analyse(micro) },
        { id: 'oneshot', name: 'one-shot', analysis: analyse(oneShot) },
      ],
      'rlprune compare',
    );
    const table = /<h2 id="sweet-spots">[\s\S]*?<\/table>/.exec(page)![0];
    const cells = (t: string) => [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
    const mad = cells(table).filter((r) => r[3] === 'mad@0.075');
    expect(mad).toHaveLength(1);
    expect(mad[0]![4]).not.toMatch(/one-shot/);
    expect(mad[0]![5]).toMatch(/^one-shot: \d+% \(score /);
    const overlay = /<svg[^>]*class="plot plot-overlay plot-compare"[\s\S]*?<\/svg>/.exec(page)![0];
    for (const name of ['A: clean', 'B one-shot: clean']) expect(overlay).toContain(`data-series="${name}"`);
    // figures pair across the arms, each titled with its own
    const row = /<div class="compare-row" data-key="returns-Hopper-v4-0-magnitude-0-075"[\s\S]*?\n<\/div>/.exec(page)![0];
    expect(row).toMatch(/<title id="c0-returns-Hopper-v4-0-magnitude-0-075-title">A · Hopper-v4 · κ 0 · magnitude · /);
    expect(row).toMatch(/<title id="c1-returns-Hopper-v4-0-magnitude-0-075-one-shot-title">B · Hopper-v4 · κ 0 · magnitude one-shot · /);

    // one experiment holding both arms: one cell with both, and one figure row per arm
    const both = renderComparePage(
      [
        { id: 'both', name: 'both arms', analysis: analyse([...micro, ...oneShot]) },
        { id: 'curve', name: 'micro', analysis: analyse(micro) },
      ],
      'rlprune compare',
    );
    const bothMad = cells(/<h2 id="sweet-spots">[\s\S]*?<\/table>/.exec(both)![0]).find((r) => r[3] === 'mad@0.075')!;
    expect(bothMad[4]).toMatch(/^\d+% \(score [^<]+\)<br>one-shot: \d+% \(score /);
    const returnsRows = [...both.matchAll(/<div class="compare-row" data-key="returns-Hopper-v4-0-magnitude-0-075"[\s\S]*?\n<\/div>/g)].map((m) => m[0]);
    expect(returnsRows).toHaveLength(2);
    expect(returnsRows[1]).toContain('B: no such figure in micro');

    // two experiments of one arm: the row's criterion names it, the cells and legends do not
    const same = renderComparePage(
      [
        { id: 'oneshot', name: 'one-shot', analysis: analyse(oneShot) },
        { id: 'oneshot-2', name: 'one-shot again', analysis: analyse(scaled(oneShot, 1.1)) },
      ],
      'rlprune compare',
    );
    const sameMad = cells(/<h2 id="sweet-spots">[\s\S]*?<\/table>/.exec(same)![0]).find((r) => r[3] === 'mad@0.075')!;
    expect(sameMad[2]).toBe('magnitude one-shot');
    expect(sameMad[4]).toMatch(/^\d+% \(score /);
    expect(same).toContain('data-series="B: clean"');
    expect(same).toMatch(/<title id="[^"]+">Hopper-v4 · κ 0 · magnitude one-shot · mad at ε = 0.075<\/title>/);
  });
});

