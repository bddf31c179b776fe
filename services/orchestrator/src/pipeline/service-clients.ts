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

  trainer(): AnyClient {
    return this.client(protos().rlprune.trainer.v1.Trainer, this.cfg.trainer);
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
