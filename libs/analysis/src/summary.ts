// The short answer of an experiment (what GetReport returns inline): sweet spots and pooled
// correlations, without the per-condition tables.

import type { Analysis, SweetSpot } from './analysis-types';

export interface ReportSummary {
  pointCount: number;
  envs: string[];
  keepFraction: number;
  warnings: string[];
  sweetSpots: Array<{ env: string; kappa: number; criterion: string; target: string; spot: SweetSpot | null; reason: string | null }>;
  pooledCorrelations: Array<{ bound: string; target: string; rho: number | null; n: number; reason: string | null }>;
}

export function summarise(analysis: Analysis): ReportSummary {
  return {
    pointCount: analysis.pointCount,
    envs: analysis.envs,
    keepFraction: analysis.options.keepFraction,
    warnings: analysis.warnings,
    sweetSpots: analysis.groups.flatMap((g) =>
      g.sweetSpots.map((s) => ({ env: g.env, kappa: g.kappa, criterion: g.criterion, target: s.target, spot: s.spot, reason: s.reason })),
    ),
    pooledCorrelations: analysis.pooledCorrelations.map((r) => ({ bound: r.bound, target: r.target, rho: r.rho, n: r.n, reason: r.reason })),
  };
}
