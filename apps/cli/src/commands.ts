// Every command: its table (src/specs/, cheap to load, so --help, did-you-mean and completion need no
// service code) and a loader for its implementation (src/commands/), loaded only when it runs.
import type { AnySpec } from './args/spec';
import { CANCEL, COMPARE, LS, PUBLISH, REPORT, RESUME, RUN } from './specs/experiments';
import { CERTIFY, EVALUATE, POLICY, PRUNE, TRAIN } from './specs/policies';
import { STATUS, UP } from './specs/services';
import { COMPLETION, ENV, LOCATE } from './specs/tools';

export type CommandRun = (argv: string[]) => Promise<number>;

/** In the order `rlprune --help` lists them. */
export const SPECS: readonly AnySpec[] = [UP, STATUS, RUN, LS, REPORT, COMPARE, RESUME, PUBLISH, LOCATE, CANCEL, TRAIN, PRUNE, EVALUATE, CERTIFY, POLICY, ENV, COMPLETION];

/**
 * A command's module, loaded when it runs. require, not import(): the bin runs the sources through
 * tsx's CommonJS hook, under which import() of an extensionless .ts path does not resolve.
 */
function load<M>(id: string): M {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as M;
}

/** Implementations by full command name ("policy export"). */
export const RUNNERS: Record<string, () => CommandRun> = {
  up: () => load<typeof import('./commands/up')>('./commands/up').upCommand,
  status: () => load<typeof import('./commands/status')>('./commands/status').statusCommand,
  run: () => load<typeof import('./commands/run')>('./commands/run').runCommand,
  ls: () => load<typeof import('./commands/ls')>('./commands/ls').lsCommand,
  report: () => load<typeof import('./commands/report')>('./commands/report').reportCommand,
  compare: () => load<typeof import('./commands/compare')>('./commands/compare').compareCommand,
  resume: () => load<typeof import('./commands/resume')>('./commands/resume').resumeCommand,
  publish: () => load<typeof import('./commands/publish')>('./commands/publish').publishCommand,
  locate: () => load<typeof import('./commands/locate')>('./commands/locate').locateCommand,
  cancel: () => load<typeof import('./commands/cancel')>('./commands/cancel').cancelCommand,
  train: () => load<typeof import('./commands/train')>('./commands/train').trainCommand,
  prune: () => load<typeof import('./commands/prune')>('./commands/prune').pruneCommand,
  evaluate: () => load<typeof import('./commands/evaluate')>('./commands/evaluate').evaluateCommand,
  certify: () => load<typeof import('./commands/certify')>('./commands/certify').certifyCommand,
  'policy inspect': () => load<typeof import('./commands/policy')>('./commands/policy').inspectCommand,
  'policy export': () => load<typeof import('./commands/policy')>('./commands/policy').exportCommand,
  'policy import': () => load<typeof import('./commands/policy')>('./commands/policy').importCommand,
  'env list': () => load<typeof import('./commands/env')>('./commands/env').envListCommand,
  'env rollout': () => load<typeof import('./commands/env')>('./commands/env').envRolloutCommand,
  completion: () => load<typeof import('./commands/completion')>('./commands/completion').completionCommand,
};
