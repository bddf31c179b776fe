// `rlprune locate` in-process on the committed results folders (read only; output to a temp dir):
// a row per env and target with the registry's observation widths, the files written, and its errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SweetSpotLocation } from '@rlprune/analysis';
import { UsageError } from '../errors';
import { locateCommand } from './locate';

const ROOT = path.resolve(__dirname, '../../../..');
const FOLDERS = ['paper-hopper-pruning-curve', 'paper-walker2d-pruning-curve', 'paper-halfcheetah-pruning-curve'].map((f) => path.join(ROOT, 'results', f));

async function locate(...argv: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await locateCommand(argv)).toBe(0);
    return String(log.mock.calls[0]![0]);
  } finally {
    log.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('rlprune locate', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-locate-'));

  it('locates the sweet spot of every committed curve and writes summary.json and results.csv', async () => {
    const json = JSON.parse(await locate(...FOLDERS.flatMap((f) => ['--from', f]), '--json', '--to', out)) as SweetSpotLocation;
    expect(json.sources).toEqual(FOLDERS);
    const byEnv = (env: string) => json.rows.filter((r) => r.env === env);
    // observation widths from @rlprune/envs' registry; the families put each env's own budget at 1x
    for (const [env, dim, eps] of [['Hopper-v4', 11, 0.075], ['Walker2d-v4', 17, 0.05], ['HalfCheetah-v4', 17, 0.15]] as const) {
      const rows = byEnv(env);
      expect(rows.length, env).toBeGreaterThan(0);
      expect(rows.every((r) => r.observationDim === dim)).toBe(true);
      expect(rows.find((r) => r.family === 'mad@1x')!.epsilon).toBe(eps);
      // a sweet spot never lies past the clean-return knee: both read the same 95% constraint
      for (const r of rows) if (r.sweetSpot !== null) expect(r.sweetSpot).toBeLessThanOrEqual(r.cleanKnee!);
    }
    // three groups behind every correlation: flagged, whatever rho says
    expect(json.correlations.length).toBeGreaterThan(0);
    expect(json.correlations.every((c) => c.groups <= 3 && c.tooFewGroups)).toBe(true);

    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as SweetSpotLocation;
    expect(summary.rows).toHaveLength(json.rows.length);
    const csv = fs.readFileSync(path.join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('record,source,env,kappa,criterion,target,epsilon,metric,stat,value');
    expect(csv.filter((l) => l.startsWith('location,') && l.includes(',observationDim,')).map((l) => l.split(',').at(-1))).toEqual(
      json.rows.map((r) => String(r.observationDim)),
    );
    // a figure per target family: each seed's own sweet spot at its own clean slope, a series per group
    const figures = fs.readdirSync(path.join(out, 'figures')).sort();
    expect(figures).toContain('location-mad-1x.svg');
    expect(figures).toContain('location-worst.svg');
    const mad = fs.readFileSync(path.join(out, 'figures', 'location-mad-1x.svg'), 'utf8');
    // markers carry their values at 10 significant digits
    const at10 = (v: number) => Number(v.toPrecision(10));
    const drawn = [...mad.matchAll(/ data-x="([^"]+)" data-y="([^"]+)"/g)].map((m) => `${Number(m[1])} ${Number(m[2])}`).sort();
    const expected = json.rows
      .filter((r) => r.family === 'mad@1x')
      .flatMap((r) => r.perSeed.filter((p) => p.sweetSpot !== null && p.cleanSlope !== null).map((p) => `${at10(p.cleanSlope!)} ${at10(p.sweetSpot!)}`))
      .sort();
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn).toEqual(expected);
    expect(mad).not.toContain('<polyline');
    expect(mad).toMatch(/<desc>Each marker is one seed&#39;s own sweet spot under mad@1x[^<]*Within-group std/);
  });

  it('prints a table with a row per target and the correlation matrix', async () => {
    const text = await locate('--from', FOLDERS[0]!);
    expect(text).toMatch(/^Hopper-v4 +0 +magnitude +mad@0\.075 +0\.075 \(1x\)/m);
    expect(text).toMatch(/^mad@1x .*too few groups to say/m);
    // the Hopper curve has two or more seeds: each row gives both seeds' own sweet spots, and the seed-noise split is printed
    expect(text).toMatch(/^env +kappa +criterion +target +epsilon +sweet spot +per seed +knee/m);
    expect(text).toMatch(/^Hopper-v4 +0 +magnitude +mad@0\.075 +0\.075 \(1x\) +\S+ +s1 \S+, s2 \S+ /m);
    expect(text).toMatch(/^scope +groups +within: groups \(seeds\) +within std +std of group means/m);
    expect(text).toMatch(/^mad@1x +1 +1 \([23]\) /m);
    expect(text).toContain("the same over each seed's own sweet spot");
  });

  it('reads the one-shot folder beside the micro-pruning curve as its own group, named by its arm', async () => {
    const oneShot = path.join(ROOT, 'results', 'paper-hopper-oneshot-50');
    const json = JSON.parse(await locate('--from', FOLDERS[0]!, '--from', oneShot, '--json')) as SweetSpotLocation;
    const groups = [...new Set(json.rows.map((r) => `${r.source} ${r.criterion} ${(r as { mode?: string }).mode ?? 'during'}`))];
    expect(groups).toEqual([`${FOLDERS[0]} magnitude during`, `${oneShot} magnitude one_shot`]);
    const text = await locate('--from', FOLDERS[0]!, '--from', oneShot);
    expect(text).toMatch(/^Hopper-v4 +0 +magnitude one-shot +mad@0\.075 +0\.075 \(1x\) /m);
    expect(text).toMatch(/^Hopper-v4 +0 +magnitude +mad@0\.075 +0\.075 \(1x\) /m);
  });

  it('names a missing folder (usage) and an unreadable one (failure)', async () => {
    await expect(locateCommand(['--from', path.join(out, 'nope')])).rejects.toThrow(UsageError);
    await expect(locateCommand(['--from', path.join(out, 'nope')])).rejects.toThrow(/--from: .*nope does not exist/);
    await expect(locateCommand(['--from', FOLDERS[0]!, '--from', FOLDERS[0]!])).rejects.toThrow(/given twice/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-locate-empty-'));
    const unreadable = locateCommand(['--from', empty]);
    await expect(unreadable).rejects.toThrow(`rlprune locate: --from ${empty}: cannot read it as a results folder: holds no published runs (no runs/ folder)`);
    await expect(locateCommand(['--from', empty])).rejects.not.toBeInstanceOf(UsageError);
    await expect(locateCommand([])).rejects.toThrow(/--from is required/);
  });
});
