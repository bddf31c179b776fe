// What produced a report, gathered by the orchestrator (see Provenance in libs/analysis):
// - rlprune version: the root package.json (the orchestrator's own is the same version);
// - git commit and dirty flag of the source tree this process runs from, read once per process
//   (the code that runs is the code loaded at start); tracked files only count as dirty, so the
//   experiment home (.rlprune, untracked) does not. RLPRUNE_GIT_COMMIT stands in for an image built
//   without .git;
// - NN kernels: what libs/nn's selection gives on this machine and environment (the local trainer
//   runs here with the same environment; a cluster trainer may differ, which the line says);
// - versions of mujoco-js and @grpc/grpc-js as installed;
// - the sha256 of the spec text as submitted, the experiment's trace ids (recorded by the
//   experiment service when a run starts) and the stage counts from the ledger.
// The facts about the code are those the ledger recorded when the experiment was submitted, and of
// each orchestrator with other facts that resumed it (experiment_facts, ledger/schema.sql.ts): a
// report or a publish names the code that ran the experiment, not the code that reports it. Only an
// experiment recorded before submissions kept facts falls back to this process's, and says so.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Provenance, StageCounts } from '@rlprune/analysis';
import { nativeKernelsOrNull } from '@rlprune/nn';
import type { RecordedFacts, StageRow } from '../ledger/ledger';

/** The dependencies whose versions a report names. */
export const REPORTED_DEPENDENCIES = ['mujoco-js', '@grpc/grpc-js'] as const;

/** The part of a report's provenance that is a fact about this process and its code. */
export type ProcessFacts = Pick<Provenance, 'rlpruneVersion' | 'gitCommit' | 'gitDirty' | 'nodeVersion' | 'nnKernels' | 'dependencies'>;

let facts: ProcessFacts | null = null;

/** The directory holding the workspace's root package.json (name "rlprune"), or null. */
function workspaceRoot(from: string): string | null {
  let d = from;
  for (let i = 0; i < 8; i++) {
    const p = path.join(d, 'package.json');
    if (fs.existsSync(p) && (JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string }).name === 'rlprune') return d;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return null;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** Version of an installed package, looked up in node_modules from `from` upwards. */
function installedVersion(name: string, from: string): string {
  let d = from;
  for (let i = 0; i < 10; i++) {
    const p = path.join(d, 'node_modules', name, 'package.json');
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version ?? 'unknown';
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return 'not installed';
}

function kernels(): string {
  const forced = process.env.RLPRUNE_KERNELS;
  if (forced === 'js') return 'js (forced by RLPRUNE_KERNELS)';
  const native = nativeKernelsOrNull();
  if (forced === 'native') return native ? `native [${native.detail}] (forced by RLPRUNE_KERNELS)` : 'native requested by RLPRUNE_KERNELS, but the addon does not load';
  return native
    ? `native [${native.detail}] (the addon loads here; a trainer elsewhere may differ)`
    : 'js (the native addon does not load here; a trainer elsewhere may differ)';
}

/** The facts about this process and its code, gathered once. */
export function processFacts(): ProcessFacts {
  if (facts) return facts;
  const root = workspaceRoot(__dirname);
  let gitCommit: string | null = process.env.RLPRUNE_GIT_COMMIT || null;
  let gitDirty: boolean | null = null;
  if (!gitCommit && root) {
    gitCommit = git(root, ['rev-parse', 'HEAD']);
    const status = gitCommit ? git(root, ['status', '--porcelain', '--untracked-files=no']) : null;
    gitDirty = status === null ? null : status.length > 0;
  }
  facts = {
    rlpruneVersion: root ? ((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown') : 'unknown',
    gitCommit,
    gitDirty,
    nodeVersion: process.version,
    nnKernels: kernels(),
    dependencies: Object.fromEntries(REPORTED_DEPENDENCIES.map((d) => [d, installedVersion(d, __dirname)])),
  };
  return facts;
}

export function specHash(specYaml: string): string {
  return `sha256:${crypto.createHash('sha256').update(specYaml).digest('hex').slice(0, 16)}`;
}

export function stageCounts(stages: readonly StageRow[]): StageCounts {
  const succeeded = stages.filter((s) => s.state === 'succeeded');
  const cached = succeeded.filter((s) => s.cached).length;
  const failed = stages.filter((s) => s.state === 'failed').length;
  return { total: stages.length, run: succeeded.length - cached, cached, failed, unfinished: stages.length - succeeded.length - failed };
}

/**
 * The provenance of an experiment: `recorded` are the facts the ledger kept for it (oldest first);
 * without a submission's, this process's stand in, marked as recorded by `writer` (the publishing
 * process or the report writer).
 */
export function provenance(
  specYaml: string,
  stages: readonly StageRow[],
  traceIds: readonly string[],
  recorded: readonly RecordedFacts[],
  writer: 'publish' | 'report',
): Provenance {
  const submitted = recorded.find((r) => r.role === 'submit');
  const resumes = recorded.filter((r) => r.role === 'resume');
  return {
    ...(submitted ? pickFacts(submitted.facts) : processFacts()),
    specHash: specHash(specYaml),
    traceIds: [...traceIds],
    traceNote:
      traceIds.length > 0
        ? "trace of the experiment's span, one per run (first run, then each resume)"
        : 'not traced: tracing is off (set OTEL_EXPORTER_OTLP_ENDPOINT or RLPRUNE_SPAN_FILE)',
    stages: stageCounts(stages),
    recordedAt: submitted ? 'submit' : writer,
    ...(resumes.length > 0 ? { resumedBy: resumes.map((r) => ({ ...pickFacts(r.facts), at: r.at })) } : {}),
  };
}

/** The facts in their Provenance order (a ledger row is JSON, whatever wrote it). */
function pickFacts(f: ProcessFacts): ProcessFacts {
  return { rlpruneVersion: f.rlpruneVersion, gitCommit: f.gitCommit, gitDirty: f.gitDirty, nodeVersion: f.nodeVersion, nnKernels: f.nnKernels, dependencies: f.dependencies };
}
