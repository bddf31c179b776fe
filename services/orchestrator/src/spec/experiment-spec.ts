// The experiment spec: what a researcher writes. Every field is documented in the schema below,
// which also gives its default; `parseSpec` validates a YAML text against it.
import { SA_PPO_RS_SWEEP, type RsSweepSetting } from '@rlprune/attacks';
import { actorCriticParameterBound, DEFAULT_MAX_POLICY_PARAMETERS } from '@rlprune/nn';
import { resolvePpoConfig, PPO_DEFAULTS, type PpoConfig } from '@rlprune/rl';
import { envInt, InvalidArgumentError } from '@rlprune/service-kit';
import { parseWithSchema, SpecError, type Schema } from './schema';

export interface ParseSpecOptions {
  /** Read the train fields' old spellings (TRAIN_RENAMED) as their new names: for specs stored before the rename. Default false. */
  acceptOldNames?: boolean;
}

/** The parameter cap the trainer applies, read where the spec is checked so both agree. */
export function maxPolicyParametersSetting(env: NodeJS.ProcessEnv = process.env): number {
  return envInt('RLPRUNE_MAX_POLICY_PARAMETERS', DEFAULT_MAX_POLICY_PARAMETERS, env);
}

export const ATTACK_NAMES = ['random', 'critic', 'mad', 'rs', 'rs_mad', 'learned', 'correlated'] as const;
export const CERTIFY_METHODS = ['lipschitz', 'spectral', 'ibp', 'crown'] as const;
export const CRITERIA = ['magnitude', 'saliency', 'random'] as const;
export const PRUNING_MODES = ['during', 'one_shot', 'post_hoc'] as const;

/** Env ids the simulator serves (checked again by the simulator itself). */
export const KNOWN_ENVS = [
  'Hopper-v4',
  'Hopper-v5',
  'Walker2d-v4',
  'Walker2d-v5',
  'HalfCheetah-v4',
  'HalfCheetah-v5',
  'InvertedPendulum-v4',
] as const;

const num = (doc: string, extra: Partial<Extract<Schema, { kind: 'number' }>> = {}): Schema => ({ kind: 'number', doc, ...extra });
const sparsity = (doc: string): Schema => num(doc, { min: 0, max: 1, maxExclusive: true });
/** A PPO setting whose default lives in libs/rl (PPO_DEFAULTS): absent here is null, and the trainer fills it in. */
const ppo = (doc: string, key: keyof typeof PPO_DEFAULTS, extra: Partial<Extract<Schema, { kind: 'number' }>>): Schema => ({
  kind: 'nullable',
  inner: num(doc, extra),
  doc: `${doc}; default ${String(PPO_DEFAULTS[key])} (libs/rl)`,
});

const ppoFlag = (doc: string, key: keyof typeof PPO_DEFAULTS): Schema => ({
  kind: 'nullable',
  inner: { kind: 'boolean', doc },
  doc: `${doc}; default ${String(PPO_DEFAULTS[key])} (libs/rl)`,
});

/** Spellings of train fields before they took CleanRL's names: refused naming the new one, read in stored specs. */
export const TRAIN_RENAMED: Record<string, string> = {
  steps: 'total_timesteps',
  rollout_steps: 'num_steps',
  epochs: 'update_epochs',
  minibatches: 'num_minibatches',
};

