// Criterion by name, for callers that receive the name as a string (the pruner service, schedules).
import { InvalidArgumentError, show } from '@rlprune/errors';
import { CRITERIA, type Criterion } from '../options';
import type { PruningCriterion } from './criterion';
import { magnitude } from './magnitude';
import { random } from './random';
import { saliency } from './saliency';

const BY_NAME: Record<Criterion, PruningCriterion> = { magnitude, saliency, random };

export function criterionByName(name: string): PruningCriterion {
  if (!Object.prototype.hasOwnProperty.call(BY_NAME, name)) {
    throw new InvalidArgumentError('criterion', `one of ${CRITERIA.map((c) => `"${c}"`).join(', ')}`, show(name));
  }
  return BY_NAME[name as Criterion];
}
