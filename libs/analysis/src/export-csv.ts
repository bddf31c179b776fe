// Every number of the analysis and of the grid points as one long ("tidy") CSV table: one value
// per row, the same columns for every kind of record, rows in the order of the Analysis (which is
// sorted) so the same inputs always give the same bytes. Numbers carry up to 10 significant
// digits; JSONL has them at full precision. The criterion column carries the pruning arm when it is
// not micro-pruning elementwise ('magnitude one-shot', 'magnitude neuron': pruning-arm.ts). Booleans are 1/0; a Stat is three rows (stat mean,
// std, n). `epsilon` is the certificate's L-inf radius wherever a row is about a certificate.
//
// Records and their metrics:
//   option              jStar, keepFraction, correlationAttack, normalise ('own_dense' | 'dense_clean'), horizon, pointCount
//   warning             stat = index, value = text
//   point               label; clean.* / cleanSampled.* / attack.* (target = attack@eps): meanReturn, stdReturn, medianReturn,
//                       minReturn, maxReturn, meanLength, return (stat = episodeN); per epsilon:
//                       certify.{epsilon, lipschitzSurrogate, spectralProduct, globalTv, constant},
//                       certify.surrogate.label, certify.<method>.{meanTv, medianTv, maxTv, certifiedFraction,
//                       meanWidth, meanCertifiedRadius, label} (label: ok | vacuous | constant);
//                       parameterPath.{deltaNorm, lPar, measuredActionShift, sigmaMin}; maskUpdates.{count, rises};
//                       training.{meanReturn, sparsity, lipschitzBound} (step = env steps)
//   group               baseline.{sparsity, isDense, cleanMean}, jStar (stat = its source)
//   condition           seeds; clean, cleanNormalised (and cleanSampled, cleanSampledNormalised when evaluated); return, normalised (target); per epsilon: certify.* as
//                       above (Stats), certified.<method>.{certifiedRobustness, certifiedFraction,
//                       meanCertifiedRadius} (Stats), certified.<method>.excludedFromCorrelations, certify.constantSeeds
//   seed-score          reference (stat = own-dense-run | dense-seed-mean), cleanNormalised, (cleanSampled, cleanSampledNormalised), return, robustReference, normalised
//   seed-certificate    certified.<method>.{label, certifiedRobustness} per seed and epsilon
//   sweet-spot          reason (when none); score, cleanRetention, robustNormalised, keepsClean, robustReturn,
//                       baselineRobustReturn, baselineCleanReturn, robustnessGainPercent, robustnessGainPoints,
//                       robustnessGainNote, certificateEpsilon; unconstrained.{sparsity, score, cleanRetention};
//                       locationRange (stat = min | max) of the seeds' own sweet spots, when >= 2 seeds have one
//   seed-sweet-spot     one seed's own sweet spot (seed-sweet-spots.ts), sparsity = its location: ownBaseline, score,
//                       cleanRetention; reason (sparsity empty) instead of score and cleanRetention when it has none
//   certified-gain      <method>.{sweet, dense, gainPercent, gainPoints, sweetLabel, denseLabel, note} (sparsity = the sweet spot's)
//   regret              jStar, baselineCleanRegret, pruningLoss, robustnessGap, total
//   regret-bound        horizon; {actionShift, pruningLoss, robustnessGap}.{measured, bound} (Stats) and
//                       .{holds, holdsSeeds, vacuous, vacuousSeeds}; tvPar, tvCert (Stats); tvCertMethod; note (stat = index)
//   monotonicity        updates, rises, largestRelativeRise
//   monotonicity-trace  seed, step = gradient step: before, after, sparsity, envSteps; updates, downsampled (step empty)
//   correlation         <bound>.rho, <bound>.n; correlation-point <bound>.{boundDecrease, robustGainPercent};
//                       correlation-excluded <bound>.excluded = vacuous | constant | uncertified
//                       certified gain (certified-correlation.ts), name = certified-gain.<method>.<bound>:
//                       correlation <name>.{rho, n}, <name>.seedRho (stat = mean | min | max | n);
//                       correlation-seed <name>.{rho, n} per seed; correlation-point
//                       <name>.{boundDecrease, certifiedGainPoints}; correlation-excluded <name>.excluded
//   training            meanReturn, sparsity, lipschitzBound (Stats, step = env steps)

