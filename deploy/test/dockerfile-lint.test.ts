import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, lintDockerfile, parseDockerfile, unpinnedReason } from '../src';

const DOCKERFILE = path.resolve(__dirname, '..', 'docker', 'Dockerfile');
const real = fs.readFileSync(DOCKERFILE, 'utf8');
const rules = (text: string) => lintDockerfile(text).map((f) => f.rule);

const GOOD = ['FROM node:20.19.5-bookworm-slim AS build', 'RUN make', 'FROM node:20.19.5-bookworm-slim', 'COPY --from=build --chown=0:0 /a /a', 'USER 1000:1000', ''].join('\n');

describe('the project Dockerfile', () => {
  it('passes every rule', () => {
    expect(lintDockerfile(real)).toEqual([]);
  });

  it('fails when its base image loses the exact version', () => {
    const bad = real.replace('FROM node:24.22.3-bookworm-slim AS runtime', 'FROM node:24-bookworm-slim AS runtime');
    expect(bad).not.toBe(real);
    expect(lintDockerfile(bad)).toEqual([expect.objectContaining({ rule: 'pinned-from', message: expect.stringContaining('24-bookworm-slim') })]);
  });

  it('fails when the runtime stage drops its USER or copies without --chown', () => {
    expect(rules(real.replace('USER 1000:1000', ''))).toEqual(['non-root-user']);
    expect(rules(real.replace('COPY --from=builder --chown=root:root', 'COPY --from=builder'))).toEqual(['copy-chown']);
  });

  it('installs dependencies from every workspace manifest before the sources are copied (their own layer)', () => {
    const root = path.resolve(__dirname, '..', '..');
    const workspaces = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces.flatMap((w) =>
      w.endsWith('/*') ? fs.readdirSync(path.join(root, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w],
    );
    const steps = parseDockerfile(real).map((i) => `${i.keyword} ${i.args}`);
    const npmCi = steps.findIndex((s) => /^RUN npm ci\b/.test(s));
    const sources = steps.findIndex((s) => /^COPY --chown=node:node \. \.$/.test(s));
    expect(npmCi).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(npmCi);
    const before = steps.slice(0, npmCi).join('\n');
    for (const w of workspaces.filter((w) => fs.existsSync(path.join(root, w, 'package.json')))) expect(before, w).toContain(` ${w}/package.json ${w}/`);
    expect(before).toContain('package-lock.json');
    // the ignore file keeps what those steps copy
    const ignore = fs.readFileSync(path.join(root, 'deploy', 'docker', 'Dockerfile.dockerignore'), 'utf8');
    expect(ignore).toContain('!deploy/package.json');
    expect(ignore).toContain('!deploy/docker/compile-js.mjs');
    // no image needs the CLI's sources, only the manifest npm ci reads
    expect(ignore).toMatch(/^apps$/m);
    expect(ignore).toContain('!apps/cli/package.json');
  });

  it('compiles the sources and starts the service from JavaScript, not through tsx', () => {
    expect(real).toMatch(/RUN node deploy\/docker\/compile-js\.mjs/);
    expect(real).toContain('ENTRYPOINT ["node"]');
    expect(real).toContain('CMD ["service-main.js"]');
    expect(real).not.toMatch(/--import", "tsx/);
  });

  it('only the final stage must run as non-root (the builder may switch users)', () => {
    const stages = parseDockerfile(real).filter((i) => i.keyword === 'FROM');
    expect(stages).toHaveLength(2);
  });
});

describe('lintDockerfile rules', () => {
  it('accepts a minimal multi-stage, pinned, non-root file', () => {
    expect(lintDockerfile(GOOD)).toEqual([]);
  });

  it('pinned-from: latest, no tag, bare major, variables are unpinned; exact versions and digests are pinned', () => {
    expect(unpinnedReason('node:latest')).toContain('latest');
    expect(unpinnedReason('node')).toContain('no tag');
    expect(unpinnedReason('node:20')).toContain('not an exact');
    expect(unpinnedReason('node:20.19-slim')).toContain('not an exact');
    expect(unpinnedReason('$BASE')).toContain('variable');
    expect(unpinnedReason('registry:5000/team/node:20')).toContain('not an exact');
    expect(unpinnedReason('node:20.19.5-bookworm-slim')).toBeNull();
    expect(unpinnedReason('cr.jaegertracing.io/jaegertracing/jaeger:2.15.0')).toBeNull();
    expect(unpinnedReason(`node@sha256:${'a'.repeat(64)}`)).toBeNull();
    expect(unpinnedReason(`node:20@sha256:${'0f'.repeat(32)}`)).toBeNull();
    expect(unpinnedReason(`node@sha256:${'a'.repeat(63)}`)).not.toBeNull();
  });

  it('pinned-from reports the line of each unpinned FROM, and not FROM <earlier stage>', () => {
    const text = ['FROM node:latest AS build', 'FROM build AS test', 'FROM --platform=linux/amd64 debian:12', 'USER 1', ''].join('\n');
    expect(lintDockerfile(text).filter((f) => f.rule === 'pinned-from').map((f) => f.line)).toEqual([1, 3]);
  });

  it('multi-stage: one stage is a finding', () => {
    expect(rules('FROM node:20.19.5\nUSER node\n')).toEqual(['multi-stage']);
  });

  it('non-root-user: missing, root and 0 are findings; the last USER counts', () => {
    expect(rules(GOOD.replace('USER 1000:1000', 'USER root'))).toEqual(['non-root-user']);
    expect(rules(GOOD.replace('USER 1000:1000', 'USER 0:0'))).toEqual(['non-root-user']);
    expect(rules(GOOD.replace('USER 1000:1000', 'USER node\nUSER root'))).toEqual(['non-root-user']);
    expect(rules(GOOD.replace('USER 1000:1000', 'USER root\nUSER node'))).toEqual([]);
  });

  it('copy-chown applies to the final stage only', () => {
    expect(rules(GOOD.replace('RUN make', 'COPY . .'))).toEqual([]);
    expect(rules(GOOD.replace('--chown=0:0 ', ''))).toEqual(['copy-chown']);
  });

  it('no-add-url: ADD of http(s) or git sources is a finding, ADD of a local file is not', () => {
    expect(rules(GOOD.replace('RUN make', 'ADD https://example.org/x.tgz /x'))).toEqual(['no-add-url']);
    expect(rules(GOOD.replace('RUN make', 'ADD git@github.com:o/r.git /r'))).toEqual(['no-add-url']);
    expect(rules(GOOD.replace('RUN make', 'ADD --chown=1:1 vendor.tgz /v'))).toEqual([]);
  });

  it('no-healthcheck: HEALTHCHECK CMD is a finding, HEALTHCHECK NONE is not', () => {
    expect(rules(GOOD.replace('USER 1000:1000', 'HEALTHCHECK CMD curl -f localhost\nUSER 1000:1000'))).toEqual(['no-healthcheck']);
    expect(rules(GOOD.replace('USER 1000:1000', 'HEALTHCHECK NONE\nUSER 1000:1000'))).toEqual([]);
  });

  it('joins continuation lines (skipping comments inside) and reports the first line', () => {
    const text = ['FROM node:20.19.5 AS a', 'RUN a \\', '  # comment', '  && b', 'FROM \\', '  node:latest', 'USER 2', ''].join('\n');
    expect(parseDockerfile(text).map((i) => [i.keyword, i.args, i.line])).toEqual([
      ['FROM', 'node:20.19.5 AS a', 1],
      ['RUN', 'a && b', 2],
      ['FROM', 'node:latest', 5],
      ['USER', '2', 7],
    ]);
    expect(lintDockerfile(text)).toEqual([expect.objectContaining({ rule: 'pinned-from', line: 5 })]);
  });

  it('a trailing continuation is bad input naming the field and the line', () => {
    expect(() => lintDockerfile('FROM a:1.2.3\nRUN x \\')).toThrow(InvalidArgumentError);
    try {
      lintDockerfile('FROM a:1.2.3\nRUN x \\');
    } catch (err) {
      expect((err as InvalidArgumentError).field).toBe('dockerfile');
      expect((err as Error).message).toContain('line 2');
    }
  });
});
