// `rlprune train --env ID --steps N --seed S [...] --out FILE`: one training through the trainer and
// simulator services (started locally when no --address is given), with a progress bar.
import fs from 'node:fs';
import type * as grpc from '@grpc/grpc-js';
import { parseArgs } from 'node:util';
import { protos } from '@rlprune/proto';
import { ArtifactClient, getClient } from '@rlprune/service-kit';
import { launchLocalServices } from '../../local/launch';
import { UsageError } from '../errors';
import { ProgressView } from '../progress';
import path from 'node:path';
import os from 'node:os';

const USAGE =
  'usage: rlprune train --env ID --steps N --seed S [--hidden 64,64] [--num-envs N] [--sa-kappa K --sa-method sgld|convex] ' +
  '[--prune-criterion NAME --prune-final S --prune-burn-in F --prune-interval K] --out FILE [--trainer host:port --store host:port]';

export async function trainCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string' },
      steps: { type: 'string' },
      seed: { type: 'string', default: '1' },
      hidden: { type: 'string' },
      'num-envs': { type: 'string' },
      'sa-kappa': { type: 'string' },
      'sa-method': { type: 'string', default: 'sgld' },
      'prune-criterion': { type: 'string' },
      'prune-final': { type: 'string' },
      'prune-burn-in': { type: 'string', default: '0.25' },
      'prune-interval': { type: 'string', default: '15' },
      out: { type: 'string' },
      trainer: { type: 'string' },
      store: { type: 'string' },
    },
  });
  if (!values.env || !values.steps || !values.out) throw new UsageError(USAGE);
  const numEnvs = values['num-envs'] ? Number(values['num-envs']) : 1;
  const req = {
    envId: values.env,
    seed: Number(values.seed),
    totalSteps: Number(values.steps),
    ppo: {
      numEnvs,
      ...(values.hidden ? { hidden: values.hidden.split(',').map(Number) } : {}),
    },
    sa: values['sa-kappa'] ? { kappa: Number(values['sa-kappa']), method: values['sa-method'] } : null,
    pruning: values['prune-criterion']
      ? {
          criterion: values['prune-criterion'],
          kind: 'cubic',
          finalSparsity: Number(values['prune-final'] ?? '0.5'),
          startFraction: Number(values['prune-burn-in']),
          interval: Number(values['prune-interval']),
          seed: Number(values.seed),
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