import { compareStrings, sortPoints } from './aggregate';
import type { Analysis, BoundCheck, CertifiedCorrelationResult, CertifySummary, CorrelationResult, GroupAnalysis, SweetSpotResult } from './analysis-types';
import { perStateLabel, surrogateLabel } from './certificates';
import { formatNumber } from './format';
import { criterionWithArm } from './pruning-arm';
import { rose } from './monotonicity';
import type { Stat } from './stats';
import type { EvalResult, GridPointResult } from './types';

export const CSV_COLUMNS = ['record', 'env', 'kappa', 'criterion', 'sparsity', 'seed', 'target', 'epsilon', 'step', 'metric', 'stat', 'value'] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

const flag = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

export function toCsv(analysis: Analysis, points: readonly GridPointResult[]): string {
  const rows: Row[] = [];
  const o = analysis.options;
  rows.push({ record: 'option', metric: 'jStar', value: o.jStar });
  rows.push({ record: 'option', metric: 'keepFraction', value: o.keepFraction });
  rows.push({ record: 'option', metric: 'correlationAttack', value: o.correlationAttack });
  rows.push({ record: 'option', metric: 'normalise', value: o.normalise });
  rows.push({ record: 'option', metric: 'horizon', value: o.horizon });
  rows.push({ record: 'option', metric: 'pointCount', value: analysis.pointCount });
  analysis.warnings.forEach((w, i) => rows.push({ record: 'warning', stat: i, value: w }));

  for (const p of sortPoints(points)) pointRows(p, rows);
  for (const g of analysis.groups) groupRows(g, rows);
  for (const r of analysis.pooledCorrelations) correlationRows({}, r, rows);

  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

function pointRows(p: GridPointResult, rows: Row[]): void {
  const at = { record: 'point', env: p.env, kappa: p.kappa, criterion: criterionWithArm(p), sparsity: p.sparsity, seed: p.seed };
  rows.push({ ...at, metric: 'label', value: p.label });
  evalRows(at, 'clean', p.clean, rows);
  if (p.cleanSampled) evalRows(at, 'cleanSampled', p.cleanSampled, rows);
  const attacks = [...p.attacks].sort((a, b) => compareStrings(a.attack, b.attack) || a.epsilon - b.epsilon);
  for (const a of attacks) {
    evalRows({ ...at, target: `${a.attack}@${a.epsilon}` }, 'attack', a.result, rows);
  }
  for (const c of p.certify) {
    const cat = { ...at, epsilon: c.epsilon };
    for (const k of ['epsilon', 'lipschitzSurrogate', 'spectralProduct', 'globalTv'] as const) {
      rows.push({ ...cat, metric: `certify.${k}`, value: c[k] });
    }
    rows.push({ ...cat, metric: 'certify.constant', value: flag(c.constant) });
    rows.push({ ...cat, metric: 'certify.surrogate.label', value: surrogateLabel(c) });
    const perState = [...c.perState].sort((a, b) => compareStrings(a.method.toLowerCase(), b.method.toLowerCase()));
    for (const ps of perState) {
      const m = ps.method.toLowerCase();
      for (const k of ['meanTv', 'medianTv', 'maxTv', 'certifiedFraction', 'meanWidth', 'meanCertifiedRadius'] as const) {
        rows.push({ ...cat, metric: `certify.${m}.${k}`, value: ps[k] });
      }
      rows.push({ ...cat, metric: `certify.${m}.label`, value: perStateLabel(c, ps) });
    }
  }
  if (p.parameterPath) {
    for (const k of ['deltaNorm', 'lPar', 'measuredActionShift', 'sigmaMin'] as const) {
      rows.push({ ...at, metric: `parameterPath.${k}`, value: p.parameterPath[k] });
    }
  }
  if (p.maskUpdates.length > 0) {
    rows.push({ ...at, metric: 'maskUpdates.count', value: p.maskUpdates.length });
    rows.push({ ...at, metric: 'maskUpdates.rises', value: p.maskUpdates.filter(rose).length });
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
  const cat = { ...at, epsilon: c.epsilon.mean };
  statRows(cat, 'certify.epsilon', c.epsilon, rows);
  statRows(cat, 'certify.lipschitzSurrogate', c.lipschitzSurrogate, rows);
  statRows(cat, 'certify.spectralProduct', c.spectralProduct, rows);
  statRows(cat, 'certify.globalTv', c.globalTv, rows);
  rows.push({ ...cat, metric: 'certify.constantSeeds', value: c.constantSeeds.join(' ') });
  for (const ps of c.perState) {
    for (const k of ['meanTv', 'medianTv', 'maxTv', 'certifiedFraction', 'meanWidth', 'meanCertifiedRadius'] as const) {
      statRows(cat, `certify.${ps.method}.${k}`, ps[k], rows);
    }
  }
  for (const m of c.methods) {
    statRows(cat, `certified.${m.method}.certifiedRobustness`, m.certifiedRobustness, rows);
    statRows(cat, `certified.${m.method}.certifiedFraction`, m.certifiedFraction, rows);
    statRows(cat, `certified.${m.method}.meanCertifiedRadius`, m.meanCertifiedRadius, rows);
    rows.push({ ...cat, metric: `certified.${m.method}.excludedFromCorrelations`, value: flag(m.excludedFromCorrelations) });
    c.seeds.forEach((seed, i) => {
      rows.push({ ...cat, record: 'seed-certificate', seed, metric: `certified.${m.method}.label`, value: m.labels[i] ?? null });
      rows.push({ ...cat, record: 'seed-certificate', seed, metric: `certified.${m.method}.certifiedRobustness`, value: m.seedValues[i] ?? null });
    });
  }
}

function checkRows(at: Row, name: string, c: BoundCheck | null, rows: Row[]): void {
  if (c === null) return;
  statRows(at, `${name}.measured`, c.measured, rows);
  statRows(at, `${name}.bound`, c.bound, rows);
  rows.push({ ...at, metric: `${name}.holds`, value: flag(c.holds) });
  rows.push({ ...at, metric: `${name}.holdsSeeds`, value: c.holdsSeeds });
  rows.push({ ...at, metric: `${name}.vacuous`, value: flag(c.vacuous) });
  rows.push({ ...at, metric: `${name}.vacuousSeeds`, value: c.vacuousSeeds });
}

/** A pooled correlation lists only rho and n: its points and exclusions are the groups' rows. */
function correlationRows(at: Row, r: CorrelationResult, rows: Row[]): void {
  rows.push({ record: 'correlation', ...at, target: r.target, metric: `${r.bound}.rho`, value: r.rho });
  rows.push({ record: 'correlation', ...at, target: r.target, metric: `${r.bound}.n`, value: r.n });
  if (r.scope === 'pooled') return;
  for (const p of r.points) {
    // a group's points: its criterion cell (with the arm) names them
    const pat = { record: 'correlation-point', env: p.env, kappa: p.kappa, criterion: at.criterion ?? p.criterion, sparsity: p.sparsity, target: r.target, epsilon: p.epsilon };
    rows.push({ ...pat, metric: `${r.bound}.boundDecrease`, value: p.boundDecrease });
    rows.push({ ...pat, metric: `${r.bound}.robustGainPercent`, value: p.robustGainPercent });
  }
  for (const x of r.excluded) {
    rows.push({ record: 'correlation-excluded', env: x.env, kappa: x.kappa, criterion: at.criterion ?? x.criterion, sparsity: x.sparsity, target: r.target, metric: `${r.bound}.excluded`, value: x.why });
  }
}

function certifiedCorrelationRows(at: Row, r: CertifiedCorrelationResult, rows: Row[]): void {
  const name = `certified-gain.${r.method}.${r.bound}`;
  const cat = { record: 'correlation', ...at, target: r.target, epsilon: r.epsilon };
  rows.push({ ...cat, metric: `${name}.rho`, value: r.rho });
  rows.push({ ...cat, metric: `${name}.n`, value: r.n });
  if (r.seedSpread !== null) {
    for (const k of ['mean', 'min', 'max', 'n'] as const) rows.push({ ...cat, metric: `${name}.seedRho`, stat: k, value: r.seedSpread[k] });
  }
  for (const sc of r.seeds) {
    rows.push({ ...cat, record: 'correlation-seed', seed: sc.seed, metric: `${name}.rho`, value: sc.rho });
    rows.push({ ...cat, record: 'correlation-seed', seed: sc.seed, metric: `${name}.n`, value: sc.n });
  }
  for (const p of r.points) {
    const pat = { ...cat, record: 'correlation-point', sparsity: p.sparsity };
    rows.push({ ...pat, metric: `${name}.boundDecrease`, value: p.boundDecrease });
    rows.push({ ...pat, metric: `${name}.certifiedGainPoints`, value: p.certifiedGainPoints });
  }
  for (const x of r.excluded) rows.push({ ...cat, record: 'correlation-excluded', sparsity: x.sparsity, metric: `${name}.excluded`, value: x.why });
}

function sweetSpotRows(at: Row, s: SweetSpotResult, rows: Row[]): void {
  const sat = { record: 'sweet-spot', ...at, target: s.target };
  if (s.unconstrained) {
    for (const k of ['sparsity', 'score', 'cleanRetention'] as const) {
      rows.push({ ...sat, metric: `unconstrained.${k}`, value: s.unconstrained[k] });
    }
  }
  if (s.locationRange !== null) {
    rows.push({ ...sat, metric: 'locationRange', stat: 'min', value: s.locationRange[0] });
    rows.push({ ...sat, metric: 'locationRange', stat: 'max', value: s.locationRange[1] });
  }
  if (s.spot === null) {
    rows.push({ ...sat, metric: 'reason', value: s.reason });
    return;
  }
  const spot = s.spot;
  const spat = { ...sat, sparsity: spot.sparsity };
  for (const k of ['score', 'cleanRetention', 'robustNormalised', 'robustReturn', 'baselineRobustReturn', 'baselineCleanReturn', 'robustnessGainPercent', 'robustnessGainPoints', 'robustnessGainNote', 'certificateEpsilon'] as const) {
    rows.push({ ...spat, metric: k, value: spot[k] });
  }
  rows.push({ ...spat, metric: 'keepsClean', value: flag(spot.keepsClean) });
  for (const cg of spot.certifiedGains) {
    const cgat = { ...spat, record: 'certified-gain', epsilon: cg.epsilon };
    for (const k of ['sweet', 'dense', 'gainPercent', 'gainPoints', 'sweetLabel', 'denseLabel', 'note'] as const) {
      rows.push({ ...cgat, metric: `${cg.method}.${k}`, value: cg[k] });
    }
  }
}

function seedSweetSpotRows(at: Row, s: SweetSpotResult, rows: Row[]): void {
  for (const p of s.perSeed) {
    const pat = { record: 'seed-sweet-spot', ...at, sparsity: p.sparsity, seed: p.seed, target: s.target };
    rows.push({ ...pat, metric: 'ownBaseline', value: flag(p.ownBaseline) });
    if (p.sparsity === null) {
      rows.push({ ...pat, metric: 'reason', value: p.reason });
      continue;
    }
    rows.push({ ...pat, metric: 'score', value: p.score });
    rows.push({ ...pat, metric: 'cleanRetention', value: p.cleanRetention });
  }
}

function groupRows(g: GroupAnalysis, rows: Row[]): void {
  const at = { env: g.env, kappa: g.kappa, criterion: criterionWithArm(g) };
  rows.push({ record: 'group', ...at, metric: 'baseline.sparsity', value: g.baseline.sparsity });
  rows.push({ record: 'group', ...at, metric: 'baseline.isDense', value: flag(g.baseline.isDense) });
  rows.push({ record: 'group', ...at, metric: 'baseline.cleanMean', value: g.baseline.cleanMean });
  rows.push({ record: 'group', ...at, metric: 'jStar', stat: g.jStarSource, value: g.jStar });

  for (const c of g.conditions) {
    const cat = { record: 'condition', ...at, sparsity: c.sparsity };
    rows.push({ ...cat, metric: 'seeds', value: c.seeds.join(' ') });
    for (const s of c.perSeed) {
      const sat = { record: 'seed-score', ...at, sparsity: c.sparsity, seed: s.seed };
      rows.push({ ...sat, metric: 'reference', stat: s.ownBaseline ? 'own-dense-run' : 'dense-seed-mean', value: s.reference });
      rows.push({ ...sat, metric: 'cleanNormalised', value: s.cleanNormalised });
      if (s.cleanSampled !== undefined) {
        rows.push({ ...sat, metric: 'cleanSampled', value: s.cleanSampled });
        rows.push({ ...sat, metric: 'cleanSampledNormalised', value: s.cleanSampledNormalised ?? null });
      }
      for (const r of s.robust) {
        rows.push({ ...sat, target: r.target, metric: 'return', value: r.return });
        rows.push({ ...sat, target: r.target, metric: 'robustReference', value: r.reference });
        rows.push({ ...sat, target: r.target, metric: 'normalised', value: r.normalised });
      }
    }
    statRows(cat, 'clean', c.clean, rows);
    statRows(cat, 'cleanNormalised', c.cleanNormalised, rows);
    if (c.cleanSampled) {
      statRows(cat, 'cleanSampled', c.cleanSampled, rows);
      statRows(cat, 'cleanSampledNormalised', c.cleanSampledNormalised ?? null, rows);
    }
    for (const r of c.robust) {
      statRows({ ...cat, target: r.target }, 'return', r.return, rows);
      statRows({ ...cat, target: r.target }, 'normalised', r.normalised, rows);
    }
    for (const cert of c.certificates) certifyRows(cat, cert, rows);
  }

  for (const s of g.sweetSpots) {
    sweetSpotRows(at, s, rows);
    seedSweetSpotRows(at, s, rows);
  }

  for (const r of g.regret) {
    const rat = { record: 'regret', ...at, sparsity: r.sparsity, target: r.target };
    rows.push({ ...rat, metric: 'jStar', value: r.jStar });
    statRows(rat, 'baselineCleanRegret', r.baselineCleanRegret, rows);
    statRows(rat, 'pruningLoss', r.pruningLoss, rows);
    statRows(rat, 'robustnessGap', r.robustnessGap, rows);
    statRows(rat, 'total', r.total, rows);
  }

  for (const b of g.regretBounds) {
    const bat = { record: 'regret-bound', ...at, sparsity: b.sparsity, target: b.target, epsilon: b.epsilon };
    rows.push({ ...bat, metric: 'horizon', value: b.horizon });
    checkRows(bat, 'actionShift', b.actionShift, rows);
    statRows(bat, 'tvPar', b.tvPar, rows);
    checkRows(bat, 'pruningLoss', b.pruningLoss, rows);
    statRows(bat, 'tvCert', b.tvCert, rows);
    rows.push({ ...bat, metric: 'tvCertMethod', value: b.tvCertMethod });
    checkRows(bat, 'robustnessGap', b.robustnessGap, rows);
    b.notes.forEach((n, i) => rows.push({ ...bat, metric: 'note', stat: i, value: n }));
  }

  for (const r of g.correlations) correlationRows(at, r, rows);
  for (const r of g.certifiedCorrelations) certifiedCorrelationRows(at, r, rows);

  for (const m of g.monotonicity) {
    const mat = { record: 'monotonicity', ...at, sparsity: m.sparsity };
    rows.push({ ...mat, metric: 'updates', value: m.updates });
    rows.push({ ...mat, metric: 'rises', value: m.rises });
    rows.push({ ...mat, metric: 'largestRelativeRise', value: m.largestRelativeRise });
    for (const t of m.traces) {
      const tat = { ...mat, record: 'monotonicity-trace', seed: t.seed };
      rows.push({ ...tat, metric: 'updates', value: t.updates });
      rows.push({ ...tat, metric: 'downsampled', value: flag(t.downsampled) });
      for (const u of t.points) {
        for (const k of ['before', 'after', 'sparsity', 'envSteps'] as const) rows.push({ ...tat, step: u.gradientStep, metric: k, value: u[k] });
      }
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
