// PPO through the services, for the throughput benchmark: an orchestrator (artifact store), a
// simulator and a trainer, each its own process on loopback, and one Train call to the trainer,
// which steps its envs over a Session stream to the simulator. Timed from the call to its result,
// so the time includes everything a user waits for (the final policy is stored too).
import { TrainerClient } from '@rlprune/clients';
import { closeClients } from '@rlprune/service-kit';
import { spawnServiceProcess, startWithStore, type Spawned } from '../../test/helpers/process';

export interface ServicesRun {
  steps: number;
  seconds: number;
  finalReturn: number;
}

/** The three processes, started once and reused by every run. */
export class PpoServices {
  private constructor(
    private readonly sim: Awaited<ReturnType<typeof startWithStore>>,
    private readonly trainer: Spawned,
    private readonly trainerAddress: string,
  ) {}

  static async start(): Promise<PpoServices> {
    const sim = await startWithStore('simulator', {});
    const trainer = spawnServiceProcess('trainer', { PORT: '0', ORCHESTRATOR_ADDRESS: sim.storeAddress, SIMULATOR_ADDRESS: sim.address });
    return new PpoServices(sim, trainer, await trainer.listening);
  }

  /** One training of `steps` env steps with the trainer's defaults (CleanRL's), no checkpoints. */
  async train(envId: string, seed: number, steps: number, numEnvs: number, numSteps: number): Promise<ServicesRun> {
    const t0 = performance.now();
    const result = await new TrainerClient(this.trainerAddress).train({ envId, seed, totalTimesteps: steps, ppo: { numEnvs, numSteps }, checkpointEvery: 0 });
    return { steps: result.envSteps, seconds: (performance.now() - t0) / 1000, finalReturn: result.finalMeanReturn };
  }

  async stop(): Promise<void> {
    closeClients();
    this.trainer.child.kill('SIGTERM');
    await this.trainer.exited;
    await this.sim.stop();
  }
}
