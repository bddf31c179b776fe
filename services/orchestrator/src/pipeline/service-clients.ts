// Promise and stream wrappers around the stage services' RPCs, with the addresses from the config.
// Streams report progress through a callback and end with their final message.
import type * as grpc from '@grpc/grpc-js';
import { protos } from '@rlprune/proto';
import { FailedPreconditionError, getClient, unary } from '@rlprune/service-kit';
import type { OrchestratorConfig } from '../config';

type AnyClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

export interface CallOptions {
  signal?: AbortSignal;
}

/** Consumes a server stream, calling `onMessage` for each message; resolves when it ends. */
export function consumeStream<T>(stream: grpc.ClientReadableStream<T>, onMessage: (m: T) => void, opts: CallOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => stream.cancel();
    opts.signal?.addEventListener('abort', abort, { once: true });
    stream.on('data', (m: T) => {
      try {
        onMessage(m);
      } catch (err) {
        stream.cancel();
        reject(err);
      }
    });
    stream.on('error', (err) => {
      opts.signal?.removeEventListener('abort', abort);
      reject(err);
    });
    stream.on('end', () => {
      opts.signal?.removeEventListener('abort', abort);
      resolve();
    });
  });
}

export class StageServices {
  constructor(readonly cfg: OrchestratorConfig) {}

  private client(ctor: unknown, address: string): AnyClient {
    return getClient(ctor as never, address) as AnyClient;
  }

  /** In-flight Train calls per trainer address. */
  private readonly trainerLoad = new Map<string, number>();

  /**
   * A Trainer client on the trainer with the fewest trainings in flight (the first on a tie). A local
   * system lists its trainer processes and balances them here: gRPC's round robin would send calls
   * made before every connection is ready to the one that is, so two trainings could share a process
   * (one core) while another idles. Its `train` counts the call until the stream ends.
   */
  trainer(): AnyClient {
    const address = this.cfg.trainers.reduce((best, a) => ((this.trainerLoad.get(a) ?? 0) < (this.trainerLoad.get(best) ?? 0) ? a : best));
    const client = this.client(protos().rlprune.trainer.v1.Trainer, address);
    const train = (req: unknown) => {
      this.trainerLoad.set(address, (this.trainerLoad.get(address) ?? 0) + 1);
      const stream = (client.train as (r: unknown) => grpc.ClientReadableStream<unknown>).call(client, req);
      let done = false;
      const release = () => {
        if (done) return;
        done = true;
        this.trainerLoad.set(address, this.trainerLoad.get(address)! - 1);
      };
      stream.once('end', release).once('error', release).once('close', release);
      return stream;
    };
    return Object.assign(Object.create(client) as AnyClient, { train });
  }

  pruner(): AnyClient {
    return this.client(protos().rlprune.pruner.v1.Pruner, this.cfg.pruner);
  }

  simulator(): AnyClient {
    return this.client(protos().rlprune.simulator.v1.Simulator, this.cfg.simulator);
  }

  certifier(): AnyClient {
    return this.client(protos().rlprune.certifier.v1.Certifier, this.cfg.certifier);
  }

  attackerAddress(attack: string): string {
    const address = this.cfg.attackers.get(attack);
    if (!address) {
      throw new FailedPreconditionError(
        `no attacker deployment serves "${attack}" (configured: ${[...this.cfg.attackers.keys()].join(', ') || 'none'}); add it to ATTACKER_ADDRESSES`,
        'attacks',
      );
    }
    return address;
  }

  attacker(attack: string): AnyClient {
    return this.client(protos().rlprune.attacker.v1.Attacker, this.attackerAddress(attack));
  }

  /** Default attack epsilon of every env the simulator serves. */
  async envEpsilons(): Promise<Map<string, number>> {
    const sim = this.simulator();
    const res = await unary<object, { envs: { id: string; defaultAttackEpsilon: number }[] }>(sim.listEnvs!.bind(sim) as never, {}, 10_000);
    return new Map(res.envs.map((e) => [e.id, e.defaultAttackEpsilon]));
  }
}
