// The simulator's side of an attack: a Perturb stream to the attacker named in the binding. Every
// returned batch is checked against the epsilon ball, so a faulty or malicious attacker cannot make a
// robustness number look worse (or better) than the budget allows.
import type * as grpc from '@grpc/grpc-js';
import { decodeTensor, encodeTensor, protos, type PerturbRequest, type PerturbResponse__Output } from '@rlprune/proto';
import { FailedPreconditionError, getClient, unary, UnavailableError } from '@rlprune/service-kit';

export interface AttackBindingInput {
  address: string;
  attack: string;
  epsilon: number;
  preparedId: string | null;
  params: Record<string, number>;
}

/** Relative slack for float32 round-off when checking the ball. */
const BALL_TOLERANCE = 1e-5;

type PerturbCall = grpc.ClientDuplexStream<PerturbRequest, PerturbResponse__Output>;

export class AttackStream {
  private pending: Array<{ resolve: (v: Float32Array) => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;

  private constructor(
    private readonly call: PerturbCall,
    private readonly binding: AttackBindingInput,
    private readonly n: number,
    private readonly obsDim: number,
  ) {}

  static async open(binding: AttackBindingInput, policyId: string, seed: number, n: number, obsDim: number): Promise<AttackStream> {
    const client = getClient(protos().rlprune.attacker.v1.Attacker, binding.address);
    let served: string;
    try {
      served = (await unary(client.describe.bind(client), {}, 10_000)).name;
    } catch (err) {
      const e = err as grpc.ServiceError;
      if (e.code === 14 || e.code === 4) throw new UnavailableError('attack.address', `attacker at ${binding.address} is unreachable: ${e.details}`);
      throw err;
    }
    if (served !== binding.attack) {
      throw new FailedPreconditionError('attack.attack', `attacker at ${binding.address} serves "${served}", not "${binding.attack}"`);
    }
    const call = client.perturb();
    const stream = new AttackStream(call, binding, n, obsDim);
    call.on('data', (m: PerturbResponse__Output) => {
      const p = stream.pending.shift();
      if (!p) return;
      try {
        p.resolve(decodeTensor(m.observations, 'observations', [n, obsDim]).values);
      } catch (err) {
        p.reject(new FailedPreconditionError(`attacker "${binding.attack}" at ${binding.address} returned a malformed batch: ${(err as Error).message}`));
      }
    });
    call.on('error', (err: grpc.ServiceError) => stream.fail(err.code === 14 ? new UnavailableError(`attacker at ${binding.address} went away: ${err.details}`) : err));
    call.write({
      header: {
        policy: { id: policyId },
        epsilon: binding.epsilon,
        prepared: binding.preparedId ? { id: binding.preparedId } : null,
        seed,
        params: binding.params,
      },
    });
    return stream;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.splice(0)) p.reject(this.failure);
  }

  /** Perturbs a batch of normalised observations and checks every row against the ball. */
  async perturb(obs: Float32Array, episodeStart: boolean[]): Promise<Float32Array> {
    if (this.failure) throw this.failure;
    const out = await new Promise<Float32Array>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.call.write({ batch: { observations: encodeTensor(obs, [this.n, this.obsDim]), episodeStart } });
    });
    const eps = this.binding.epsilon;
    for (let i = 0; i < out.length; i++) {
      const d = Math.abs(out[i]! - obs[i]!);
      if (!(d <= eps * (1 + BALL_TOLERANCE) + 1e-6)) {
        const row = Math.floor(i / this.obsDim);
        const err = new FailedPreconditionError(
          'attack', `attacker "${this.binding.attack}" at ${this.binding.address} left the epsilon ball: row ${row}, coordinate ${i % this.obsDim} moved by ${d} > epsilon ${eps}`,
        );
        this.fail(err);
        throw err;
      }
    }
    return out;
  }

  close(): void {
    this.failure ??= new Error('closed');
    this.call.end();
  }
}
