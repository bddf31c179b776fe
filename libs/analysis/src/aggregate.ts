// Grouping of grid points into conditions and seed statistics of what was measured at each.
// A group is one (env, kappa, criterion, pruning arm); a condition is a group at one sparsity. The
// arm (types.ts PruningArm: micro-pruning, one-shot or post-hoc; elementwise or neuron) is spec-level,
// so two results folders read together (locate, compare) can hold the same (env, kappa, criterion)
// pruned two ways: those are two curves, never one group with mixed seeds. The default arm (micro-
// pruning, elementwise) adds nothing to a group's name, so every name written before the arm existed
// reads the same. Everything is sorted here (strings by code unit, never by locale, the default arm
// first) so the output order does not depend on the order the ledger returned the points in.

import type { RobustTarget, TrainingCurve } from './analysis-types';
import { stat } from './stats';
import { compareArms, criterionWithArm } from './pruning-arm';
import type { GridPointResult, PruningArm } from './types';

export interface ConditionPoints {
  sparsity: number;
  /** Ascending seed. */
  points: GridPointResult[];
}

export interface GroupPoints extends PruningArm {
  env: string;
  kappa: number;
  criterion: string;
  /** Ascending sparsity. */
  conditions: ConditionPoints[];
}

export const WORST_CASE_KEY = 'worst';

/**
 * How warnings, notes and errors name a group: "Hopper-v4 kappa=0 magnitude" (micro-pruning,
 * elementwise), "Hopper-v4 kappa=0 magnitude one-shot", "HalfCheetah-v4 kappa=0 magnitude neuron".
 * Distinct groups have distinct names: the location study keys groups by it.
 */
export function groupKey(g: { env: string; kappa: number; criterion: string } & PruningArm): string {
  return `${g.env} kappa=${g.kappa} ${criterionWithArm(g)}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Grid points in the order every output lists them: env, kappa, criterion, arm, sparsity, seed. */
export function sortPoints(points: readonly GridPointResult[]): GridPointResult[] {
  return [...points].sort(
    (a, b) =>
      compareStrings(a.env, b.env) ||
      a.kappa - b.kappa ||
      compareStrings(a.criterion, b.criterion) ||
      compareArms(a, b) ||
      a.sparsity - b.sparsity ||
      a.seed - b.seed,
  );
}

export function groupPoints(points: readonly GridPointResult[]): GroupPoints[] {
  const groups = new Map<string, GroupPoints>();
  for (const p of points) {
    const key = JSON.stringify([p.env, p.kappa, p.criterion, p.mode, p.structured]);
    let group = groups.get(key);
    if (!group) {
      group = { env: p.env, kappa: p.kappa, criterion: p.criterion, mode: p.mode, structured: p.structured, conditions: [] };
      groups.set(key, group);
    }
    let condition = group.conditions.find((c) => c.sparsity === p.sparsity);
    if (!condition) {
      condition = { sparsity: p.sparsity, points: [] };
      group.conditions.push(condition);
    }
    condition.points.push(p);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => compareStrings(a.env, b.env) || a.kappa - b.kappa || compareStrings(a.criterion, b.criterion) || compareArms(a, b),
  );
  for (const g of sorted) {
    g.conditions.sort((a, b) => a.sparsity - b.sparsity);
    for (const c of g.conditions) c.points.sort((a, b) => a.seed - b.seed);
  }
  return sorted;
}

export function attackKey(attack: string, epsilon: number): string {
  return `${attack}@${epsilon}`;
}

/** The attacks seen anywhere in the group (by name, then budget), then the worst case over them. */
export function robustTargets(group: GroupPoints): RobustTarget[] {
  const byKey = new Map<string, RobustTarget>();
  for (const c of group.conditions) {
    for (const p of c.points) {
      for (const a of p.attacks) {
        const key = attackKey(a.attack, a.epsilon);
        if (!byKey.has(key)) byKey.set(key, { key, attack: a.attack, epsilon: a.epsilon, label: `${a.attack} (ε=${a.epsilon})` });
      }
    }
  }
  const attacks = [...byKey.values()].sort((a, b) => compareStrings(a.attack, b.attack) || a.epsilon! - b.epsilon!);
  if (attacks.length === 0) return [];
  return [...attacks, { key: WORST_CASE_KEY, attack: WORST_CASE_KEY, epsilon: null, label: 'worst case over attacks' }];
}

/** Mean episode return of the point under the target; the worst case is the minimum over its attacks. */
export function robustReturn(point: GridPointResult, target: RobustTarget): number | null {
  if (target.key === WORST_CASE_KEY) {
    if (point.attacks.length === 0) return null;
    return Math.min(...point.attacks.map((a) => a.result.meanReturn));
  }
  const found = point.attacks.find((a) => attackKey(a.attack, a.epsilon) === target.key);
  return found ? found.result.meanReturn : null;
}

/** Group names of the attacks a point lacks, so the worst case is known to be taken over fewer. */
export function missingAttacks(group: GroupPoints, targets: readonly RobustTarget[]): string[] {
  const missing: string[] = [];
  for (const c of group.conditions) {
    for (const p of c.points) {
      for (const t of targets) {
        if (t.key !== WORST_CASE_KEY && robustReturn(p, t) === null) missing.push(`${p.label} has no ${t.label}`);
      }
    }
  }
  return missing;
}

/** Training curve of a condition: seeds are averaged at each logged env-step count. */
export function trainingCurve(condition: ConditionPoints): TrainingCurve {
  const bySteps = new Map<number, Array<GridPointResult['training'][number]>>();
  for (const p of condition.points) {
    for (const t of p.training) {
      const list = bySteps.get(t.envSteps) ?? [];
      list.push(t);
      bySteps.set(t.envSteps, list);
    }
  }
  const steps = [...bySteps.keys()].sort((a, b) => a - b);
  return {
    sparsity: condition.sparsity,
    points: steps.map((envSteps) => {
      const rows = bySteps.get(envSteps)!;
      return {
        envSteps,
        meanReturn: stat(rows.map((r) => r.meanReturn))!,
        sparsity: stat(rows.map((r) => r.sparsity))!,
        lipschitzBound: stat(rows.map((r) => r.lipschitzBound))!,
      };
    }),
  };
}
