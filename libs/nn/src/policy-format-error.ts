// The error of a policy file that is not one, is damaged, is malformed or is from a newer rlprune.
// An InvalidArgumentError (the caller sent a bad file) whose name says it is about a policy file.
import { InvalidArgumentError } from '@rlprune/errors';

export class PolicyFormatError extends InvalidArgumentError {
  override name = 'PolicyFormatError';
}
