// Tables of the commands on single policies: train, prune, evaluate, certify, policy *.
import type { CommandSpec, GroupSpec } from '../args/spec';
import { ATTACKS, CERTIFY_METHODS, CRITERIA, JSON_OUTPUT, POLICY_FILE } from './common';

export const TRAIN = {
  name: 'train',
  summary: 'train one policy through the trainer and simulator services (started locally unless --trainer and --store)',
  flags: {
    env: { kind: 'string', value: 'ID', description: 'task to train on (`rlprune env list`)', required: true, example: 'InvertedPendulum-v4' },
    'total-timesteps': { kind: 'positive-integer', value: 'N', description: "environment steps to train for, over all envs (CleanRL's total_timesteps)", required: true, example: '20000' },
    seed: { kind: 'non-negative-integer', value: 'N', description: 'seed of the run', default: '1', example: '3' },
    hidden: { kind: 'integer-list', value: 'W,W', description: 'hidden layer widths of actor and critic', defaultText: "the trainer's (64,64)", example: '256,256' },
    'num-envs': { kind: 'positive-integer', value: 'N', description: 'environments stepped in parallel', default: '1', example: '8' },
    'sa-kappa': { kind: 'non-negative-number', value: 'K', description: 'SA-PPO regulariser weight; none trains plain PPO', example: '0.3' },
    'sa-method': { kind: 'choice', value: 'M', choices: ['sgld', 'convex'], description: 'how the SA regulariser finds the worst perturbation', default: 'sgld', example: 'convex' },
    'prune-criterion': { kind: 'choice', value: 'NAME', choices: CRITERIA, description: 'prune during training by this criterion; none trains dense', example: 'magnitude' },
    'prune-final': { kind: 'fraction', value: 'S', description: 'sparsity reached at the end of training (with --prune-criterion)', default: '0.5', example: '0.8' },
    'prune-burn-in': { kind: 'fraction', value: 'F', description: 'fraction of training before pruning starts', default: '0.25', example: '0.1' },
    'prune-interval': { kind: 'positive-integer', value: 'K', description: 'PPO iterations between mask updates', default: '15', example: '10' },
    out: { kind: 'string', value: 'FILE', description: 'policy file to write', required: true, example: 'policy.rlp' },
    trainer: { kind: 'string', value: 'HOST:PORT', description: 'a running trainer to use (with --store)', example: '127.0.0.1:50053' },
    store: { kind: 'string', value: 'HOST:PORT', description: 'the artifact store (orchestrator) that trainer writes to', example: '127.0.0.1:50051' },
  },
  examples: ['rlprune train --env InvertedPendulum-v4 --total-timesteps 20000 --seed 1 --out policy.rlp', 'rlprune train --env Hopper-v4 --total-timesteps 1000000 --sa-kappa 0.3 --prune-criterion magnitude --prune-final 0.8 --out hopper.rlp'],
} as const satisfies CommandSpec;

export const PRUNE = {
  name: 'prune',
  summary: 'one-shot pruning in-process; prints per-layer sparsity and bounds as JSON',
  flags: {
    policy: POLICY_FILE,
    criterion: { kind: 'choice', value: 'NAME', choices: CRITERIA, description: 'which weights go first', required: true, example: 'magnitude' },
    sparsity: { kind: 'fraction', value: 'S', description: 'fraction of weights to remove', required: true, example: '0.5' },
    scope: { kind: 'choice', value: 'SCOPE', choices: ['layer', 'global'], description: 'rank weights per layer or across the whole net', default: 'layer', example: 'global' },
    structured: { kind: 'boolean', description: 'remove whole neurons instead of single weights' },
    seed: { kind: 'non-negative-integer', value: 'N', description: 'seed (random criterion, saliency rollouts)', default: '0', example: '1' },
    env: { kind: 'string', value: 'ID', description: 'saliency: roll the policy out here for states', example: 'Hopper-v4' },
    states: { kind: 'string', value: 'FILE.json', description: 'saliency: normalised states to take gradients on', example: 'states.json' },
    'state-count': { kind: 'positive-integer', value: 'N', description: 'saliency with --env: states to roll out', default: '256', example: '1024' },
    out: { kind: 'string', value: 'FILE', description: 'pruned policy file to write', required: true, example: 'pruned.rlp' },
  },
  examples: ['rlprune prune --policy policy.rlp --criterion magnitude --sparsity 0.5 --out pruned.rlp', 'rlprune prune --policy policy.rlp --criterion saliency --sparsity 0.8 --env Hopper-v4 --out pruned.rlp'],
} as const satisfies CommandSpec;

