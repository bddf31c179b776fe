// The error of a policy file that is not one, is damaged, is malformed or is from a newer rlprune.
// Services map it (by name) to INVALID_ARGUMENT: the caller sent a bad file.
import { InvalidArgumentError } from './errors';

export class PolicyFormatError extends InvalidArgumentError {
  constructor(expected: string, actual: string, field = 'policy') {
    super(field, expected, actual);
    this.name = 'PolicyFormatError';
  }
}
