// The report's rows for the certified-gain correlations (certified-correlation.ts): per group and
// attack, the fall of the Lipschitz surrogate against the gain in certified robustness, on seed means
// and with the per-seed rhos' spread. Returns cells only; report-html lays them out like its other tables.

import type { Analysis, CertifiedCorrelationResult } from './analysis-types';
import { formatDisplay, formatNumber, formatPercent } from './format';
import { criterionWithArm } from './pruning-arm';
import { escapeXml as esc } from './svg/escape';

export const CERTIFIED_CORRELATION_HEAD = [
  'env', 'kappa', 'criterion', 'attack', 'bound', 'certified robustness of', 'points', 'Spearman rho (seed means)',
  'per-seed rho: mean [min, max] (seeds)', 'left out',
];

function spreadText(r: CertifiedCorrelationResult): string {
  if (r.seedSpread !== null) {
    const s = r.seedSpread;
    return `${formatDisplay(s.mean)} [${formatDisplay(s.min)}, ${formatDisplay(s.max)}] (${s.n})`;
  }
  const one = r.seeds.filter((s) => s.rho !== null);
  if (r.seeds.length < 2) return `– (${r.seeds.length} seed${r.seeds.length === 1 ? '' : 's'})`;
  return `– (${one.length} of ${r.seeds.length} seeds have a rho)`;
}

export function certifiedCorrelationRows(analysis: Analysis): string[][] {
  return analysis.groups.flatMap((g) =>
    g.certifiedCorrelations.map((r) => [
      esc(g.env), formatDisplay(g.kappa), esc(criterionWithArm(g)), esc(r.target), esc(r.bound),
      `${esc(r.method.toUpperCase())} at ε=${formatNumber(r.epsilon)}`, String(r.n),
      r.rho === null ? `– (${esc(r.reason ?? '')})` : formatDisplay(r.rho),
      spreadText(r),
      esc(r.excluded.map((e) => `${formatPercent(e.sparsity)} ${e.why}`).join(', ')),
    ]),
  );
}
