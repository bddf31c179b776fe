// The analyse stage: ledger results -> analysis -> report files under <home>/reports/<experiment>.
// A report can be written at any time: until every stage has succeeded it is partial (marked so)
// and covers the grid points whose clean evaluation has finished, with the attacks and
// certificates finished so far. Compare pages of several experiments go under
// <home>/reports/compare-<hash of the ids>. The experiment's trace ids are kept beside its report
// (traces.json), so a report written after a restart still names them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyse, renderComparePage, writeFileAtomic, writePendingReport, writeReport, type CompareEntry, type GridPointResult, type PartialState, type ReportMeta } from '@rlprune/analysis';
import { InvalidArgumentError, NotFoundError } from '@rlprune/service-kit';
import type { ExperimentRow, Ledger } from '../ledger/ledger';
import { gridPointResults } from '../pipeline/results';
import type { ExperimentSpec } from '../spec/experiment-spec';
import { provenance } from './report-provenance';

export interface ReportPaths {
  htmlPath: string;
  csvPath: string;
  jsonlPath: string;
  summaryJson: string;
}

/** The most experiments one compare page sets side by side (each is a 722 px column). */
export const MAX_COMPARED = 8;

/**
 * What a partial report can analyse: finished clean evaluations, with their finished sampled-action
 * clean evaluation, attacks and certificates.
 */
export function finishedResults(points: readonly GridPointResult[]): GridPointResult[] {
  return points
    .filter((p) => Number.isFinite(p.clean.meanReturn))
    .map(({ cleanSampled, ...p }) => ({
      ...p,
      ...(cleanSampled && Number.isFinite(cleanSampled.meanReturn) ? { cleanSampled } : {}),
      attacks: p.attacks.filter((a) => Number.isFinite(a.result.meanReturn)),
      certify: p.certify.filter((c) => Number.isFinite(c.lipschitzSurrogate) && Number.isFinite(c.globalTv)),
    }));
}

export class ReportWriter {
  constructor(
    private readonly ledger: Ledger,
    private readonly home: string,
  ) {}

  dir(experimentId: string): string {
    return path.join(this.home, 'reports', experimentId);
  }

  private experiment(id: string): ExperimentRow {
    const e = this.ledger.getExperiment(id);
    if (!e) throw new NotFoundError('id', `no experiment ${JSON.stringify(id)} in the ledger (see ListExperiments)`);
    return e;
  }

  /** Remembers the trace id of a run of the experiment (first run, then resumes). */
  recordTrace(experimentId: string, traceId: string): void {
    const ids = this.traceIds(experimentId);
    if (ids.includes(traceId)) return;
    fs.mkdirSync(this.dir(experimentId), { recursive: true });
    writeFileAtomic(path.join(this.dir(experimentId), 'traces.json'), JSON.stringify([...ids, traceId]) + '\n');
  }

