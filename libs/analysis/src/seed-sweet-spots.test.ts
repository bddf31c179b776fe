import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { toCsv } from './export-csv';
import { toJsonl } from './export-jsonl';
import { renderReportHtml } from './report-html';
import { paperTermsSection } from './report-paper-terms';
import { summarise } from './summary';
import { parseCsv } from './test-support/csv';
import { evalOf, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

function point(seed: number, sparsity: number, clean: number, mad: number): GridPointResult {
  return {
    label: `${seed}/${sparsity}`, env: 'E', seed, kappa: 0, criterion: 'm', mode: 'during', structured: false, sparsity, clean: evalOf(clean),
    attacks: [{ attack: 'mad', epsilon: 0.1, result: evalOf(mad) }],
    certify: [], parameterPath: null, training: [], maskUpdates: [],
  };
}

// Seed 1: dense clean 1000 / MAD 400. Own scores: 30% (0.98 + 1.5) / 2 = 1.24; 60% keeps only 80%.
// Seed 2, a weak dense run (600 / 300): every pruned policy keeps 150% of it; 60% scores (1.5 + 2) / 2 = 1.75.
const seed1 = [point(1, 0, 1000, 400), point(1, 0.3, 980, 600), point(1, 0.6, 800, 900)];
const seed2 = [point(2, 0, 600, 300), point(2, 0.3, 900, 330), point(2, 0.6, 900, 600)];
// Seed 3 has no dense run: normalised by the dense seed mean (800), it keeps 62.5% at best.
const seed3 = [point(3, 0.3, 500, 300), point(3, 0.6, 400, 350)];

const madSpot = (points: GridPointResult[]) => analyse(points).groups[0]!.sweetSpots.find((s) => s.target === 'mad@0.1')!;

describe("each seed's own sweet spot", () => {
  it('finds each seed its own location, where the seed mean sits elsewhere than one of them', () => {
    const s = madSpot([...seed1, ...seed2]);
    // Seed mean at 60%: mean retention (0.8 + 1.5) / 2 = 1.15 passes thanks to the weak dense seed.
    expect(s.spot!.sparsity).toBe(0.6);
    expect(s.spot!.score).toBeCloseTo(((0.8 + 1.5) / 2 + (2.25 + 2) / 2) / 2, 12);
    expect(s.perSeed.map((p) => [p.seed, p.ownBaseline, p.sparsity, p.reason])).toEqual([[1, true, 0.3, null], [2, true, 0.6, null]]);
    expect(s.perSeed[0]!.score).toBeCloseTo(1.24, 12);
    expect(s.perSeed[0]!.cleanRetention).toBeCloseTo(0.98, 12);
    expect(s.perSeed[1]!.score).toBeCloseTo(1.75, 12);
    expect(s.perSeed[1]!.cleanRetention).toBeCloseTo(1.5, 12);
    expect(s.locationRange).toEqual([0.3, 0.6]);
  });

  it('gives a seed with no qualifying sparsity no location, with the reason, and leaves it out of the range', () => {
    const s = madSpot([...seed1, ...seed2, ...seed3]);
    expect(s.perSeed.map((p) => p.sparsity)).toEqual([0.3, 0.6, null]);
    const third = s.perSeed[2]!;
    expect(third.ownBaseline).toBe(false);
    expect(third.score).toBeNull();
    expect(third.reason).toBe('no sparsity keeps 95% of the dense clean return (best retention 0.625 at s=0.3)');
    expect(s.locationRange).toEqual([0.3, 0.6]);
  });

  it("says why a seed's scores are undefined over its near-zero dense attacked return, and gives no range of one", () => {
    // Seed 2's dense MAD return 20 is under 5% of its dense clean 600.
    const s = madSpot([...seed1, point(2, 0, 600, 20), ...seed2.slice(1)]);
    expect(s.perSeed[0]!.sparsity).toBe(0.3);
    expect(s.perSeed[1]!.sparsity).toBeNull();
    expect(s.perSeed[1]!.reason).toMatch(/^the dense return under this attack is at or below 5% of the dense clean return, so own-dense scores are undefined/);
    expect(s.locationRange).toBeNull();
  });

  it("equals the sweet spot of an analysis of that seed alone, for every target", () => {
    const points = syntheticPoints({ seeds: [1, 2, 3] });
    const all = analyse(points).groups[0]!;
    for (const seed of [1, 2, 3]) {
      const alone = analyse(points.filter((p) => p.seed === seed)).groups[0]!;
      all.sweetSpots.forEach((s, k) => {
        const mine = s.perSeed.find((p) => p.seed === seed)!;
        const own = alone.sweetSpots[k]!;
        expect([mine.sparsity, mine.score, mine.cleanRetention, mine.reason]).toEqual([own.spot?.sparsity ?? null, own.spot?.score ?? null, own.spot?.cleanRetention ?? null, own.reason]);
        // One seed: its own sweet spot is the group's, and there is no spread.
        expect(own.perSeed).toHaveLength(1);
        expect(own.perSeed[0]!.sparsity).toBe(own.spot?.sparsity ?? null);
        expect(own.locationRange).toBeNull();
      });
    }
  });
});

describe("the seeds' sweet spots in the exports", () => {
  const points = [...seed1, ...seed2, ...seed3];
  const analysis = analyse(points);

  it('writes a seed-sweet-spot record per seed and the range on the sweet-spot record', () => {
    const rows = parseCsv(toCsv(analysis, points));
    const header = rows[0]!;
    const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
    const mad = body.filter((r) => r.target === 'mad@0.1');
    const seeds = mad.filter((r) => r.record === 'seed-sweet-spot');
    expect(seeds.map((r) => [r.seed, r.sparsity, r.metric, r.value])).toEqual([
      ['1', '0.3', 'ownBaseline', '1'], ['1', '0.3', 'score', '1.24'], ['1', '0.3', 'cleanRetention', '0.98'],
      ['2', '0.6', 'ownBaseline', '1'], ['2', '0.6', 'score', '1.75'], ['2', '0.6', 'cleanRetention', '1.5'],
      ['3', '', 'ownBaseline', '0'], ['3', '', 'reason', 'no sparsity keeps 95% of the dense clean return (best retention 0.625 at s=0.3)'],
    ]);
    const range = mad.filter((r) => r.record === 'sweet-spot' && r.metric === 'locationRange');
    expect(range.map((r) => [r.stat, r.value])).toEqual([['min', '0.3'], ['max', '0.6']]);
  });

  it('puts them in summary.json and results.jsonl', () => {
    const summary = summarise(analysis).sweetSpots.find((s) => s.target === 'mad@0.1')!;
    expect(summary.perSeed.map((p) => p.sparsity)).toEqual([0.3, 0.6, null]);
    expect(summary.locationRange).toEqual([0.3, 0.6]);
    const record = toJsonl(analysis, points).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.type === 'sweet-spot' && r.target === 'mad@0.1')!;
    expect(record.perSeed).toEqual(summary.perSeed);
    expect(record.locationRange).toEqual([0.3, 0.6]);
  });
});