export const EVALUATE = {
  name: 'evaluate',
  summary: 'episodes of a policy through the simulator, optionally under attack (services start locally)',
  flags: {
    policy: POLICY_FILE,
    env: { kind: 'string', value: 'ID', description: 'task to act in', required: true, example: 'Hopper-v4' },
    episodes: { kind: 'positive-integer', value: 'N', description: 'episodes to run', default: '10', example: '50' },
    seed: { kind: 'non-negative-integer', value: 'N', description: 'seed of the episodes', default: '0', example: '1' },
    attack: { kind: 'choice', value: 'NAME', choices: ATTACKS, description: 'observation attack (with --eps); none evaluates clean', example: 'mad' },
    eps: { kind: 'non-negative-number', value: 'E', description: 'attack budget (l-inf, on normalised observations)', example: '0.075' },
    deterministic: { kind: 'boolean', description: 'act with the mean action instead of sampling' },
    json: JSON_OUTPUT,
  },
  examples: ['rlprune evaluate --policy pruned.rlp --env Hopper-v4 --episodes 10', 'rlprune evaluate --policy pruned.rlp --env Hopper-v4 --attack mad --eps 0.075 --json'],
} as const satisfies CommandSpec;

export const CERTIFY = {
  name: 'certify',
  summary: 'bounds of a policy in-process: global Lipschitz/TV bounds, per-state action-mean bounds, certified radius',
  flags: {
    policy: POLICY_FILE,
    eps: { kind: 'non-negative-number', value: 'E', description: 'perturbation budget', required: true, example: '0.075' },
    method: { kind: 'choice-list', value: 'M,M', choices: CERTIFY_METHODS, description: 'bound methods', default: CERTIFY_METHODS.join(','), example: 'crown' },
    norm: { kind: 'choice', value: 'NORM', choices: ['linf', 'l2'], description: 'norm of the budget', default: 'linf', example: 'l2' },
    states: { kind: 'string', value: 'FILE.json', description: 'normalised states to bound (a JSON array of arrays)', example: 'states.json' },
    threshold: { kind: 'non-negative-number', value: 'TV', description: 'total-variation level a state counts as certified below', default: '0.1', example: '0.05' },
    'no-radius': { kind: 'boolean', description: 'skip the certified radius (about 15 bound evaluations per state)' },
    reference: { kind: 'string', value: 'FILE', description: 'the dense policy this one was pruned from: adds the parameter-path bound (needs --states)', example: 'dense.rlp' },
    json: JSON_OUTPUT,
  },
  examples: ['rlprune certify --policy pruned.rlp --eps 0.075 --method crown --states states.json', 'rlprune certify --policy pruned.rlp --eps 0.075 --states states.json --reference dense.rlp --json'],
} as const satisfies CommandSpec;

const POLICY_ARG = { name: 'FILE', description: 'policy file (.rlp)', min: 1, max: 1 } as const;

export const POLICY_INSPECT = {
  name: 'policy inspect',
  summary: 'env, seed, sparsity, layer widths and log-std of a policy file',
  args: POLICY_ARG,
  flags: { json: { kind: 'boolean', description: 'the whole policy as JSON (README "Policies in and out of rlprune")' } },
  examples: ['rlprune policy inspect policy.rlp', 'rlprune policy inspect policy.rlp --json > policy.json'],
} as const satisfies CommandSpec;

export const POLICY_EXPORT = {
  name: 'policy export',
  summary: 'write a policy in another format: the actor as ONNX (opset 17), or the policy JSON',
  args: POLICY_ARG,
  flags: {
    format: { kind: 'choice', value: 'FORMAT', choices: ['onnx', 'json'], description: 'onnx: normaliser, masked layers, action_mean and log_std outputs; json: what import reads', required: true, example: 'onnx' },
    out: { kind: 'string', value: 'FILE', description: 'file to write', required: true, example: 'policy.onnx' },
  },
  examples: ['rlprune policy export pruned.rlp --format onnx --out pruned.onnx'],
} as const satisfies CommandSpec;

export const POLICY_IMPORT = {
  name: 'policy import',
  summary: 'a policy JSON (e.g. written by a PyTorch script) as a policy file prune, evaluate and certify take',
  args: { name: 'FILE.json', description: 'policy JSON', min: 1, max: 1 },
  flags: { out: { kind: 'string', value: 'FILE', description: 'policy file to write', required: true, example: 'policy.rlp' } },
  examples: ['rlprune policy import policy.json --out policy.rlp'],
} as const satisfies CommandSpec;

export const POLICY = {
  name: 'policy',
  summary: 'a policy file as text, and policies leaving and entering rlprune',
  subcommands: [POLICY_INSPECT, POLICY_EXPORT, POLICY_IMPORT],
} as const satisfies GroupSpec;
