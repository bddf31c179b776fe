// The sweet-spot location study as files a results folder holds: summary.json (the whole result,
// full precision) and results.csv, one value per row in the manner of export-csv.ts (up to 10
// significant digits, booleans 1/0, a Stat as rows stat = mean, std, n), so RESULTS.md can quote
// either and test/results-md.test.ts can find the number.
//
// The criterion column carries the group's pruning arm when it is not micro-pruning elementwise
// ('magnitude one-shot', 'magnitude neuron'); summary.json's rows carry mode and structured then.
//
// Records and their metrics:
//   option                    slopeMaxSparsity, minGroups
//   source                    stat = index, value = the folder
//   location                  family, epsilonMultiple, keepFraction, seeds (space-separated), sweetSpot (the
//                             seed mean's), sweetSpotReason (when none), seedLocation (Stat over the seeds' own
//                             sweet spots), cleanKnee, cleanSlope, denseSurrogate, denseCrownMeanTv,
//                             denseCrownRadius (Stats), denseCrownLabel, observationDim, note (stat = index)
//   location-seed             stat = seed: sweetSpot (the seed's own; empty when none), ownBaseline, reason (when
//                             none), cleanSlope (the seed's own)
//   location-variance         target = scope (a family or 'all'): n, groups, withinCells, withinSeeds,
//                             pooledWithinStd, betweenStd, seedNoiseOfMeansStd, ratio, verdict, tooFewGroups
//   location-correlation      target = scope, metric = property: rho, n, groups, tooFewGroups, seedNoiseDominates, reason
//   location-seed-correlation the same over per-seed points (not independent within a group: sweet-spot-location.ts)

import { formatNumber } from './format';
import { armFields, criterionWithArm } from './pruning-arm';
import type { Stat } from './stats';
import type { LocationCorrelation, SweetSpotLocation } from './sweet-spot-location';

export const LOCATION_CSV_COLUMNS = ['record', 'source', 'env', 'kappa', 'criterion', 'target', 'epsilon', 'metric', 'stat', 'value'] as const;

type Row = Partial<Record<(typeof LOCATION_CSV_COLUMNS)[number], string | number | null>>;

export const LOCATION_FILES = { summary: 'summary.json', csv: 'results.csv' } as const;

export function locationSummaryJson(location: SweetSpotLocation): string {
  // a row names its arm only when it is not micro-pruning elementwise (pruning-arm.ts)
  const rows = location.rows.map(({ mode, structured, ...row }) => {
    const { source, env, kappa, criterion, ...rest } = row;
    return { source, env, kappa, criterion, ...armFields({ mode, structured }), ...rest };
  });
  return JSON.stringify({ ...location, rows }, null, 2) + '\n';
}

export function locationCsv(location: SweetSpotLocation): string {
  const rows: Row[] = [];
  rows.push({ record: 'option', metric: 'slopeMaxSparsity', value: location.options.slopeMaxSparsity });
  rows.push({ record: 'option', metric: 'minGroups', value: location.options.minGroups });
  location.sources.forEach((s, i) => rows.push({ record: 'source', stat: i, value: s }));
  for (const r of location.rows) {
    const at: Row = { record: 'location', source: r.source, env: r.env, kappa: r.kappa, criterion: criterionWithArm(r), target: r.target, epsilon: r.epsilon };
    const one = (metric: string, value: string | number | null) => rows.push({ ...at, metric, value });
    const stat = (metric: string, s: Stat | null) => statRows(at, metric, s, rows);
    one('family', r.family);
    one('epsilonMultiple', r.epsilonMultiple);
    one('keepFraction', r.keepFraction);
    one('seeds', r.seeds.join(' '));
    one('sweetSpot', r.sweetSpot);
    if (r.sweetSpotReason !== null) one('sweetSpotReason', r.sweetSpotReason);
    stat('seedLocation', r.seedLocation);
    one('cleanKnee', r.cleanKnee);
    stat('cleanSlope', r.cleanSlope);
    stat('denseSurrogate', r.denseSurrogate);
    stat('denseCrownMeanTv', r.denseCrownMeanTv);
    one('denseCrownLabel', r.denseCrownLabel);
    stat('denseCrownRadius', r.denseCrownRadius);
    one('observationDim', r.observationDim);
    r.notes.forEach((n, i) => rows.push({ ...at, metric: 'note', stat: i, value: n }));
    for (const p of r.perSeed) {
      const sat: Row = { ...at, record: 'location-seed', stat: p.seed };
      rows.push({ ...sat, metric: 'sweetSpot', value: p.sweetSpot });
      rows.push({ ...sat, metric: 'ownBaseline', value: p.ownBaseline ? 1 : 0 });
      if (p.reason !== null) rows.push({ ...sat, metric: 'reason', value: p.reason });
      rows.push({ ...sat, metric: 'cleanSlope', value: p.cleanSlope });
    }
  }
  for (const v of location.variance) {
    const at: Row = { record: 'location-variance', target: v.scope };
    for (const k of ['n', 'groups', 'withinCells', 'withinSeeds', 'pooledWithinStd', 'betweenStd', 'seedNoiseOfMeansStd', 'ratio', 'verdict'] as const) {
      rows.push({ ...at, metric: k, value: v[k] });
    }
    rows.push({ ...at, metric: 'tooFewGroups', value: v.tooFewGroups ? 1 : 0 });
  }
  correlationRows('location-correlation', location.correlations, rows);
  correlationRows('location-seed-correlation', location.seedCorrelations, rows);
  const lines = [LOCATION_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(LOCATION_CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

function correlationRows(record: string, correlations: readonly LocationCorrelation[], rows: Row[]): void {
  for (const c of correlations) {
    const at: Row = { record, target: c.scope, metric: c.property };
    rows.push({ ...at, stat: 'rho', value: c.rho });
    rows.push({ ...at, stat: 'n', value: c.n });
    rows.push({ ...at, stat: 'groups', value: c.groups });
    rows.push({ ...at, stat: 'tooFewGroups', value: c.tooFewGroups ? 1 : 0 });
    rows.push({ ...at, stat: 'seedNoiseDominates', value: c.seedNoiseDominates ? 1 : 0 });
    if (c.reason !== null) rows.push({ ...at, stat: 'reason', value: c.reason });
  }
}

/** A Stat as three rows; a missing one as a single empty mean, so the metric is still listed. */
function statRows(at: Row, metric: string, s: Stat | null, rows: Row[]): void {
  if (s === null) {
    rows.push({ ...at, metric, stat: 'mean', value: null });
    return;
  }
  rows.push({ ...at, metric, stat: 'mean', value: s.mean });
  rows.push({ ...at, metric, stat: 'std', value: s.std });
  rows.push({ ...at, metric, stat: 'n', value: s.n });
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
