// `rlprune evaluate --policy FILE --env ID --episodes N --seed S [--attack NAME --eps E]
// [--deterministic] --json`: episodes through the simulator (and an attacker), services started
// locally when no address is given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SimulatorClient } from '@rlprune/clients';
import type { EpisodeResult__Output } from '@rlprune/proto';
import { ArtifactClient } from '@rlprune/service-kit';
import { launchLocalServices } from '../local/launch';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { EVALUATE } from '../specs/policies';

export async function evaluateCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(EVALUATE, argv);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  if (values.attack && values.eps === undefined) throw new UsageError(`--attack ${values.attack} needs --eps (the attack budget, e.g. --eps 0.075)`);
  if (!values.attack && values.eps !== undefined) throw new UsageError('--eps is the budget of an --attack: give --attack NAME too');
  const cluster = await launchLocalServices({
    home: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-eval-')),
    attacks: values.attack ? [values.attack] : ['random'],
  });
  try {
    const policyId = await new ArtifactClient(cluster.orchestrator).put(fs.readFileSync(values.policy), { kind: 'policy' });
    const sim = new SimulatorClient(cluster.services.find((s) => s.name === 'simulator')!.address);
    const episodes: EpisodeResult__Output[] = [];
    const summary = await sim.evaluate(
      {
        policy: { id: policyId },
        envId: values.env,
        episodes: values.episodes,
        seed: values.seed,
        deterministic: values.deterministic,
        attack: values.attack
          ? { address: cluster.services.find((x) => x.name === `attacker-${values.attack}`)!.address, attack: values.attack, epsilon: values.eps }
          : null,
      },
      {
        onEpisode: (episode) => {
          episodes.push(episode);
          if (!values.json) process.stderr.write(`episode ${episodes.length}: ${JSON.stringify(episode)}\n`);
        },
      },
    );
    const { stateSample: _ignored, ...stats } = summary;
    console.log(values.json ? JSON.stringify({ episodes, summary: stats }) : JSON.stringify(stats, null, 2));
    return 0;
  } finally {
    await cluster.stop();
  }
}
