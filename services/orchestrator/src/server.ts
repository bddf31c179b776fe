// The orchestrator process: experiments, the artifact store and the system status. Unfinished
// experiments in the ledger resume when the process starts.
import path from 'node:path';
import { StageClients } from '@rlprune/clients';
import { protos, type ArtifactStoreHandlers, type OrchestratorHandlers } from '@rlprune/proto';
import { bindService, createLogger, packageVersion, runService, type ServiceHandle } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';
import { DEFAULT_PORTS, loadConfig, serviceTargets } from './config';
import { Experiments } from './experiments/experiment-service';
import { ReportWriter } from './experiments/report';
import { acquireHomeLock } from './ledger/home-lock';
import { Ledger } from './ledger/ledger';
import { executors } from './pipeline/executors';
import { DEFAULT_RUNNER_OPTIONS, ExperimentRunner } from './pipeline/runner';
import { RequestLimits } from './request-limits';
import { ArtifactStore } from './store/artifact-store';
import { artifactStoreHandlers } from './store/artifact-service';
import { systemStatus } from './status/system-status';

export async function main(telemetry: Telemetry): Promise<void> {
  const cfg = loadConfig();
  const version = packageVersion(__dirname);
  const logger = createLogger('orchestrator');
  // before anything of the home is opened: a second orchestrator stops here naming the holder's pid
  const lock = acquireHomeLock(cfg.home);
  const store = new ArtifactStore(cfg.home);
  const limits = new RequestLimits(cfg.limits);
  // the home's owner (it holds the lock) brings an older ledger to this code's tables
  const ledger = new Ledger(path.join(cfg.home, 'ledger.sqlite'), { upgrade: true });
  const services = new StageClients(cfg);
  const runner = new ExperimentRunner(ledger, executors(services, store, { checkpointEvery: cfg.checkpointEvery, logger }), {
    ...DEFAULT_RUNNER_OPTIONS,
    concurrency: { ...DEFAULT_RUNNER_OPTIONS.concurrency, train: cfg.trainConcurrency },
    retryBudgetMs: cfg.retryBudgetMs,
    version,
  });
  const reports = new ReportWriter(ledger, cfg.home);
  const experiments = new Experiments(ledger, runner, services, reports, logger);
  const p = protos().rlprune.orchestrator.v1;
  const handle: ServiceHandle = await runService({
    name: 'orchestrator',
    version,
    defaultPort: DEFAULT_PORTS.orchestrator,
    logger,
    details: { home: cfg.home },
    services: [
      bindService<OrchestratorHandlers>(p.Orchestrator.service, {
        SubmitExperiment: async (call) => {
          // counted without asking the simulator for env epsilons (see RequestLimits.submission)
          limits.submission(call.request.specYaml, call.request.name, () => NaN);
          return experiments.wire(await experiments.submit(call.request.specYaml, call.request.name));
        },
        WatchExperiment: (call) => experiments.watch(limits.id(call.request.id), call),
        GetExperiment: async (call) => experiments.wire(experiments.get(limits.id(call.request.id))),
        ListExperiments: async () => ({ experiments: ledger.listExperiments().map((e) => experiments.wire(e)) }),
        CancelExperiment: async (call) => experiments.wire(experiments.cancel(limits.id(call.request.id))),
        ResumeExperiment: async (call) => experiments.wire(experiments.resume(limits.id(call.request.id))),
        GetReport: async (call) => experiments.report(limits.id(call.request.id)),
        CompareExperiments: async (call) => experiments.compare(limits.ids(call.request.ids)),
        GetSystemStatus: async () => ({
          services: await systemStatus({ address: handle.address, version }, serviceTargets(cfg)),
        }),
      }),
      bindService<ArtifactStoreHandlers>(p.ArtifactStore.service, artifactStoreHandlers(store, { maxArtifactBytes: cfg.limits.maxArtifactBytes })),
    ],
    ready: () => {
      for (const id of ledger.unfinishedExperiments()) {
        logger.info({ experiment: id }, 'resuming unfinished experiment');
        experiments.start(id);
      }
    },
    onShutdown: [() => experiments.interruptAll(), () => telemetry.shutdown(), () => ledger.close(), () => lock.release()],
  });
}
