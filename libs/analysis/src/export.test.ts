import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { CSV_COLUMNS, toCsv } from './export-csv';
import { toJsonl } from './export-jsonl';
import { formatNumber } from './format';
import { parseCsv } from './test-support/csv';
import { syntheticPoints } from './test-support/synthetic';
import { DEFAULT_ARM, type GridPointResult } from './types';
import type { ReportSummary } from './summary';
import { REPORT_FILES, writeReport } from './write-report';

const points = syntheticPoints({ kappas: [0, 0.3], criteria: ['magnitude', 'random'] });
// A label that needs CSV quoting.
points[0] = { ...points[0]!, label: 'Hopper-v4, "first" point' };
const analysis = analyse(points);

describe('CSV export', () => {
  const rows = parseCsv(toCsv(analysis, points));
  const header = rows[0]!;
  const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));

  it('has a fixed header and the same number of cells in every row', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.filter((r) => r.length !== CSV_COLUMNS.length)).toEqual([]);
  });

  it('holds every clean and attacked return of every point, and every episode return', () => {
    for (const p of points) {
      const mine = body.filter((r) => r.record === 'point' && r.env === p.env && r.kappa === String(p.kappa) && r.criterion === p.criterion && r.sparsity === String(p.sparsity) && r.seed === String(p.seed));
      expect(mine.find((r) => r.metric === 'label')!.value).toBe(p.label);
      expect(mine.find((r) => r.metric === 'clean.meanReturn')!.value).toBe(formatNumber(p.clean.meanReturn));
      for (const a of p.attacks) {
        expect(mine.find((r) => r.metric === 'attack.meanReturn' && r.target === `${a.attack}@${a.epsilon}`)!.value).toBe(formatNumber(a.result.meanReturn));
      }
      expect(mine.filter((r) => r.metric === 'clean.return').map((r) => r.value)).toEqual(p.clean.returns.map((v) => formatNumber(v)));
      expect(mine.find((r) => r.metric === 'certify.crown.meanTv')!.value).toBe(formatNumber(p.certify[0]!.perState[1]!.meanTv));
    }
  });

  it('holds the sweet spots, regret terms and correlations of every group', () => {
    for (const g of analysis.groups) {
      const at = (r: Record<string, string>): boolean => r.env === g.env && r.kappa === String(g.kappa) && r.criterion === g.criterion;
      for (const s of g.sweetSpots) {
        const score = body.find((r) => at(r) && r.record === 'sweet-spot' && r.target === s.target && r.metric === 'score')!;
        expect(score.sparsity).toBe(String(s.spot!.sparsity));
        expect(score.value).toBe(formatNumber(s.spot!.score));
      }
      const regret = body.filter((r) => at(r) && r.record === 'regret' && r.metric === 'pruningLoss' && r.stat === 'mean');
      expect(regret).toHaveLength(g.regret.length);
      const rho = body.filter((r) => at(r) && r.record === 'correlation' && r.metric.endsWith('.rho') && !r.metric.startsWith('certified-gain.'));
      expect(rho.map((r) => r.value)).toEqual(g.correlations.map((c) => formatNumber(c.rho)));
      const certified = body.filter((r) => at(r) && r.record === 'correlation' && r.metric === 'certified-gain.crown.surrogate-lipschitz.rho');
      expect(certified.map((r) => [r.target, r.value])).toEqual(g.certifiedCorrelations.map((c) => [c.target, formatNumber(c.rho)]));
      const spread = body.filter((r) => at(r) && r.metric === 'certified-gain.crown.surrogate-lipschitz.seedRho');
      expect(spread.map((r) => r.stat)).toEqual(g.certifiedCorrelations.flatMap((c) => (c.seedSpread ? ['mean', 'min', 'max', 'n'] : [])));
    }
  });
});

