// Which analysed group the sweet-spot location study reads when a group (env, kappa, criterion,
// pruning arm) is in several results folders. (Different arms are different groups: a one-shot
// folder beside the micro-pruning curve is two groups, whatever runs they share.) The published folders share runs: results/paper-hopper-criteria holds
// the Hopper magnitude curve's runs that results/paper-hopper-pruning-curve holds, so the criteria
// folder's magnitude group is the curve's, or the curve's with fewer seeds while a seed is published
// into one folder and not yet the other. Reading both would count the group twice; refusing both
// would keep the study from the Hopper criteria and the curve at once. So: when one folder's group is contained in the
// other's (the same analysis settings, each of its targets in the other's, and every seed's clean
// and attacked returns at every sparsity equal to the other's, i.e. the same runs), the larger is
// read and a note names the other folder; groups that differ otherwise are refused as before,
// naming both folders.

import { groupKey } from './aggregate';
import type { AnalyseOptions, GroupAnalysis } from './analysis-types';
import { InvalidArgumentError } from '@rlprune/errors';

/** One group of one source, with what a reader must know about where it came from. */
export interface SourcedGroup {
  source: string;
  options: AnalyseOptions;
  group: GroupAnalysis;
  notes: string[];
}

/**
 * Every distinct group of the sources, in order of first appearance; a group in two sources is read
 * from the one that contains the other, else refused.
 */
export function distinctGroups(sources: ReadonlyArray<{ source: string; analysis: { options: AnalyseOptions; groups: readonly GroupAnalysis[] } }>): SourcedGroup[] {
  const out: SourcedGroup[] = [];
  const at = new Map<string, number>();
  for (const { source, analysis } of sources) {
    for (const group of analysis.groups) {
      const key = groupKey(group);
      const candidate: SourcedGroup = { source, options: analysis.options, group, notes: [] };
      const i = at.get(key);
      if (i === undefined) {
        at.set(key, out.length);
        out.push(candidate);
        continue;
      }
      const held = out[i]!;
      if (contains(held, candidate)) held.notes.push(alsoIn(candidate, held));
      else if (contains(candidate, held)) out[i] = { ...candidate, notes: [...held.notes, alsoIn(held, candidate)] };
      else {
        throw new InvalidArgumentError(
          'sources',
          `each group in one source only, but ${key} is in both ${held.source} and ${source} with different runs ` +
            '(runs of one spec: publish them into one folder; a different experiment under the same group name, e.g. another actor width: locate the folders separately)',
        );
      }
    }
  }
  return out;
}

function seedsOf(g: GroupAnalysis): number[] {
  return [...new Set(g.conditions.flatMap((c) => c.seeds))].sort((a, b) => a - b);
}

function alsoIn(other: SourcedGroup, kept: SourcedGroup): string {
  return `also in ${other.source} (seeds ${seedsOf(other.group).join(', ')}): the same runs, contained in these (seeds ${seedsOf(kept.group).join(', ')}) and read once`;
}

/**
 * Whether every run of `small` is in `big` with the same clean return and the same return under each
 * of small's targets (by key; a worst case over other attacks differs and so fails), under the same
 * analysis settings.
 */
function contains(big: SourcedGroup, small: SourcedGroup): boolean {
  if (JSON.stringify(big.options) !== JSON.stringify(small.options)) return false;
  const at = small.group.targets.map((t) => big.group.targets.findIndex((b) => b.key === t.key));
  if (at.some((k) => k < 0)) return false;
  return small.group.conditions.every((c) => {
    const bc = big.group.conditions.find((x) => x.sparsity === c.sparsity);
    if (!bc) return false;
    return c.perSeed.every((s) => {
      const bs = bc.perSeed.find((x) => x.seed === s.seed);
      return bs !== undefined && bs.clean === s.clean && s.robust.every((r, k) => r.return === bs.robust[at[k]!]!.return);
    });
  });
}
