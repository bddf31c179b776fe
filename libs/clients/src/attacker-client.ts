// An attacker deployment's description and its preparation (learning a Q function, an adversary).
// Perturb is the simulator's own stream to the attacker (services/simulator attack-stream.ts).
import { protos, type AttackDescription__Output, type PrepareRequest, type Progress__Output } from '@rlprune/proto';
import { consumeStream, getClient, unary } from '@rlprune/service-kit';

/** Describe answers from memory. */
export const DESCRIBE_DEADLINE_MS = 10_000;

export interface PrepareCallbacks {
  /** Cancels the preparation. */
  signal?: AbortSignal;
  /** Progress of the preparation's iterations. */
  onProgress?(progress: Progress__Output): void;
}

export class AttackerClient {
  constructor(readonly address: string) {}

  private client() {
    return getClient(protos().rlprune.attacker.v1.Attacker, this.address);
  }

  /** The attack this deployment serves, with its parameters. */
  describe(deadlineMs = DESCRIBE_DEADLINE_MS): Promise<AttackDescription__Output> {
    const c = this.client();
    return unary(c.describe.bind(c), {}, deadlineMs);
  }

  /** Prepares the attack against a policy; resolves with the prepared artifact's id. */
  async prepare(request: PrepareRequest, callbacks: PrepareCallbacks = {}): Promise<string> {
    let prepared: string | undefined;
    await consumeStream(
      this.client().prepare(request),
      (event) => {
        if (event.progress) callbacks.onProgress?.(event.progress);
        if (event.prepared) prepared = event.prepared.id;
      },
      callbacks.signal ? { signal: callbacks.signal } : {},
    );
    if (!prepared) throw new Error(`attacker at ${this.address} ended Prepare without an artifact`);
    return prepared;
  }
}
