// `rlprune env list` and `rlprune env rollout`: the simulator's tasks, in-process, for scripted
// rollouts and debugging (one JSON line per step).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { listEnvSpecs, parseActionsJson, rollout } from '@rlprune/envs';
import { UsageError } from '../errors';
import { formatTable } from '../table';

const USAGE = 'usage: rlprune env list [--json] | rlprune env rollout --env ID --seed N [--no-reset-noise] [--actions FILE.json] [--steps N]';

export async function envCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } } });
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
  if (sub === 'rollout') {
    const { values } = parseArgs({
      args: rest,
      options: {
        env: { type: 'string' },
        seed: { type: 'string', default: '0' },
        'no-reset-noise': { type: 'boolean', default: false },
        actions: { type: 'string' },
        steps: { type: 'string' },
      },
    });
    if (!values.env) throw new UsageError(USAGE);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got ${values.seed}`);
    const steps = values.steps === undefined ? undefined : Number(values.steps);
    if (steps !== undefined && (!Number.isInteger(steps) || steps < 1)) throw new UsageError(`--steps must be a positive integer, got ${values.steps}`);
    let actions: number[][] | undefined;
    if (values.actions) {
      if (!fs.existsSync(values.actions)) throw new UsageError(`actions file ${values.actions} does not exist`);
      actions = parseActionsJson(fs.readFileSync(values.actions, 'utf8'));
    }
    for await (const rec of rollout({ envId: values.env, seed, resetNoise: !values['no-reset-noise'], ...(actions ? { actions } : {}), ...(steps ? { steps } : {}) })) {
      process.stdout.write(`${JSON.stringify(rec)}\n`);
    }
    return 0;
  }
  throw new UsageError(USAGE);
}
