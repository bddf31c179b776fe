// `rlprune train --env ID --total-timesteps N --seed S [...] --out FILE`: one training through the trainer and
// simulator services (started locally unless --trainer and --store name running ones), with a progress bar.
import fs from 'node:fs';
import { TrainerClient } from '@rlprune/clients';
import type { TrainRequest } from '@rlprune/proto';
import { ArtifactClient } from '@rlprune/service-kit';
import { launchLocalServices } from '../local/launch';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { ProgressView } from '../progress';
import { TRAIN } from '../specs/policies';
import path from 'node:path';
import os from 'node:os';

export async function trainCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(TRAIN, argv);
  if ((values.trainer === undefined) !== (values.store === undefined)) {
    throw new UsageError(`--trainer and --store go together (a running trainer and the store it writes to), got only ${values.trainer ? '--trainer' : '--store'}`);
  }
  const req: TrainRequest = {
    envId: values.env,
    seed: values.seed,
    totalTimesteps: values['total-timesteps'],
    ppo: { numEnvs: values['num-envs'], ...(values.hidden ? { hidden: values.hidden } : {}) },
    sa: values['sa-kappa'] !== undefined ? { kappa: values['sa-kappa'], method: values['sa-method'] } : null,
    pruning: values['prune-criterion']
      ? {
          criterion: values['prune-criterion'],
          kind: 'cubic',
          finalSparsity: values['prune-final'],
          startFraction: values['prune-burn-in'],
          interval: values['prune-interval'],
          seed: values.seed,
        }
      : null,
  };
  const cluster =
    values.trainer && values.store ? null : await launchLocalServices({ home: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-train-')) });
  const trainerAddress = values.trainer ?? cluster!.services.find((s) => s.name === 'trainer')!.address;
  const storeAddress = values.store ?? cluster!.orchestrator;
  try {
    const view = new ProgressView(1);
    const result = await new TrainerClient(trainerAddress).train(req, {
      onProgress: (p) =>
        view.update({ stageId: 'train', label: `train ${values.env}`, state: 'running', fraction: p.iteration / p.iterations, message: `return ${p.meanReturn.toFixed(1)}  sparsity ${p.sparsity.toFixed(2)}  L ${p.lipschitzBound.toPrecision(3)}  ${Math.round(p.stepsPerSecond)} steps/s` }),
    });
    view.update({ stageId: 'train', label: `train ${values.env}`, state: 'succeeded', fraction: 1, message: '' });
    fs.writeFileSync(values.out, await new ArtifactClient(storeAddress).get(result.policy.id));
    console.log(JSON.stringify({ out: values.out, policy: result.policy.id, finalMeanReturn: result.finalMeanReturn }));
    return 0;
  } finally {
    await cluster?.stop();
  }
}
