// Every number of the analysis and of the grid points as one long ("tidy") CSV table: one value
// per row, the same columns for every kind of record, rows in the order of the Analysis (which is
// sorted) so the same inputs always give the same bytes. Numbers carry up to 10 significant
// digits; JSONL has them at full precision.

import { compareStrings, sortPoints } from './aggregate';
import type { Analysis, CertifySummary, GroupAnalysis } from './analysis-types';
import { formatNumber } from './format';
import type { Stat } from './stats';
import type { EvalResult, GridPointResult } from './types';

export const CSV_COLUMNS = ['record', 'env', 'kappa', 'criterion', 'sparsity', 'seed', 'target', 'step', 'metric', 'stat', 'value'] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export function toCsv(analysis: Analysis, points: readonly GridPointResult[]): string {
  const rows: Row[] = [];
  const o = analysis.options;
  rows.push({ record: 'option', metric: 'jStar', value: o.jStar });
  rows.push({ record: 'option', metric: 'keepFraction', value: o.keepFraction });
  rows.push({ record: 'option', metric: 'correlationAttack', value: o.correlationAttack });
  rows.push({ record: 'option', metric: 'pointCount', value: analysis.pointCount });
  analysis.warnings.forEach((w, i) => rows.push({ record: 'warning', stat: i, value: w }));

  for (const p of sortPoints(points)) pointRows(p, rows);
  for (const g of analysis.groups) groupRows(g, rows);
  for (const r of analysis.pooledCorrelations) {
    rows.push({ record: 'correlation', target: r.target, metric: `${r.bound}.rho`, value: r.rho });
    rows.push({ record: 'correlation', target: r.target, metric: `${r.bound}.n`, value: r.n });
  }

  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

function pointRows(p: GridPointResult, rows: Row[]): void {
  const at = { record: 'point', env: p.env, kappa: p.kappa, criterion: p.criterion, sparsity: p.sparsity, seed: p.seed };
  rows.push({ ...at, metric: 'label', value: p.label });
  evalRows(at, 'clean', p.clean, rows);
  const attacks = [...p.attacks].sort((a, b) => compareStrings(a.attack, b.attack) || a.epsilon - b.epsilon);
  for (const a of attacks) {
    evalRows({ ...at, target: `${a.attack}@${a.epsilon}` }, 'attack', a.result, rows);
  }
  if (p.certify) {
    const c = p.certify;
    for (const k of ['epsilon', 'lipschitzSurrogate', 'spectralProduct', 'globalTv'] as const) {
      rows.push({ ...at, metric: `certify.${k}`, value: c[k] });
    }
    const perState = [...c.perState].sort((a, b) => compareStrings(a.method.toLowerCase(), b.method.toLowerCase()));
    for (const ps of perState) {
      for (const k of ['meanTv', 'medianTv', 'maxTv', 'certifiedFraction', 'meanWidth'] as const) {
        rows.push({ ...at, metric: `certify.${ps.method.toLowerCase()}.${k}`, value: ps[k] });
      }
    }
  }
  for (const t of p.training) {
    for (const k of ['meanReturn', 'sparsity', 'lipschitzBound'] as const) {
      rows.push({ ...at, step: t.envSteps, metric: `training.${k}`, value: t[k] });
    }
  }
}

function evalRows(at: Row, prefix: string, r: EvalResult, rows: Row[]): void {
  for (const k of ['meanReturn', 'stdReturn', 'medianReturn', 'minReturn', 'maxReturn', 'meanLength'] as const) {
    rows.push({ ...at, metric: `${prefix}.${k}`, value: r[k] });
  }
  r.returns.forEach((v, i) => rows.push({ ...at, metric: `${prefix}.return`, stat: `episode${i}`, value: v }));
}

function statRows(at: Row, metric: string, s: Stat | null, rows: Row[]): void {
  if (s === null) return;
  rows.push({ ...at, metric, stat: 'mean', value: s.mean });
  rows.push({ ...at, metric, stat: 'std', value: s.std });
  rows.push({ ...at, metric, stat: 'n', value: s.n });
}

function certifyRows(at: Row, c: CertifySummary, rows: Row[]): void {
  statRows(at, 'certify.epsilon', c.epsilon, rows);
  statRows(at, 'certify.lipschitzSurrogate', c.lipschitzSurrogate, rows);
  statRows(at, 'certify.spectralProduct', c.spectralProduct, rows);
  statRows(at, 'certify.globalTv', c.globalTv, rows);
  for (const ps of c.perState) {
    for (const k of ['meanTv', 'medianTv', 'maxTv', 'certifiedFraction', 'meanWidth'] as const) {
      statRows(at, `certify.${ps.method}.${k}`, ps[k], rows);
    }
  }
}

function groupRows(g: GroupAnalysis, rows: Row[]): void {
  const at = { env: g.env, kappa: g.kappa, criterion: g.criterion };
  rows.push({ record: 'group', ...at, metric: 'baseline.sparsity', value: g.baseline.sparsity });
  rows.push({ record: 'group', ...at, metric: 'baseline.isDense', value: g.baseline.isDense ? 1 : 0 });
  rows.push({ record: 'group', ...at, metric: 'baseline.cleanMean', value: g.baseline.cleanMean });
  rows.push({ record: 'group', ...at, metric: 'jStar', stat: g.jStarSource, value: g.jStar });

  for (const c of g.conditions) {
    const cat = { record: 'condition', ...at, sparsity: c.sparsity };
    rows.push({ ...cat, metric: 'seeds', value: c.seeds.join(' ') });
    for (const s of c.perSeed) {
      const sat = { record: 'seed-score', ...at, sparsity: c.sparsity, seed: s.seed };
      rows.push({ ...sat, metric: 'reference', stat: s.ownBaseline ? 'own-dense-run' : 'dense-seed-mean', value: s.reference });
      rows.push({ ...sat, metric: 'cleanNormalised', value: s.cleanNormalised });
      for (const r of s.robust) {
        rows.push({ ...sat, target: r.target, metric: 'return', value: r.return });
        rows.push({ ...sat, target: r.target, metric: 'normalised', value: r.normalised });
      }
    }
    statRows(cat, 'clean', c.clean, rows);
    statRows(cat, 'cleanNormalised', c.cleanNormalised, rows);
    for (const r of c.robust) {
      statRows({ ...cat, target: r.target }, 'return', r.return, rows);
      statRows({ ...cat, target: r.target }, 'normalised', r.normalised, rows);
    }
    if (c.certify) certifyRows(cat, c.certify, rows);
  }

  for (const s of g.sweetSpots) {
    const sat = { record: 'sweet-spot', ...at, target: s.target };
    if (s.spot === null) {
      rows.push({ ...sat, metric: 'reason', value: s.reason });
      continue;
    }
    const spot = s.spot;
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'score', value: spot.score });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'cleanRetention', value: spot.cleanRetention });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'robustNormalised', value: spot.robustNormalised });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'keepsClean', value: spot.keepsClean ? 1 : 0 });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'robustReturn', value: spot.robustReturn });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'baselineRobustReturn', value: spot.baselineRobustReturn });
    rows.push({ ...sat, sparsity: spot.sparsity, metric: 'robustnessGainPercent', value: spot.robustnessGainPercent });
  }

  for (const r of g.regret) {
    const rat = { record: 'regret', ...at, sparsity: r.sparsity, target: r.target };
    rows.push({ ...rat, metric: 'jStar', value: r.jStar });
    statRows(rat, 'baselineCleanRegret', r.baselineCleanRegret, rows);
    statRows(rat, 'pruningLoss', r.pruningLoss, rows);
    statRows(rat, 'robustnessGap', r.robustnessGap, rows);
    statRows(rat, 'total', r.total, rows);
  }

  for (const r of g.correlations) {
    rows.push({ record: 'correlation', ...at, target: r.target, metric: `${r.bound}.rho`, value: r.rho });
    rows.push({ record: 'correlation', ...at, target: r.target, metric: `${r.bound}.n`, value: r.n });
    for (const p of r.points) {
      const pat = { record: 'correlation-point', ...at, sparsity: p.sparsity, target: r.target };
      rows.push({ ...pat, metric: `${r.bound}.boundDecrease`, value: p.boundDecrease });
      rows.push({ ...pat, metric: `${r.bound}.robustGainPercent`, value: p.robustGainPercent });
    }
  }

  for (const t of g.training) {
    for (const p of t.points) {
      const tat = { record: 'training', ...at, sparsity: t.sparsity, step: p.envSteps };
      statRows(tat, 'meanReturn', p.meanReturn, rows);
      statRows(tat, 'sparsity', p.sparsity, rows);
      statRows(tat, 'lipschitzBound', p.lipschitzBound, rows);
    }
  }
}

/** RFC 4180 cell: numbers formatted, text quoted when it holds a comma, quote, line break or edge space. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