  /** The trace ids recordTrace remembered, oldest first. */
  traceIds(experimentId: string): string[] {
    const file = path.join(this.dir(experimentId), 'traces.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as string[]) : [];
  }

  /** Points, analysis options and meta of an experiment in whatever state it is. */
  private gather(e: ExperimentRow): { points: GridPointResult[]; meta: ReportMeta; pointsTotal: number } {
    const spec = e.spec as ExperimentSpec;
    const stages = this.ledger.stages(e.id);
    const all = gridPointResults(this.ledger, e.id);
    const complete = stages.every((s) => s.state === 'succeeded');
    const points = complete ? all : finishedResults(all);
    const partial: PartialState | undefined = complete
      ? undefined
      : {
          state: e.state,
          stagesDone: stages.filter((s) => s.state === 'succeeded').length,
          stagesTotal: stages.length,
          pointsReady: points.length,
          pointsTotal: all.length,
        };
    const meta: ReportMeta = {
      title: `rlprune: ${spec.name}`,
      experimentId: e.id,
      details: [
        { name: 'environments', value: spec.envs.join(', ') },
        { name: 'seeds', value: spec.seeds.join(', ') },
        { name: 'training steps', value: String(spec.train.total_timesteps) },
        { name: 'pruning', value: `${spec.pruning.mode}, ${spec.pruning.criteria.join('/')}, sparsities ${spec.pruning.sparsities.join(', ')}` },
      ],
      provenance: provenance(e.specYaml, stages, this.traceIds(e.id), this.ledger.experimentFacts(e.id), 'report'),
      ...(partial ? { partial } : {}),
    };
    return { points, meta, pointsTotal: all.length };
  }

  private analysisOptions(spec: ExperimentSpec) {
    const a = spec.analysis as ExperimentSpec['analysis'] & { normalise?: 'own_dense' | 'dense_clean' };
    // A spec stored before normalise/horizon existed lacks them: analyse() fills the defaults.
    return { jStar: a.j_star, keepFraction: a.keep_fraction, normalise: a.normalise, horizon: a.horizon };
  }

  /**
   * Writes the experiment's report now: complete when every stage has succeeded, else partial.
   * A partial report whose finished points cannot be analysed yet (e.g. no dense run finished)
   * says so instead of failing.
   */
  write(experimentId: string): ReportPaths {
    const e = this.experiment(experimentId);
    const { points, meta } = this.gather(e);
    const dir = this.dir(experimentId);
    let written;
    if (points.length === 0) {
      written = writePendingReport(dir, meta, 'no grid point has finished its clean evaluation yet');
    } else {
      try {
        written = writeReport(dir, analyse(points, this.analysisOptions(e.spec as ExperimentSpec)), points, meta);
      } catch (err) {
        // A finished experiment that cannot be analysed is an error; an unfinished one may just lack a point yet.
        if (!meta.partial) throw err;
        written = writePendingReport(dir, meta, `the ${points.length} finished grid points cannot be analysed yet (${(err as Error).message})`);
      }
    }
    const paths = { htmlPath: written.htmlPath, csvPath: written.csvPath, jsonlPath: written.jsonlPath, summaryJson: written.summaryJson };
    writeFileAtomic(path.join(dir, 'paths.json'), JSON.stringify(paths));
    return paths;
  }

  /**
   * The report's paths. A finished experiment's report is read as written; an unfinished one's is
   * written now from the ledger, so `rlprune report` shows the latest results of a running experiment.
   */
  read(experimentId: string): ReportPaths {
    const e = this.experiment(experimentId);
    const file = path.join(this.dir(experimentId), 'paths.json');
    if (e.state === 'succeeded' && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ReportPaths;
    return this.write(experimentId);
  }

  /** One page with the figures of several experiments side by side, written under <home>/reports. */
  compare(ids: readonly string[]): ReportPaths {
    if (ids.length < 2) throw new InvalidArgumentError('ids', `needs two or more experiment ids, got ${ids.length}`);
    if (ids.length > MAX_COMPARED) throw new InvalidArgumentError('ids', `at most ${MAX_COMPARED} experiments fit one page, got ${ids.length}`);
    const entries: CompareEntry[] = ids.map((id) => {
      const e = this.experiment(id);
      const { points, meta } = this.gather(e);
      if (points.length === 0) throw new InvalidArgumentError('ids', `experiment ${id} has no finished grid point to compare yet`);
      return {
        id,
        name: e.name,
        analysis: analyse(points, this.analysisOptions(e.spec as ExperimentSpec)),
        ...(meta.provenance ? { provenance: meta.provenance } : {}),
        ...(meta.partial ? { partial: meta.partial } : {}),
      };
    });
    const dir = path.join(this.home, 'reports', `compare-${crypto.createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 12)}`);
    fs.mkdirSync(dir, { recursive: true });
    const htmlPath = path.join(dir, 'compare.html');
    writeFileAtomic(htmlPath, renderComparePage(entries, `rlprune compare: ${entries.map((x) => x.name).join(' vs ')}`));
    const summary = entries.map((x) => ({ id: x.id, name: x.name, partial: x.partial ?? null, provenance: x.provenance ?? null }));
    const summaryJson = JSON.stringify({ experiments: summary }, null, 2) + '\n';
    writeFileAtomic(path.join(dir, 'summary.json'), summaryJson);
    return { htmlPath, csvPath: '', jsonlPath: '', summaryJson };
  }
}
