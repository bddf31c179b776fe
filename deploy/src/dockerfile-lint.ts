// A Dockerfile linter for the rules this project states precisely (no hadolint here: Debian does not
// package it). Rules:
//   pinned-from     every external FROM names an exact version (a tag with MAJOR.MINOR.PATCH) or a
//                   sha256 digest; no `latest`, no bare major (`node:20`), no variables in FROM
//   multi-stage     at least two stages (build tools stay out of the runtime image)
//   non-root-user   the final stage ends with a USER that is neither root nor 0
//   copy-chown      every COPY of the final stage sets --chown (file ownership is a decision, not a default)
//   no-add-url      ADD never fetches a URL or git repository (unpinned, unchecked downloads)
//   no-healthcheck  no HEALTHCHECK (Kubernetes probes the gRPC health service instead)
import { InvalidArgumentError } from './errors';

export type DockerfileRule = 'pinned-from' | 'multi-stage' | 'non-root-user' | 'copy-chown' | 'no-add-url' | 'no-healthcheck';

export interface DockerfileFinding {
  rule: DockerfileRule;
  /** 1-based line where the instruction starts. */
  line: number;
  message: string;
}

export interface DockerInstruction {
  /** Upper-cased keyword, e.g. FROM. */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  args: string;
  line: number;
}

/** Splits a Dockerfile into instructions: comments dropped, backslash continuations joined. */
export function parseDockerfile(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let pending: { parts: string[]; line: number } | null = null;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    // comment lines inside a continuation are skipped by Docker too
    if (trimmed.startsWith('#') || (trimmed === '' && !pending)) return;
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    if (!pending) pending = { parts: [], line: i + 1 };
    if (part) pending.parts.push(part);
    if (continues) return;
    const joined = pending.parts.join(' ');
    const m = /^(\S+)\s*(.*)$/.exec(joined);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2], line: pending.line });
    pending = null;
  });
  if (pending) throw new InvalidArgumentError('dockerfile', 'no trailing line continuation', `"\\" at the end of line ${(pending as { line: number }).line}`);
  return out;
}

const EXACT_VERSION = /(^|[^0-9.])\d+\.\d+\.\d+([^0-9.]|$)/;
const DIGEST = /@sha256:[0-9a-f]{64}$/;

/** Why an image reference is not pinned, or null when it is. */
export function unpinnedReason(image: string): string | null {
  if (image.includes('$')) return `uses a build variable (${image}); the pinned version cannot be checked`;
  if (DIGEST.test(image)) return null;
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  if (colon < 0) return `has no tag (${image} means ${image}:latest)`;
  const tag = image.slice(colon + 1).replace(/@.*$/, '');
  if (tag === 'latest') return `uses the moving tag latest (${image})`;
  if (!EXACT_VERSION.test(tag)) return `tag "${tag}" is not an exact MAJOR.MINOR.PATCH version (${image})`;
  return null;
}

/** Options of an instruction (--name=value) and the rest of its arguments. */
function splitFlags(args: string): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (const token of args.split(/\s+/).filter(Boolean)) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(token);
    if (m && rest.length === 0) flags.set(m[1], m[2] ?? '');
    else rest.push(token);
  }
  return { flags, rest };
}

export function lintDockerfile(text: string): DockerfileFinding[] {
  if (typeof text !== 'string') throw new InvalidArgumentError('dockerfile', 'the Dockerfile text as a string', typeof text);
  const instructions = parseDockerfile(text);
  const findings: DockerfileFinding[] = [];
  const stageNames = new Set<string>();
  const stages: DockerInstruction[][] = [];

  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const { rest } = splitFlags(ins.args);
      const image = rest[0] ?? '';
      const asIndex = rest.findIndex((t) => t.toUpperCase() === 'AS');
      // FROM <earlier stage> and FROM scratch pull nothing
      if (!stageNames.has(image.toLowerCase()) && image !== 'scratch') {
        const reason = unpinnedReason(image);
        if (reason) findings.push({ rule: 'pinned-from', line: ins.line, message: `FROM ${reason}` });
      }
      if (asIndex >= 0 && rest[asIndex + 1]) stageNames.add(rest[asIndex + 1].toLowerCase());
      stages.push([ins]);
      continue;
    }
    if (stages.length > 0) stages[stages.length - 1].push(ins);
    if (ins.keyword === 'ADD') {
      const { rest } = splitFlags(ins.args);
      for (const src of rest.slice(0, -1)) {
        if (/^(https?|git):\/\//i.test(src) || /^git@/.test(src) || /\.git(#.*)?$/.test(src)) {
          findings.push({ rule: 'no-add-url', line: ins.line, message: `ADD fetches ${src}; download in a RUN step with a checksum, or COPY` });
        }
      }
    }
    if (ins.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(ins.args.trim())) {
      findings.push({ rule: 'no-healthcheck', line: ins.line, message: 'HEALTHCHECK is not used: Kubernetes probes the gRPC health service' });
    }
  }

  if (stages.length < 2) {
    findings.push({ rule: 'multi-stage', line: stages[0]?.[0].line ?? 1, message: `expected a multi-stage build (builder + runtime), got ${stages.length} stage(s)` });
  }
  const final = stages[stages.length - 1] ?? [];
  const users = final.filter((i) => i.keyword === 'USER');
  const lastUser = users[users.length - 1];
  const user = lastUser?.args.trim().split(':')[0];
  if (!lastUser || user === 'root' || user === '0') {
    findings.push({
      rule: 'non-root-user',
      line: lastUser?.line ?? final[0]?.line ?? 1,
      message: lastUser ? `the final stage runs as ${lastUser.args.trim()}; expected a non-root USER` : 'the final stage sets no USER, so it runs as root',
    });
  }
  for (const ins of final) {
    if (ins.keyword === 'COPY' && !splitFlags(ins.args).flags.has('chown')) {
      findings.push({ rule: 'copy-chown', line: ins.line, message: `COPY ${ins.args} in the final stage has no --chown` });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
