// The "per seed" cell of the report's sweet-spot tables (report-html's and the paper's terms): where
// each seed's own sweet spot sits (seed-sweet-spots.ts), e.g. "s1 10%, s2 60%", so a reader sees
// whether the seeds agree on the location. Only tables of an analysis with a group of >= 2 seeds get
// the column: a one-seed report's tables stay as they were.

import type { Analysis, SeedSweetSpot, SweetSpotResult } from './analysis-types';
import { formatPercent } from './format';
import { escapeXml as esc } from './svg/escape';

/** What the column means, for the paragraph above a table that has it. */
export const PER_SEED_NOTE =
  "<p class=\"meta\">per seed: each seed's own sweet spot, the same rule applied to that seed's returns alone " +
  '(normalised by its own dense run; * marks a seed without one, normalised by the dense seed mean). ' +
  'Sweet spots far apart mean the seeds disagree on the location.</p>';

/** Whether some sweet spot has two or more seeds, and the tables get the per-seed column. */
export function showsPerSeed(analysis: Analysis): boolean {
  return analysis.groups.some((g) => g.sweetSpots.some((s) => s.perSeed.length >= 2));
}

function seedEntry(p: SeedSweetSpot): string {
  // The full reason and the borrowed baseline go in tooltips: inline they would widen the table.
  const seed = p.ownBaseline ? `s${p.seed}` : `<span title="no dense run of its own: normalised by the dense seed mean">s${p.seed}*</span>`;
  if (p.sparsity === null) return `${seed} <span class="note" title="${esc(p.reason ?? '')}">none</span>`;
  return `${seed} ${formatPercent(p.sparsity)}`;
}

/** "s1 10%, s2 60%" for a group of >= 2 seeds; '–' for one seed, whose own sweet spot is the group's. */
export function perSeedCell(s: SweetSpotResult): string {
  if (s.perSeed.length < 2) return '–';
  return s.perSeed.map(seedEntry).join(', ');
}