describe('CSV export of the paper terms', () => {
  const rows = parseCsv(toCsv(analysis, points));
  const header = rows[0]!;
  const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
  const g = analysis.groups[0]!;
  const at = (r: Record<string, string>): boolean => r.env === g.env && r.kappa === String(g.kappa) && r.criterion === g.criterion;

  it('says which normalisation and horizon were used', () => {
    expect(body.find((r) => r.record === 'option' && r.metric === 'normalise')!.value).toBe('own_dense');
    expect(body.find((r) => r.record === 'option' && r.metric === 'horizon')!.value).toBe('1000');
  });

  it('has every certificate of a point at its own epsilon, with labels', () => {
    const p = points[0]!;
    const mine = body.filter((r) => r.record === 'point' && r.seed === String(p.seed) && r.sparsity === String(p.sparsity) && at(r));
    for (const c of p.certify) {
      const globalTv = mine.find((r) => r.metric === 'certify.globalTv' && r.epsilon === String(c.epsilon))!;
      expect(globalTv.value).toBe(formatNumber(c.globalTv));
      expect(mine.find((r) => r.metric === 'certify.crown.meanCertifiedRadius' && r.epsilon === String(c.epsilon))!.value).toBe(formatNumber(c.perState[1]!.meanCertifiedRadius));
    }
    // Dense at 0.15: global TV 1 and IBP certify nothing.
    expect(mine.find((r) => r.metric === 'certify.surrogate.label' && r.epsilon === '0.15')!.value).toBe('vacuous');
    expect(mine.find((r) => r.metric === 'certify.ibp.label' && r.epsilon === '0.15')!.value).toBe('vacuous');
    expect(mine.find((r) => r.metric === 'certify.crown.label' && r.epsilon === '0.075')!.value).toBe('ok');
    // each seed's certified robustness is 1 - its own mean TV, beside the seed mean of the condition
    const crown = p.certify.find((c) => c.epsilon === 0.075)!.perState.find((ps) => ps.method.toLowerCase() === 'crown')!;
    const seedRow = body.find((r) => r.record === 'seed-certificate' && at(r) && r.seed === String(p.seed) && r.sparsity === String(p.sparsity)
      && r.epsilon === '0.075' && r.metric === 'certified.crown.certifiedRobustness')!;
    expect(seedRow.value).toBe(formatNumber(1 - Math.min(1, crown.meanTv)));
  });

  it('has the certified and robust gains of every sweet spot, the regret bounds and the monotonicity counts', () => {
    for (const s of g.sweetSpots) {
      const spot = s.spot!;
      const gains = body.filter((r) => at(r) && r.record === 'certified-gain' && r.target === s.target);
      for (const cg of spot.certifiedGains) {
        expect(gains.find((r) => r.metric === `${cg.method}.gainPoints`)!.value).toBe(formatNumber(cg.gainPoints));
        expect(gains.find((r) => r.metric === `${cg.method}.gainPoints`)!.epsilon).toBe(String(cg.epsilon));
      }
      expect(body.find((r) => at(r) && r.record === 'sweet-spot' && r.target === s.target && r.metric === 'robustnessGainPoints')!.value).toBe(formatNumber(spot.robustnessGainPoints));
    }
    const holds = body.filter((r) => at(r) && r.record === 'regret-bound' && r.metric === 'actionShift.holds');
    expect(holds.map((r) => r.value)).toEqual(g.regretBounds.filter((b) => b.actionShift).map(() => '1'));
    const rises = body.filter((r) => at(r) && r.record === 'monotonicity' && r.metric === 'rises');
    expect(rises.map((r) => [r.sparsity, r.value])).toEqual(g.monotonicity.map((m) => [String(m.sparsity), '0']));
    const trace = body.filter((r) => at(r) && r.record === 'monotonicity-trace' && r.metric === 'after' && r.seed === '1' && r.sparsity === '0.5');
    expect(trace.map((r) => r.value)).toEqual(g.monotonicity.find((m) => m.sparsity === 0.5)!.traces[0]!.points.map((u) => formatNumber(u.after)));
  });
});

