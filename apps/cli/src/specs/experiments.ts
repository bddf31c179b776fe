// Tables of the commands on experiments: run, ls, report, compare, resume, publish, cancel.
import type { CommandSpec } from '../args/spec';
import { ADDRESS, CONCURRENCY, HOME, JSON_OUTPUT } from './common';

export const RUN = {
  name: 'run',
  summary: 'run an experiment spec: validate, submit, show stage progress, print the report path',
  args: { name: 'SPEC.yaml', description: 'the experiment spec (examples/*.yaml)', min: 1, max: 1 },
  flags: {
    address: ADDRESS,
    home: HOME,
    detach: { kind: 'boolean', description: 'print the experiment id and return without following it' },
    concurrency: CONCURRENCY,
  },
  examples: ['rlprune run examples/quickstart.yaml', 'rlprune run spec.yaml --address 127.0.0.1:50051 --detach'],
} as const satisfies CommandSpec;

export const LS = {
  name: 'ls',
  summary: "the ledger's experiments (a local home is read directly, no service starts)",
  flags: { address: ADDRESS, home: HOME, json: JSON_OUTPUT },
  examples: ['rlprune ls', 'rlprune ls --home /data/rlprune --json'],
} as const satisfies CommandSpec;

export const REPORT = {
  name: 'report',
  summary: "an experiment's report: paths and sweet spots (partial while it runs); or a results folder's report",
  args: { name: 'ID', description: 'experiment id (`rlprune ls`); not with --from', min: 0, max: 1 },
  flags: {
    address: ADDRESS,
    home: HOME,
    json: JSON_OUTPUT,
    from: { kind: 'string', value: 'DIR', description: 'render the report of every run published in this results folder (and its figures as DIR/figures/<id>.svg)', example: 'results/quickstart' },
  },
  examples: ['rlprune report exp-0123456789', 'rlprune report --from results/paper-hopper-pruning-curve'],
} as const satisfies CommandSpec;

export const COMPARE = {
  name: 'compare',
  summary: 'one HTML page with the figures of several experiments side by side',
  args: { name: 'ID|DIR', description: 'experiment ids (`rlprune ls`), or results folders (results/<name>, with --to), two to eight', min: 2, max: 8 },
  flags: {
    address: ADDRESS,
    home: HOME,
    json: JSON_OUTPUT,
    to: { kind: 'string', value: 'DIR', description: 'folder to write the page (and its overlays as DIR/figures/cmp-<key>.svg) into when comparing results folders (required then)', example: 'results/compare-micro-oneshot' },
  },
  examples: ['rlprune compare exp-0123456789 exp-abcdef0123', 'rlprune compare results/paper-hopper-pruning-curve results/paper-hopper-oneshot-50 --to /tmp/compare'],
} as const satisfies CommandSpec;

export const RESUME = {
  name: 'resume',
  summary: 'finish unfinished experiments: the ids given, else every unfinished one in the home',
  args: { name: 'ID', description: 'experiment ids (`rlprune ls`)', min: 0, max: Infinity },
  flags: { address: ADDRESS, home: HOME, concurrency: CONCURRENCY },
  examples: ['rlprune resume', 'rlprune resume exp-0123456789 --concurrency 2'],
} as const satisfies CommandSpec;

export const PUBLISH = {
  name: 'publish',
  summary: 'copy finished runs out of the ledger into a results folder (no service needed)',
  args: { name: 'ID', description: 'experiment ids (`rlprune ls`)', min: 1, max: Infinity },
  flags: {
    to: { kind: 'string', value: 'DIR', description: 'results folder to publish into', required: true, example: 'results/my-curve' },
    home: HOME,
  },
  examples: ['rlprune publish exp-0123456789 --to results/my-curve'],
} as const satisfies CommandSpec;

export const CANCEL = {
  name: 'cancel',
  summary: 'cancel a running experiment (finished stages stay)',
  args: { name: 'ID', description: 'experiment id (`rlprune ls`)', min: 1, max: 1 },
  flags: { address: ADDRESS, home: HOME },
  examples: ['rlprune cancel exp-0123456789'],
} as const satisfies CommandSpec;