export const SPEC_SCHEMA: Schema = {
  kind: 'object',
  doc: 'an experiment spec',
  fields: {
    name: { kind: 'string', doc: 'experiment name shown in listings' },
    envs: { kind: 'list', minItems: 1, items: { kind: 'string', enum: KNOWN_ENVS, doc: 'env id' }, doc: 'environments' },
    seeds: { kind: 'list', minItems: 1, items: num('run seed', { integer: true, min: 0 }), doc: 'run seeds' },
    train: {
      kind: 'object',
      doc: 'PPO training of every policy',
      renamed: TRAIN_RENAMED,
      fields: {
        total_timesteps: num('env steps per training run, over all envs (CleanRL total_timesteps)', { integer: true, min: 1 }),
        // defaults from libs/rl too, filled in here because the spec checks the nets' size against the trainer's cap
        hidden: { kind: 'list', items: num('width', { integer: true, min: 1 }), default: [...PPO_DEFAULTS.hidden], doc: 'hidden widths of actor and critic' },
        activation: { kind: 'string', enum: ['tanh', 'relu'], default: PPO_DEFAULTS.activation, doc: 'hidden activation' },
        // PPO's own settings under CleanRL's names; absent = libs/rl's default (PPO_DEFAULTS, the one place they live)
        num_envs: ppo('parallel envs', 'numEnvs', { integer: true, min: 1 }),
        num_steps: ppo('steps per env per rollout (one iteration collects num_steps x num_envs)', 'numSteps', { integer: true, min: 1 }),
        learning_rate: ppo('Adam learning rate, annealed linearly to 0', 'learningRate', { min: 0, minExclusive: true }),
        update_epochs: ppo('passes over each rollout', 'updateEpochs', { integer: true, min: 1 }),
        num_minibatches: ppo('minibatches per pass; must divide num_steps x num_envs', 'numMinibatches', { integer: true, min: 1 }),
        gamma: ppo('discount factor', 'gamma', { min: 0, max: 1 }),
        gae_lambda: ppo('GAE lambda', 'gaeLambda', { min: 0, max: 1 }),
        clip_coef: ppo('clipping range of the probability ratio (and of the value loss)', 'clipCoef', { min: 0 }),
        ent_coef: ppo('weight of the entropy bonus', 'entCoef', {}),
        vf_coef: ppo('weight of the value loss', 'vfCoef', { min: 0 }),
        anneal_lr: ppoFlag('anneal the learning rate linearly to 0 over the iterations', 'annealLr'),
        norm_adv: ppoFlag('normalise advantages per minibatch', 'normAdv'),
        clip_vloss: ppoFlag("clip the value loss around the rollout's values with clip_coef", 'clipVloss'),
        target_kl: ppo("stop an iteration's epochs early once the approximate KL exceeds this (none: never)", 'targetKl', { min: 0, minExclusive: true }),
        optimiser: {
          kind: 'string',
          enum: ['auto', 'cleanrl', 'sa_ppo'],
          default: 'auto',
          doc:
            "cleanrl: one Adam over actor, critic and log-std, gradient-norm clip 0.5; sa_ppo: SA-PPO's own (a policy Adam and a value Adam at lr 2.5e-4, both annealed, no clip); " +
            'auto: sa_ppo when kappa > 0, cleanrl for kappa 0 (set one of the two to compare kappas on one optimiser)',
        },
      },
    },
    sa: {
      kind: 'object',
      doc: 'SA-PPO regulariser',
      fields: {
        kappas: { kind: 'list', items: num('kappa', { min: 0 }), default: [0], doc: 'regulariser weights to sweep (0 = plain PPO)' },
        method: { kind: 'string', enum: ['sgld', 'convex'], default: 'sgld', doc: 'estimate of the inner max' },
        epsilon: { kind: 'nullable', inner: num('radius', { min: 0 }), doc: "default: the env's attack epsilon" },
        detach_stdev: { kind: 'boolean', default: false, doc: "hold sigma constant in the regulariser (SA-PPO's robust_ppo_detach_stdev)" },
        convex_bounds: {
          kind: 'string',
          enum: ['crown-ibp', 'crown'],
          default: 'crown-ibp',
          doc: 'convex method: IBP hidden bounds and CROWN for the output (as SA-PPO), or CROWN for every layer',
        },
      },
    },
    pruning: {
      kind: 'object',
      doc: 'how policies are made sparse',
      fields: {
        mode: {
          kind: 'string',
          enum: PRUNING_MODES,
          default: 'during',
          doc:
            "during: micro-pruning, the mask follows the cubic schedule every `interval` gradient steps; one_shot: the paper's one-shot arm, " +
            'pruned once to the final sparsity at the end of burn-in (start_fraction), then trained on to the same step budget; ' +
            'post_hoc: the finished dense policy pruned once (no training after)',
        },
        criteria: { kind: 'list', items: { kind: 'string', enum: CRITERIA, doc: 'criterion' }, default: ['magnitude'], doc: 'criteria' },
        sparsities: { kind: 'list', minItems: 1, items: sparsity('final sparsity in [0, 1)'), default: [0], doc: 'final sparsities' },
        scope: { kind: 'string', enum: ['layer', 'global'], default: 'layer', doc: 'same fraction per layer, or one global threshold' },
        structured: { kind: 'boolean', default: false, doc: 'remove whole hidden units' },
        start_fraction: num('burn-in fraction', { min: 0, max: 1, default: 0.25 }),
        end_fraction: num('fraction at which the final sparsity is reached', { min: 0, max: 1, default: 0.75 }),
        interval: num('gradient steps between mask updates', { integer: true, min: 1, default: 15 }),
      },
    },
    attacks: {
      kind: 'list',
      default: [],
      doc: 'attacks to evaluate under',
      items: {
        kind: 'object',
        doc: 'one attack',
        fields: {
          name: { kind: 'string', enum: ATTACK_NAMES, doc: 'attack name' },
          epsilons: { kind: 'list', items: num('L-inf radius', { min: 0 }), default: [], doc: "radii; default the env's attack epsilon" },
          iterations: {
            kind: 'nullable',
            inner: num('PPO iterations of the learned adversary', { integer: true, min: 1, max: 100000 }),
            doc:
              "learned only: the adversary's training budget in PPO iterations of 2048 env steps, per attacked policy; default the attack's 100 " +
              "(204,800 steps); ATLA trains its adversary about as long as the agent (488 for a 1M-step victim)",
          },
          sweep: {
            kind: 'nullable',
            doc:
              "rs and rs_mad only: robust sarsa settings, one Q each; the attack's result is the lowest mean return over them, as SA-PPO reports RS. " +
              "Default SA-PPO's 30 (eps_q 0.02-0.3 x reg_coef 0.1-10); [] learns one Q at the attack's defaults",
            inner: {
              kind: 'list',
              doc: 'settings',
              items: {
                kind: 'object',
                doc: 'one robust sarsa setting',
                fields: {
                  eps_q: num('radius of the smoothness ball on [s, a]', { min: 0 }),
                  reg_coef: num('weight of the smoothness regulariser', { min: 0 }),
                },
              },
            },
          },
        },
      },
    },
    certify: {
      kind: 'object',
      doc:
        "certification of every policy, at every epsilon an attack uses and the env's default epsilon (so each bound pairs with an attack at its epsilon); " +
        "at the env default also each method's mean certified radius and, for a pruned policy, the parameter path from the dense policy of the same run",
      fields: {
        methods: { kind: 'list', items: { kind: 'string', enum: CERTIFY_METHODS, doc: 'method' }, default: ['lipschitz', 'ibp', 'crown'], doc: 'methods' },
        epsilon: { kind: 'nullable', inner: num('radius', { min: 0 }), doc: 'one more radius to certify at, besides the attacks\' epsilons and the env default' },
        states: num('states sampled from clean evaluation', { integer: true, min: 1, default: 256 }),
        tv_threshold: num('TV bound that counts as certified (and that the certified radius keeps)', { min: 0, max: 1, default: 0.1 }),
      },
    },
    evaluation: {
      kind: 'object',
      doc: 'evaluation episodes',
      fields: {
        episodes: num('episodes per evaluation', { integer: true, min: 1, default: 10 }),
        deterministic: { kind: 'boolean', default: true, doc: 'act with the mean action' },
        sampled_clean: {
          kind: 'boolean',
          default: false,
          doc:
            'also evaluate each policy clean with actions sampled from its Gaussian, reported beside the mean-action return ' +
            '(a mean action can stall where the sampled policy runs); needs deterministic: true',
        },
      },
    },
    analysis: {
      kind: 'object',
      doc: 'analysis settings',
      fields: {
        j_star: { kind: 'nullable', inner: num('reference return J*'), doc: 'default: best clean return of the experiment' },
        keep_fraction: num('fraction of dense clean return the sweet spot must keep', { min: 0, max: 1, default: 0.95 }),
        normalise: {
          kind: 'string',
          enum: ['own_dense', 'dense_clean'],
          default: 'own_dense',
          doc: "what divides a return under attack A at epsilon E: the dense policy's return under A at E (own_dense, the paper's score) or the dense clean return (dense_clean)",
        },
        horizon: num('episode horizon H in the regret bounds', { integer: true, min: 1, default: 1000 }),
      },
    },
  },
};

