// The CLI's view of an orchestrator: typed promise wrappers around its RPCs.
import type * as grpc from '@grpc/grpc-js';
import { protos } from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';
import type { Experiment__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/Experiment';
import type { ExperimentEvent__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/ExperimentEvent';
import type { Report__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/Report';

type Client = grpc.Client & Record<string, (...a: unknown[]) => unknown>;

export class OrchestratorClient {
  private readonly c: Client;
  constructor(readonly address: string) {
    this.c = getClient(protos().rlprune.orchestrator.v1.Orchestrator, address) as unknown as Client;
  }

  private call<T>(method: string, req: object, deadlineMs = 30_000): Promise<T> {
    return unary<object, T>((this.c[method] as (...a: unknown[]) => unknown).bind(this.c) as never, req, deadlineMs);
  }

  submit(specYaml: string): Promise<Experiment__Output> {
    return this.call('submitExperiment', { specYaml }, 60_000);
  }
  get(id: string): Promise<Experiment__Output> {
    return this.call('getExperiment', { id });
  }
  list(): Promise<{ experiments: Experiment__Output[] }> {
    return this.call('listExperiments', {});
  }
  cancel(id: string): Promise<Experiment__Output> {
    return this.call('cancelExperiment', { id });
  }
  resume(id: string): Promise<Experiment__Output> {
    return this.call('resumeExperiment', { id });
  }
  report(id: string): Promise<Report__Output> {
    return this.call('getReport', { id }, 120_000);
  }
  compare(ids: string[]): Promise<Report__Output> {
    return this.call('compareExperiments', { ids }, 120_000);
  }

  /** Calls onEvent for each event until the experiment ends; resolves with its final state. */
  watch(id: string, onEvent: (e: ExperimentEvent__Output) => void): Promise<Experiment__Output> {
    return new Promise((resolve, reject) => {
      const stream = this.c.watchExperiment!({ id }) as grpc.ClientReadableStream<ExperimentEvent__Output>;
      stream.on('data', onEvent);
      stream.on('error', reject);
      stream.on('end', () => this.get(id).then(resolve, reject));
    });
  }
}