describe('JSONL export', () => {
  const records = toJsonl(analysis, points).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('gives back every input point exactly', () => {
    // the default arm is not written: a reader takes an absent arm as micro-pruning, elementwise
    const got = records.filter((r) => r.type === 'point').map(({ type: _type, ...rest }) => ({ ...DEFAULT_ARM, ...rest }) as unknown as GridPointResult);
    expect(records.some((r) => 'mode' in r || 'structured' in r)).toBe(false);
    expect(got).toHaveLength(points.length);
    // Attacks come sorted by (attack, epsilon) and per-state certificates by method.
    const byName = <T>(key: (x: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    for (const p of points) {
      const canonical = {
        ...p,
        attacks: [...p.attacks].sort(byName((a) => a.attack)),
        certify: p.certify.map((c) => ({ ...c, perState: [...c.perState].sort(byName((x) => x.method)) })),
      };
      expect(got.find((g) => g.label === p.label)).toEqual(canonical);
    }
  });

  it('keeps analysis numbers at full precision', () => {
    const conditions = records.filter((r) => r.type === 'condition');
    expect(conditions).toHaveLength(analysis.groups.reduce((n, g) => n + g.conditions.length, 0));
    const first = conditions[1] as unknown as { cleanNormalised: { mean: number } };
    expect(first.cleanNormalised.mean).toBe(analysis.groups[0]!.conditions[1]!.cleanNormalised!.mean);
  });
});

describe('writeReport', () => {
  const dirs: string[] = [];
  const tmp = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-analysis-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('writes byte-identical files for the same results, whatever their order', () => {
    const meta = { title: 'Determinism', experimentId: 'exp-42' };
    const a = writeReport(tmp(), analyse(points), points, meta);
    const shuffled = [...points].reverse();
    const b = writeReport(tmp(), analyse(shuffled), shuffled, meta);
    for (const key of ['htmlPath', 'csvPath', 'jsonlPath', 'summaryPath'] as const) {
      // Buffer.equals: a byte comparison (a deep toEqual over 10^5 bytes would take seconds).
      expect(fs.readFileSync(b[key]).equals(fs.readFileSync(a[key])), key).toBe(true);
    }
    expect(a.summaryJson).toBe(b.summaryJson);
    expect(path.basename(a.htmlPath)).toBe(REPORT_FILES.html);
  });

  it('puts no timestamp in any file', () => {
    const r = writeReport(tmp(), analysis, points, { title: 'No clock' });
    for (const file of [r.htmlPath, r.csvPath, r.jsonlPath, r.summaryPath]) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/);
    }
  });

  it('summarises sweet spots and pooled correlations in summary.json', () => {
    const r = writeReport(tmp(), analysis, points, { title: 'Summary' });
    const summary = JSON.parse(fs.readFileSync(r.summaryPath, 'utf8')) as ReportSummary;
    expect(summary.sweetSpots).toHaveLength(analysis.groups.length * 3);
    expect(summary.pooledCorrelations.map((c) => c.bound)).toEqual(['surrogate', 'crown-mean-tv', 'ibp-mean-tv', 'surrogate-lipschitz']);
    expect(summary.certifiedCorrelations).toHaveLength(analysis.groups.reduce((n, g) => n + g.certifiedCorrelations.length, 0));
    expect(summary.certifiedCorrelations.length).toBeGreaterThan(0);
    expect(summary.normalise).toBe('own_dense');
    expect(summary.monotonicity).toEqual({ updates: points.filter((p) => p.sparsity > 0).length * 6, rises: 0 });
    expect(summary.sweetSpots[0]!.certifiedGains.map((c) => c.method)).toEqual(['surrogate', 'crown', 'ibp']);
    expect(summary.regretBounds.actionShift.rows).toBe(summary.regretBounds.actionShift.holds);
    expect(JSON.parse(r.summaryJson)).toEqual(summary);
  });
});

describe('exports of a pruning arm other than micro-pruning elementwise', () => {
  const micro = syntheticPoints({ sparsities: [0, 0.5], seeds: [1] });
  const oneShot = syntheticPoints({ sparsities: [0, 0.5], seeds: [1], arm: { mode: 'one_shot', structured: false } });
  const both = [...micro, ...oneShot];
  const a = analyse(both);

  it('JSONL: its points and group records carry mode and structured, the default arm\'s none', () => {
    const records = toJsonl(a, both).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const points = records.filter((r) => r.type === 'point');
    expect(points.map((p) => [p.label, p.mode ?? null, p.structured ?? null])).toEqual([
      ['Hopper-v4/seed=1/kappa=0/magnitude/s=0', null, null],
      ['Hopper-v4/seed=1/kappa=0/magnitude/s=0.5', null, null],
      ['Hopper-v4/seed=1/kappa=0/magnitude/s=0', 'one_shot', false],
      ['Hopper-v4/seed=1/kappa=0/magnitude/s=0.5', 'one_shot', false],
    ]);
    const spots = records.filter((r) => r.type === 'sweet-spot' && r.target === 'mad@0.075');
    expect(spots.map((r) => r.mode ?? null)).toEqual([null, 'one_shot']);
  });

  it('CSV: its criterion cell names the arm, so its rows never read as the default arm\'s', () => {
    const rows = parseCsv(toCsv(a, both));
    const body = rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));
    const groups = body.filter((r) => r.record === 'group' && r.metric === 'baseline.cleanMean');
    expect(groups.map((r) => r.criterion)).toEqual(['magnitude', 'magnitude one-shot']);
    const labels = body.filter((r) => r.record === 'point' && r.metric === 'label' && r.sparsity === '0.5');
    expect(labels.map((r) => r.criterion)).toEqual(['magnitude', 'magnitude one-shot']);
  });
});