export interface ExperimentSpec {
  name: string;
  envs: string[];
  seeds: number[];
  train: {
    total_timesteps: number;
    hidden: number[];
    activation: 'tanh' | 'relu';
    // null: libs/rl's default
    num_envs: number | null;
    num_steps: number | null;
    learning_rate: number | null;
    update_epochs: number | null;
    num_minibatches: number | null;
    gamma: number | null;
    gae_lambda: number | null;
    clip_coef: number | null;
    ent_coef: number | null;
    vf_coef: number | null;
    anneal_lr: boolean | null;
    norm_adv: boolean | null;
    clip_vloss: boolean | null;
    target_kl: number | null;
    optimiser: 'auto' | 'cleanrl' | 'sa_ppo';
  };
  sa: { kappas: number[]; method: 'sgld' | 'convex'; epsilon: number | null; detach_stdev: boolean; convex_bounds: 'crown-ibp' | 'crown' };
  pruning: {
    mode: (typeof PRUNING_MODES)[number];
    criteria: string[];
    sparsities: number[];
    scope: 'layer' | 'global';
    structured: boolean;
    start_fraction: number;
    end_fraction: number;
    interval: number;
  };
  /**
   * sweep: robust sarsa settings of rs / rs_mad (empty: one Q at the defaults; always empty for other attacks).
   * iterations: the learned adversary's budget (null: the attack's default; always null for other attacks).
   */
  attacks: { name: string; epsilons: number[]; iterations: number | null; sweep: RsSweepSetting[] }[];
  certify: { methods: string[]; epsilon: number | null; states: number; tv_threshold: number };
  evaluation: { episodes: number; deterministic: boolean; sampled_clean: boolean };
  analysis: { j_star: number | null; keep_fraction: number; normalise: 'own_dense' | 'dense_clean'; horizon: number };
}

