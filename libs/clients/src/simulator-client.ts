// The simulator's env list and policy evaluation (its Session stream is sim-client's RemoteVecEnv).
import { protos, type EnvSpec__Output, type EpisodeResult__Output, type EvaluateRequest, type EvaluateSummary__Output } from '@rlprune/proto';
import { consumeStream, getClient, unary } from '@rlprune/service-kit';

/** ListEnvs answers from memory; longer means the simulator is not there. */
export const LIST_ENVS_DEADLINE_MS = 10_000;

export interface EvaluateCallbacks {
  /** Cancels the evaluation. */
  signal?: AbortSignal;
  /** Each episode as it ends (in the order they end). */
  onEpisode?(episode: EpisodeResult__Output): void;
}

export class SimulatorClient {
  constructor(readonly address: string) {}

  private client() {
    return getClient(protos().rlprune.simulator.v1.Simulator, this.address);
  }

  /** Every env the simulator serves. */
  async listEnvs(deadlineMs = LIST_ENVS_DEADLINE_MS): Promise<EnvSpec__Output[]> {
    const c = this.client();
    return (await unary(c.listEnvs.bind(c), {}, deadlineMs)).envs;
  }

  /** Default attack epsilon of every env the simulator serves. */
  async envEpsilons(): Promise<Map<string, number>> {
    return new Map((await this.listEnvs()).map((e) => [e.id, e.defaultAttackEpsilon]));
  }

  /** K episodes of a stored policy, optionally under attack; resolves with their summary. */
  async evaluate(request: EvaluateRequest, callbacks: EvaluateCallbacks = {}): Promise<EvaluateSummary__Output> {
    let summary: EvaluateSummary__Output | undefined;
    await consumeStream(
      this.client().evaluate(request),
      (event) => {
        if (event.episode) callbacks.onEpisode?.(event.episode);
        if (event.summary) summary = event.summary;
      },
      callbacks.signal ? { signal: callbacks.signal } : {},
    );
    if (!summary) throw new Error(`simulator at ${this.address} ended Evaluate without a summary`);
    return summary;
  }
}
