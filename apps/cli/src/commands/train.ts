// `rlprune train --env ID --steps N --seed S [...] --out FILE`: one training through the trainer and
// simulator services (started locally unless --trainer and --store name running ones), with a progress bar.
import fs from 'node:fs';
import type * as grpc from '@grpc/grpc-js';
import { protos } from '@rlprune/proto';
import { ArtifactClient, getClient } from '@rlprune/service-kit';
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
  const req = {
    envId: values.env,
    seed: values.seed,
    totalSteps: values.steps,
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
    const client = getClient(protos().rlprune.trainer.v1.Trainer, trainerAddress) as unknown as grpc.Client & {
      train(r: object): grpc.ClientReadableStream<{ progress?: Record<string, number>; result?: { policy: { id: string }; finalMeanReturn: number } }>;
    };
    const view = new ProgressView(1);
    const result = await new Promise<{ policy: { id: string }; finalMeanReturn: number }>((resolve, reject) => {
      let res: { policy: { id: string }; finalMeanReturn: number } | undefined;
      const stream = client.train(req);
      stream.on('data', (m) => {
        if (m.progress) {
          const p = m.progress;
          view.update({ stageId: 'train', label: `train ${values.env}`, state: 'running', fraction: p.iteration! / p.iterations!, message: `return ${p.meanReturn!.toFixed(1)}  sparsity ${p.sparsity!.toFixed(2)}  L ${p.lipschitzBound!.toPrecision(3)}  ${Math.round(p.stepsPerSecond!)} steps/s` });
        }
        if (m.result) res = m.result;
      });
      stream.on('error', reject);
      stream.on('end', () => (res ? resolve(res) : reject(new Error('trainer ended without a result'))));
    });
    view.update({ stageId: 'train', label: `train ${values.env}`, state: 'succeeded', fraction: 1, message: '' });
    fs.writeFileSync(values.out, await new ArtifactClient(storeAddress).get(result.policy.id));
    console.log(JSON.stringify({ out: values.out, policy: result.policy.id, finalMeanReturn: result.finalMeanReturn }));
    return 0;
  } finally {
    await cluster?.stop();
  }
}