describe("the report's per-seed column", () => {
  /** Header and cell texts (tags stripped) of the table after the element with this id. */
  function tableAfter(html: string, id: string): { head: string[]; rows: string[][] } {
    const from = html.indexOf(`id="${id}"`);
    const thead = html.slice(html.indexOf('<thead>', from), html.indexOf('</thead>', from));
    const body = html.slice(html.indexOf('<tbody>', from), html.indexOf('</tbody>', from));
    const text = (c: string): string => c.replace(/<[^>]+>/g, '');
    return {
      head: [...thead.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => text(m[1]!)),
      rows: [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => text(c[1]!))),
    };
  }

  it('lists where each seed puts its sweet spot when a group has two or more seeds', () => {
    const points = [...seed1, ...seed2, ...seed3];
    const a = analyse(points);
    for (const [html, id] of [[renderReportHtml(a, points, { title: 't' }), 'sweet-spots'], [paperTermsSection(a), 'paper-sweet-spots']] as const) {
      const { head, rows } = tableAfter(html, id);
      const col = head.indexOf('per seed');
      expect(col).toBe(head.indexOf('sweet spot') + 1);
      expect(rows.map((r) => r[col])).toEqual(['s1 30%, s2 60%, s3* none', 's1 30%, s2 60%, s3* none']);
      expect(html).toContain('title="no sparsity keeps 95% of the dense clean return (best retention 0.625 at s=0.3)"');
    }
  });

  it('is absent from a one-seed report', () => {
    const a = analyse(seed1);
    for (const [html, id] of [[renderReportHtml(a, seed1, { title: 't' }), 'sweet-spots'], [paperTermsSection(a), 'paper-sweet-spots']] as const) {
      const { head, rows } = tableAfter(html, id);
      expect(head).not.toContain('per seed');
      expect(rows[0]![4]).toBe('30%');
      expect(rows[0]).toHaveLength(head.length);
      expect(html).not.toContain("each seed's own sweet spot");
    }
  });
});