/**
 * Parses and validates a spec; throws SpecError naming the field and line. `maxPolicyParameters`
 * (default: RLPRUNE_MAX_POLICY_PARAMETERS, as the trainer reads it) bounds the nets train.hidden asks for.
 */
export function parseSpec(text: string, maxPolicyParameters = maxPolicyParametersSetting(), opts: ParseSpecOptions = {}): ExperimentSpec {
  const spec = parseWithSchema(text, SPEC_SCHEMA, opts.acceptOldNames ?? false) as ExperimentSpec;
  spec.attacks.forEach((a, i) => (a.sweep = resolveSweep(a.name, a.sweep as RsSweepSetting[] | null, i)));
  spec.attacks.forEach((a, i) => {
    if (a.iterations !== null && a.name !== LEARNED_ATTACK) {
      throw new SpecError(`attacks[${i}].iterations`, null, `only the ${LEARNED_ATTACK} attack trains an adversary; ${a.name} has no iterations`);
    }
  });
  // cross-field rules the per-field schema cannot say
  if (spec.pruning.start_fraction >= spec.pruning.end_fraction) {
    throw new SpecError(
      'pruning.start_fraction',
      null,
      `burn-in (${spec.pruning.start_fraction}) must end before the pruning end (end_fraction ${spec.pruning.end_fraction})`,
    );
  }
  if (spec.evaluation.sampled_clean && !spec.evaluation.deterministic) {
    throw new SpecError('evaluation.sampled_clean', null, 'the clean evaluation already samples actions (evaluation.deterministic is false); drop one of the two');
  }
  const parameters = actorCriticParameterBound(spec.train.hidden);
  if (parameters > maxPolicyParameters) {
    throw new SpecError(
      'train.hidden',
      null,
      `widths [${spec.train.hidden.slice(0, 8).join(', ')}${spec.train.hidden.length > 8 ? ', ...' : ''}] make up to ${parameters} parameters, ` +
        `over the limit of ${maxPolicyParameters} (RLPRUNE_MAX_POLICY_PARAMETERS)`,
    );
  }
  checkPpoSettings(spec);
  return spec;
}

