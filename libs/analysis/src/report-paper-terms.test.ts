import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { formatDisplay } from './format';
import { paperTermsSection } from './report-paper-terms';
import { syntheticCertificates, syntheticPoints } from './test-support/synthetic';

const points = syntheticPoints({ attacks: [{ attack: 'mad', epsilon: 0.075 }, { attack: 'mad', epsilon: 0.15 }] }).map((p) =>
  p.sparsity === 0.9 && p.seed === 2 ? { ...p, certify: syntheticCertificates(0.9, 2, [0.075, 0.15]).map((c) => ({ ...c, constant: true })) } : p,
);

/** Rows of the table under the heading with this id, as arrays of cell texts (tags stripped). */
function rowsAfter(html: string, id: string): string[][] {
  const from = html.indexOf(`id="${id}"`);
  const body = html.slice(html.indexOf('<tbody>', from), html.indexOf('</tbody>', from));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td(?: class="[^"]*")?>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

describe("the report's section on the paper's terms", () => {
  it('names the normalisation it used', () => {
    expect(paperTermsSection(analyse(points))).toContain('<code>own_dense</code>');
    expect(paperTermsSection(analyse(points, { normalise: 'dense_clean' }))).toContain('<code>dense_clean</code>');
  });

  it("shows each sweet spot with both gains, the certificates' epsilon named", () => {
    const a = analyse(points);
    const rows = rowsAfter(paperTermsSection(a), 'paper-sweet-spots');
    const g = a.groups[0]!;
    expect(rows).toHaveLength(g.sweetSpots.length);
    const mad015 = rows.find((r) => r[3] === 'mad (ε=0.15)')!;
    const spot = g.sweetSpots.find((s) => s.target === 'mad@0.15')!.spot!;
    expect(mad015[4]).toBe(`${spot.sparsity * 100}%`);
    // Three seeds: each seed's own sweet spot beside the seed-mean one.
    const perSeed = g.sweetSpots.find((s) => s.target === 'mad@0.15')!.perSeed;
    expect(mad015[5]).toBe(perSeed.map((p) => `s${p.seed} ${p.sparsity! * 100}%`).join(', '));
    expect(mad015[11]).toBe('ε=0.15');
    const crown = spot.certifiedGains.find((c) => c.method === 'crown')!;
    expect(mad015[13]).toContain(`${formatDisplay(crown.dense)} → ${formatDisplay(crown.sweet)}`);
    expect(mad015[13]).toContain(`+${formatDisplay(crown.gainPercent)}%`);
    // The dense surrogate at 0.15 is vacuous (1 - TV = 0): no percentage, the words instead (in full as a tooltip).
    expect(mad015[12]).toContain('(near-zero baseline, +0 pts)');
    expect(paperTermsSection(a)).toContain('title="gain over a near-zero baseline (dense certified robustness');
  });

  it('labels vacuous and constant certificates per epsilon', () => {
    const rows = rowsAfter(paperTermsSection(analyse(points)), 'paper-certificates');
    const dense015 = rows.find((r) => r[3] === '0%' && r[4] === 'ε=0.15')!;
    expect(dense015[8]).toBe('vacuous'); // surrogate
    expect(dense015[16]).toBe('vacuous'); // IBP
    expect(dense015[12]).toBe('ok'); // CROWN
    const s90 = rows.find((r) => r[3] === '90%' && r[4] === 'ε=0.075')!;
    expect(s90[12]).toBe('constant (1 of 3 seeds)');
  });

  it('shows the regret bounds with whether they hold, and the monotonicity counts', () => {
    const a = analyse(points);
    const html = paperTermsSection(a);
    const bounds = rowsAfter(html, 'paper-regret-bounds');
    expect(bounds).toHaveLength(a.groups[0]!.regretBounds.length);
    const pruned = bounds.find((r) => r[3] === '50%' && r[4] === 'mad (ε=0.075)')!;
    expect(pruned[8]).toBe('yes'); // action level
    expect(pruned[12]).toBe('yes vacuous'); // pruning loss at H = 1000
    const mono = rowsAfter(html, 'paper-monotonicity');
    expect(mono.map((r) => [r[3], r[4], r[5]])).toEqual([['25%', '18', '0'], ['50%', '18', '0'], ['75%', '18', '0'], ['90%', '18', '0']]);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });
});
