// What produced a report: code, runtime, kernels, dependencies, spec, trace and stage counts. The
// orchestrator gathers it (it knows the ledger and the process); this file only types and renders
// it. None of it is a timestamp, so a report stays byte-identical for the same inputs and code.

import { escapeXml as esc } from './svg/escape';

export interface StageCounts {
  total: number;
  /** Stages whose work ran in this experiment. */
  run: number;
  /** Stages whose result came from the stage cache. */
  cached: number;
  failed: number;
  /** Not finished yet (pending or running). */
  unfinished: number;
}

export interface Provenance {
  rlpruneVersion: string;
  /** Commit of the source tree the orchestrator runs from; null when it is not a git checkout. */
  gitCommit: string | null;
  /** Uncommitted changes in that tree; null when unknown. */
  gitDirty: boolean | null;
  nodeVersion: string;
  /** NN kernels: 'native [<detail>]' or 'js', and how that was determined. */
  nnKernels: string;
  /** Versions of the dependencies that decide numbers (physics, transport), by package name. */
  dependencies: Record<string, string>;
  /** sha256 of the experiment's spec as submitted (YAML text), shortened. */
  specHash: string;
  /** Trace ids of the experiment's runs (the first run, then each resume), oldest first; empty when not traced. */
  traceIds: string[];
  /** How the trace ids were obtained, or why there are none. */
  traceNote: string;
  stages: StageCounts;
  /**
   * When the facts from rlpruneVersion to dependencies were recorded: 'submit', by the orchestrator
   * that created the experiment; 'publish' or 'report', by the process publishing it or writing this
   * report, for an experiment recorded before submissions kept them. Absent in provenance published
   * before this field existed (recorded when published; shown as before).
   */
  recordedAt?: 'submit' | 'publish' | 'report';
  /** Orchestrators with other facts that later resumed the experiment (its later stages ran on their code), oldest first. */
  resumedBy?: Array<Pick<Provenance, 'rlpruneVersion' | 'gitCommit' | 'gitDirty' | 'nodeVersion' | 'nnKernels' | 'dependencies'> & { at: string }>;
}

const RECORDED_LATE: Record<string, string> = {
  publish: ' (recorded when published, not when run)',
  report: ' (recorded when this report was written, not when run)',
};

/** An orchestrator that resumed the experiment: its commit, when, and what else differs from the facts above. */
function resumedHtml(p: Provenance, r: NonNullable<Provenance['resumedBy']>[number]): string {
  const others = [
    r.rlpruneVersion !== p.rlpruneVersion ? `rlprune ${esc(r.rlpruneVersion)}` : '',
    r.nodeVersion !== p.nodeVersion ? `Node.js ${esc(r.nodeVersion)}` : '',
    r.nnKernels !== p.nnKernels ? `NN kernels ${esc(r.nnKernels)}` : '',
    ...Object.entries(r.dependencies).map(([name, v]) => (v !== p.dependencies[name] ? `${esc(name)} ${esc(v)}` : '')),
  ].filter((x) => x !== '');
  const commit = r.gitCommit === null ? 'a tree that is not a git checkout' : `<code>${esc(r.gitCommit)}</code>${r.gitDirty ? ' (uncommitted changes in the tree)' : ''}`;
  return `resumed on ${commit} (${esc(r.at)})${others.length > 0 ? `: ${others.join(', ')}` : ''}`;
}

/** Partial report: the experiment has not finished; numbers cover the grid points finished so far. */
export interface PartialState {
  /** Experiment state in the ledger, e.g. 'running'. */
  state: string;
  stagesDone: number;
  stagesTotal: number;
  /** Grid points with a finished clean evaluation, i.e. in this report. */
  pointsReady: number;
  pointsTotal: number;
}

export function provenanceHtml(p: Provenance): string {
  const rows: Array<[string, string]> = [
    ['rlprune', esc(p.rlpruneVersion)],
    [
      'git commit',
      (p.gitCommit === null ? 'not a git checkout' : `<code>${esc(p.gitCommit)}</code>${p.gitDirty === null ? '' : p.gitDirty ? ' (uncommitted changes in the tree)' : ' (clean tree)'}`) +
        (RECORDED_LATE[p.recordedAt ?? ''] ?? ''),
    ],
    ...(p.resumedBy ?? []).map((r): [string, string] => ['later stages', resumedHtml(p, r)]),
    ['Node.js', esc(p.nodeVersion)],
    ['NN kernels', esc(p.nnKernels)],
    ...Object.entries(p.dependencies).map(([name, v]): [string, string] => [esc(name), esc(v)]),
    ['spec hash', `<code>${esc(p.specHash)}</code>`],
    ['trace id', p.traceIds.length === 0 ? esc(p.traceNote) : `${p.traceIds.map((t) => `<code>${esc(t)}</code>`).join(', ')} (${esc(p.traceNote)})`],
    [
      'stages',
      `${p.stages.total} in all: ${p.stages.run} run, ${p.stages.cached} cached, ${p.stages.failed} failed` +
        (p.stages.unfinished > 0 ? `, ${p.stages.unfinished} unfinished` : ''),
    ],
  ];
  return (
    '<section class="provenance" id="provenance"><h2>What produced this report</h2><table class="facts"><tbody>\n' +
    rows.map(([k, v]) => `<tr><th class="text">${k}</th><td class="text">${v}</td></tr>`).join('\n') +
    '\n</tbody></table></section>'
  );
}

export function partialHtml(p: PartialState): string {
  return (
    `<div class="partial" id="partial"><strong>Partial report.</strong> Experiment state: ${esc(p.state)}; ` +
    `${p.stagesDone} of ${p.stagesTotal} stages have finished, and ${p.pointsReady} of ${p.pointsTotal} grid points have results. ` +
    'Figures and tables show those points only; this page is rewritten as stages finish.</div>'
  );
}
