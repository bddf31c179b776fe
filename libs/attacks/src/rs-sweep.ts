// SA-PPO's robust sarsa sweep: RS is reported as the lowest mean return over Qs learned with every
// (sarsa_eps, sarsa_reg) pair of {0.02, 0.05, 0.1, 0.15, 0.2, 0.3} x {0.1, 0.3, 1, 3, 10}
// (huanzhang12/SA_PPO src/scan_attacks.sh, "minimum RS attack reward"; its README: "run Robust Sarsa
// attack under different hyperparameters and choose the best attack (the lowest reward)"). Here the
// pair is this library's (eps_q, reg_coef) prepare parameters. (scan_attacks.sh's glob also picks up
// the MAD and critic logs into that minimum; the sweep here is robust sarsa's own.)

/** One robust sarsa setting: the smoothness radius and the regulariser weight Q is learned with. */
export interface RsSweepSetting {
  /** Radius of the smoothness ball on [s, a] (SA-PPO's sarsa_eps). */
  eps_q: number;
  /** Weight of the smoothness regulariser (SA-PPO's sarsa_reg). */
  reg_coef: number;
}

const EPS_Q = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3];
const REG = [0.1, 0.3, 1, 3, 10];

/** The 30 settings of SA-PPO's scan, eps_q-major as the script loops. */
export const SA_PPO_RS_SWEEP: readonly RsSweepSetting[] = Object.freeze(
  EPS_Q.flatMap((eps_q) => REG.map((reg_coef) => Object.freeze({ eps_q, reg_coef }))),
);

/** The setting as it is shown and recorded, e.g. "eps_q=0.02,reg_coef=0.1". */
export function rsSettingLabel(s: RsSweepSetting): string {
  return `eps_q=${s.eps_q},reg_coef=${s.reg_coef}`;
}

/** The setting as attack parameters (Prepare's params). */
export function rsSettingParams(s: RsSweepSetting): Record<string, number> {
  return { eps_q: s.eps_q, reg_coef: s.reg_coef };
}
