// `rlprune env list` and `rlprune env rollout`: the simulator's tasks, in-process, for scripted
// rollouts and debugging (one JSON line per step).
import fs from 'node:fs';
import { listEnvSpecs, parseActionsJson, rollout } from '@rlprune/envs';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { ENV_LIST, ENV_ROLLOUT } from '../specs/tools';
import { formatTable } from '../table';

export async function envListCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(ENV_LIST, argv);
  const specs = listEnvSpecs();
  if (values.json) console.log(JSON.stringify(specs, null, 2));
  else
    console.log(
      formatTable(
        ['id', 'obs', 'act', 'dt', 'action range', 'max steps', 'attack eps'],
        specs.map((s) => [s.id, String(s.obsDim), String(s.actDim), String(s.dt), `[${s.actionLow[0]}, ${s.actionHigh[0]}]`, String(s.maxEpisodeSteps), String(s.defaultAttackEpsilon)]),
      ),
    );
  return 0;
}

export async function envRolloutCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(ENV_ROLLOUT, argv);
  let actions: number[][] | undefined;
  if (values.actions) {
    if (!fs.existsSync(values.actions)) throw new UsageError(`actions file ${values.actions} does not exist`);
    actions = parseActionsJson(fs.readFileSync(values.actions, 'utf8'));
  }
  const steps = values.steps;
  for await (const rec of rollout({ envId: values.env, seed: values.seed, resetNoise: !values['no-reset-noise'], ...(actions ? { actions } : {}), ...(steps ? { steps } : {}) })) {
    process.stdout.write(`${JSON.stringify(rec)}\n`);
  }
  return 0;
}
