// RS+MAD (SA-PPO's "sarsa+action"): robust sarsa's PGD on the mixed objective
//   (1 - r) Q(s, mu(s')) - r * sum_j ((mu_j(s') - mu_j(s)) / sigma~_j)^2,   r = action_ratio,
// with the same learned Q (an artifact prepared by rs or rs_mad). The default r = 0.5 weighs the two
// terms equally; SA-PPO sweeps r and reports the strongest.
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
