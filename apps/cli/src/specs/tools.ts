// Tables of the environment, study and shell commands: env list, env rollout, locate, completion.
import type { CommandSpec, GroupSpec } from '../args/spec';
import { JSON_OUTPUT } from './common';

export const ENV_LIST = {
  name: 'env list',
  summary: 'the tasks: observation and action widths, time step, episode length, default attack budget',
  flags: { json: JSON_OUTPUT },
  examples: ['rlprune env list'],
} as const satisfies CommandSpec;

export const ENV_ROLLOUT = {
  name: 'env rollout',
  summary: 'step a task in-process, one JSON line per step (zero actions unless --actions)',
  flags: {
    env: { kind: 'string', value: 'ID', description: 'task to step', required: true, example: 'InvertedPendulum-v4' },
    seed: { kind: 'non-negative-integer', value: 'N', description: 'seed of the reset noise', default: '0', example: '1' },
    'no-reset-noise': { kind: 'boolean', description: 'start from the noise-free initial state' },
    actions: { kind: 'string', value: 'FILE.json', description: 'actions to apply, a JSON array of arrays', example: 'actions.json' },
    steps: { kind: 'positive-integer', value: 'N', description: 'steps to take', defaultText: 'one episode, or as many as --actions', example: '100' },
  },
  examples: ['rlprune env rollout --env InvertedPendulum-v4 --seed 1 --steps 5'],
} as const satisfies CommandSpec;

export const ENV = {
  name: 'env',
  summary: "the simulator's tasks, in-process",
  subcommands: [ENV_LIST, ENV_ROLLOUT],
} as const satisfies GroupSpec;

export const LOCATE = {
  name: 'locate',
  summary: "where the sweet spot sits across results folders, beside each group's measurable properties, and their rank correlations",
  flags: {
    from: { kind: 'string', value: 'DIR', description: 'a results folder (results/<name>) whose published runs to analyse', required: true, repeatable: true, example: 'results/paper-hopper-pruning-curve' },
    json: JSON_OUTPUT,
    to: { kind: 'string', value: 'DIR', description: 'also write DIR/summary.json, DIR/results.csv (one value per row) and DIR/figures/location-<family>.svg', example: '/tmp/sweet-spot-location' },
  },
  examples: [
    'rlprune locate --from results/paper-hopper-pruning-curve --from results/paper-walker2d-pruning-curve --from results/paper-halfcheetah-pruning-curve',
    'rlprune locate --from results/paper-hopper-pruning-curve --json --to /tmp/sweet-spot-location',
  ],
} as const satisfies CommandSpec;

export const COMPLETION = {
  name: 'completion',
  summary: 'a shell completion script for bash or zsh, generated from these tables',
  args: { name: 'SHELL', description: 'bash or zsh', min: 1, max: 1, choices: ['bash', 'zsh'] },
  flags: {},
  examples: ['source <(rlprune completion bash)', 'rlprune completion zsh > "${fpath[1]}/_rlprune"'],
} as const satisfies CommandSpec;
