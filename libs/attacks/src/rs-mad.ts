// RS+MAD (SA-PPO's "sarsa+action"): robust sarsa's PGD on the mixed objective
//   (1 - r) Q(s, mu(s')) - r * mean_j ((mu_j(s') - mu_j(s)) / sigma~_j)^2,   r = action_ratio,
// with the same learned Q (an artifact prepared by rs or rs_mad), the action term averaged over action
// dimensions as SA-PPO's. The default r = 0.5 is SA-PPO's configs' attack_sarsa_action_ratio. SA-PPO's
// README adds the action term to the best RS Q of its (eps_q, reg) sweep; the orchestrator's rs_mad
// sweep instead runs RS+MAD on every setting's Q and reports the minimum, which is never above the
// value at RS's best setting.
import { createRsPerturber, prepareRobustSarsa, rsParameters } from './rs';
import type { Attack } from './types';

export const rsMadAttack: Attack = {
  name: 'rs_mad',
  description: 'robust sarsa plus maximal action difference: PGD on (1 - r) Q(s, mu(s\')) - r * action change',
  parameters: rsParameters(0.5),
  needsPrepare: true,
  createPerturber(options) {
    return createRsPerturber(this, options, (p) => p.action_ratio!);
  },
  prepare(options) {
    return prepareRobustSarsa(this, options);
  },
};
