// The clients of every stage service of one deployment, from its addresses: what the orchestrator's
// stages call. Trainings are spread over the trainer processes by load (see trainer()).
import { FailedPreconditionError } from '@rlprune/service-kit';
import { AttackerClient } from './attacker-client';
import { CertifierClient } from './certifier-client';
import { PrunerClient } from './pruner-client';
import { SimulatorClient } from './simulator-client';
import { TrainerClient, type TrainCallbacks, type TrainOutcome } from './trainer-client';
import type { TrainRequest } from '@rlprune/proto';

/** Where each stage service listens (the orchestrator's config has these fields). */
export interface StageAddresses {
  /** One or more trainer processes (a local system runs several; a cluster one Service). */
  trainers: readonly string[];
  pruner: string;
  simulator: string;
  certifier: string;
  /** Attacker deployment of each attack name. */
  attackers: ReadonlyMap<string, string>;
}

export class StageClients {
  /** In-flight Train calls per trainer address. */
  private readonly trainerLoad = new Map<string, number>();

  constructor(readonly addresses: StageAddresses) {
    if (addresses.trainers.length === 0) throw new FailedPreconditionError('trainers: no trainer address is configured');
  }

  /**
   * A Train call on the trainer with the fewest trainings in flight (the first on a tie). A local
   * system lists its trainer processes and balances them here: gRPC's round robin would send calls
   * made before every connection is ready to the one that is, so two trainings could share a process
   * (one core) while another idles. The call counts until its stream ends.
   */
  async train(request: TrainRequest, callbacks: TrainCallbacks = {}): Promise<TrainOutcome> {
    const load = (a: string) => this.trainerLoad.get(a) ?? 0;
    const address = this.addresses.trainers.reduce((best, a) => (load(a) < load(best) ? a : best));
    this.trainerLoad.set(address, load(address) + 1);
    try {
      return await new TrainerClient(address).train(request, callbacks);
    } finally {
      this.trainerLoad.set(address, load(address) - 1);
    }
  }

  pruner(): PrunerClient {
    return new PrunerClient(this.addresses.pruner);
  }

  simulator(): SimulatorClient {
    return new SimulatorClient(this.addresses.simulator);
  }

  certifier(): CertifierClient {
    return new CertifierClient(this.addresses.certifier);
  }

  /** The address of the attacker deployment serving `attack`. */
  attackerAddress(attack: string): string {
    const address = this.addresses.attackers.get(attack);
    if (!address) {
      throw new FailedPreconditionError(
        `attacks: no attacker deployment serves "${attack}" (configured: ${[...this.addresses.attackers.keys()].join(', ') || 'none'}); add it to ATTACKER_ADDRESSES`,
      );
    }
    return address;
  }

  attacker(attack: string): AttackerClient {
    return new AttackerClient(this.attackerAddress(attack));
  }
}
