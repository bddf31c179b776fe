// A grid point's pruning arm (types.ts PruningArm) as names and outputs say it. The default arm,
// micro-pruning elementwise, says nothing: a group's name, a CSV's criterion cell and a JSON record
// read exactly as they did before the arm was recorded, so every committed default-arm output
// regenerates byte-identical; another arm is named ('magnitude one-shot', 'magnitude neuron') and its
// JSON records carry mode and structured.

import { DEFAULT_ARM, PRUNING_MODES, type PruningArm } from './types';

/** Words of a mode in a group's name ('' for micro-pruning, the default). */
const MODE_WORDS: Record<PruningArm['mode'], string> = { during: '', one_shot: 'one-shot', post_hoc: 'post-hoc' };

/** How a name says the arm: '' for the default, else 'neuron', 'one-shot', 'neuron one-shot', 'post-hoc', ... */
export function armName(arm: PruningArm): string {
  return [arm.structured ? 'neuron' : '', MODE_WORDS[arm.mode]].filter((w) => w !== '').join(' ');
}

/** The criterion as a group's name says it: 'magnitude', or with its arm, 'magnitude one-shot'. */
export function criterionWithArm(g: { criterion: string } & PruningArm): string {
  const arm = armName(g);
  return arm === '' ? g.criterion : `${g.criterion} ${arm}`;
}

export function isDefaultArm(arm: PruningArm): boolean {
  return arm.mode === DEFAULT_ARM.mode && arm.structured === DEFAULT_ARM.structured;
}

/** Default arm first, then elementwise before neuron, then mode in PRUNING_MODES order. */
export function compareArms(a: PruningArm, b: PruningArm): number {
  return Number(a.structured) - Number(b.structured) || PRUNING_MODES.indexOf(a.mode) - PRUNING_MODES.indexOf(b.mode);
}

/** A JSON record's arm fields: none for the default arm (absent reads as micro-pruning, elementwise), else both. */
export function armFields(arm: PruningArm): Partial<PruningArm> {
  return isDefaultArm(arm) ? {} : { mode: arm.mode, structured: arm.structured };
}
