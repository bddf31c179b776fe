// The report of a results folder (results/<name>/): every published run's grid points analysed
// together, written beside them (report.html, results.csv, results.jsonl, summary.json, and each
// figure as figures/<id>.svg for documents such as RESULTS.md to show). It reads
// only the folder, so `rlprune report --from results/<name>` regenerates a committed report without a
// ledger or any service, byte for byte (the provenance shown is the runs', as their provenance.json
// says: the code that ran them, or for runs recorded before submissions kept it, the code that
// published them; never that of the code rendering it).
import type { ExperimentSpec } from '../spec/experiment-spec';
import { analyse, writeReport, writeReportFigures, type Analysis, type GridPointResult, type Provenance, type ReportMeta, type WrittenReport } from '@rlprune/analysis';
import { InvalidArgumentError } from '@rlprune/service-kit';
import { parseSpec } from '../spec/experiment-spec';
import { loadPublishedPoints } from './publish';

export function writePublishedReport(resultsDir: string): WrittenReport & { figures: string[]; runs: number; points: number } {
  const { analysis, points, meta, runs } = analysePublished(resultsDir);
  const written = writeReport(resultsDir, analysis, points, meta);
  return { ...written, figures: writeReportFigures(resultsDir, analysis), runs, points: points.length };
}

export interface PublishedAnalysis {
  /** The first run's spec name (the folder's runs are pieces of one spec). */
  name: string;
  analysis: Analysis;
  points: GridPointResult[];
  meta: ReportMeta;
  runs: number;
}

/** A results folder's published runs analysed together, as its report shows them (nothing written). */
export function analysePublished(resultsDir: string): PublishedAnalysis {
  const { points, runs } = loadPublishedPoints(resultsDir);
  const specs = runs.map((r) => ({ run: r.run, spec: parseSpec(r.yaml, undefined, { acceptOldNames: true }) }));
  const first = specs[0]!.spec;
  // Runs of one results folder are pieces of one grid: they must agree on what the analysis reads.
  for (const { run, spec } of specs) {
    if (JSON.stringify(spec.analysis) !== JSON.stringify(first.analysis)) {
      throw new InvalidArgumentError('from', `run ${run}'s analysis settings differ from run ${specs[0]!.run}'s: publish runs of one spec together`);
    }
  }
  const union = <T>(pick: (s: ExperimentSpec) => T[]) => [...new Set(specs.flatMap((s) => pick(s.spec)))];
  const provenances = runs.map((r) => r.provenance).filter((p): p is Provenance => p !== null);
  const meta: ReportMeta = {
    title: `rlprune: ${first.name}`,
    details: [
      { name: 'published runs', value: runs.map((r) => r.run).join(', ') },
      { name: 'environments', value: union((s) => s.envs).join(', ') },
      { name: 'seeds', value: union((s) => s.seeds).sort((a, b) => a - b).join(', ') },
      { name: 'training steps', value: union((s) => [s.train.total_timesteps]).join(', ') },
      { name: 'pruning', value: union((s) => [`${s.pruning.mode}, ${s.pruning.criteria.join('/')}, sparsities ${s.pruning.sparsities.join(', ')}`]).join('; ') },
    ],
    ...(provenances.length > 0 ? { provenance: mergeProvenance(provenances) } : {}),
  };
  const a = first.analysis;
  const analysis = analyse(points, { jStar: a.j_star, keepFraction: a.keep_fraction, normalise: a.normalise, horizon: a.horizon });
  return { name: first.name, analysis, points, meta, runs: runs.length };
}

/** One provenance for several runs: each fact once when they agree, every distinct value when not. */
function mergeProvenance(all: readonly Provenance[]): Provenance {
  const joined = (pick: (p: Provenance) => string | null) => [...new Set(all.map((p) => pick(p) ?? 'unknown'))].join(' + ');
  const dirty = all.map((p) => p.gitDirty);
  const dependencies: Record<string, string> = {};
  for (const name of [...new Set(all.flatMap((p) => Object.keys(p.dependencies)))].sort()) {
    dependencies[name] = joined((p) => p.dependencies[name] ?? null);
  }
  const sum = (k: keyof Provenance['stages']) => all.reduce((n, p) => n + p.stages[k], 0);
  // provenance published before recordedAt existed was recorded when published; it adds no field,
  // so an old folder renders as it did
  const recorded = all.some((p) => p.recordedAt !== undefined) ? all.map((p) => p.recordedAt ?? 'publish') : [];
  const resumedBy = all.flatMap((p) => p.resumedBy ?? []);
  return {
    rlpruneVersion: joined((p) => p.rlpruneVersion),
    gitCommit: joined((p) => p.gitCommit),
    gitDirty: dirty.includes(true) ? true : dirty.includes(null) ? null : false,
    nodeVersion: joined((p) => p.nodeVersion),
    nnKernels: joined((p) => p.nnKernels),
    dependencies,
    specHash: joined((p) => p.specHash),
    traceIds: all.flatMap((p) => p.traceIds),
    traceNote: `the published runs' traces (${all.length} run${all.length === 1 ? '' : 's'})`,
    stages: { total: sum('total'), run: sum('run'), cached: sum('cached'), failed: sum('failed'), unfinished: sum('unfinished') },
    // a run whose facts were recorded late makes the merged facts' note say so
    ...(recorded.length > 0 ? { recordedAt: recorded.includes('publish') ? 'publish' : recorded.includes('report') ? 'report' : 'submit' } : {}),
    ...(resumedBy.length > 0 ? { resumedBy } : {}),
  };
}
