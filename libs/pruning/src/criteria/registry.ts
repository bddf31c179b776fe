// Criterion by name, for callers that receive the name as a string (the pruner service, schedules).
import { InvalidArgumentError, describeValue } from '../errors';
import { CRITERIA, type Criterion } from '../options';
import type { PruningCriterion } from './criterion';
import { magnitude } from './magnitude';
import { random } from './random';
import { saliency } from './saliency';

const BY_NAME: Record<Criterion, PruningCriterion> = { magnitude, saliency, random };

export function criterionByName(name: string): PruningCriterion {
  if (!Object.prototype.hasOwnProperty.call(BY_NAME, name)) {
    throw new InvalidArgumentError('criterion', `must be one of ${CRITERIA.map((c) => `"${c}"`).join(', ')}, got ${describeValue(name)}`);
  }
  return BY_NAME[name as Criterion];
}
