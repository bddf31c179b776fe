// The precondition of attacks that learn: a prepared artifact of the right kind and victim shape.
import { FailedPreconditionError, InvalidArgumentError } from '@rlprune/errors';
import { decodePrepared, type PreparedArtifact } from './prepared-artifact';
import type { Victim } from './victim';

export function requirePrepared(attack: string, kind: string, prepared: Uint8Array | undefined, victim: Victim): PreparedArtifact {
  if (prepared === undefined || prepared === null || prepared.length === 0) {
    throw new FailedPreconditionError('prepared', `attack ${attack} needs a prepared artifact: run Prepare for this policy first and pass its artifact in the Perturb header`);
  }
  const artifact = decodePrepared(prepared);
  if (artifact.attack !== kind) throw new InvalidArgumentError('prepared', `an artifact prepared by ${kind}`, `one prepared by ${artifact.attack}`);
  if (artifact.obsDim !== victim.obsDim || artifact.actDim !== victim.actDim) {
    throw new InvalidArgumentError(
      'prepared', `an artifact for obsDim ${victim.obsDim}, actDim ${victim.actDim} (the policy's)`,
      `obsDim ${artifact.obsDim}, actDim ${artifact.actDim}`,
    );
  }
  return artifact;
}