/** The attack whose preparation trains an adversary for a budget of PPO iterations (attacks[].iterations). */
export const LEARNED_ATTACK = 'learned';

/** Attacks whose preparation is swept over robust sarsa settings. */
export const SWEPT_ATTACKS: readonly string[] = ['rs', 'rs_mad'];

function resolveSweep(attack: string, sweep: RsSweepSetting[] | null, index: number): RsSweepSetting[] {
  if (!SWEPT_ATTACKS.includes(attack)) {
    if (sweep !== null) throw new SpecError(`attacks[${index}].sweep`, null, `only ${SWEPT_ATTACKS.join(' and ')} are swept (robust sarsa's Q settings); ${attack} has no sweep`);
    return [];
  }
  return sweep ?? SA_PPO_RS_SWEEP.map((s) => ({ ...s }));
}

/**
 * The spec's PPO settings as libs/rl's PpoConfig (null fields left to libs/rl's defaults): the
 * executor sends the same fields to the trainer, which hands them to the same resolver.
 */
export function ppoSettings(train: ExperimentSpec['train']): PpoSettings {
  const out: PpoSettings = {};
  for (const [field, key] of Object.entries(PPO_FIELDS)) {
    const v = train[field as keyof typeof PPO_FIELDS];
    if (v !== null) (out as Record<string, number | boolean>)[key] = v;
  }
  return out;
}

/** The spec's PPO settings under libs/rl's (and the wire's) names. */
export type PpoSettings = { [K in (typeof PPO_FIELDS)[keyof typeof PPO_FIELDS]]?: NonNullable<PpoConfig[K]> };

/** Spec field -> libs/rl PpoConfig key (CleanRL's name in snake case -> camel case). */
const PPO_FIELDS = {
  num_envs: 'numEnvs', num_steps: 'numSteps', learning_rate: 'learningRate', update_epochs: 'updateEpochs', num_minibatches: 'numMinibatches',
  gamma: 'gamma', gae_lambda: 'gaeLambda', clip_coef: 'clipCoef', ent_coef: 'entCoef', vf_coef: 'vfCoef',
  anneal_lr: 'annealLr', norm_adv: 'normAdv', clip_vloss: 'clipVloss', target_kl: 'targetKl',
} as const satisfies Record<string, keyof PpoConfig>;

/** libs/rl's resolver checks the PPO settings together (e.g. minibatches dividing the batch); its field names are mapped back to the spec's. */
function checkPpoSettings(spec: ExperimentSpec): void {
  try {
    resolvePpoConfig({ envId: spec.envs[0]!, totalTimesteps: spec.train.total_timesteps, hidden: spec.train.hidden, ...ppoSettings(spec.train) });
  } catch (err) {
    if (!(err instanceof InvalidArgumentError) || err.field === undefined) throw err;
    const specField = Object.entries(PPO_FIELDS).find(([, key]) => key === err.field)?.[0] ?? (err.field === 'totalTimesteps' ? 'total_timesteps' : null);
    if (specField === null) throw err;
    throw new SpecError(`train.${specField}`, null, err.message.slice(err.field.length + 2));
  }
}

