// `rlprune certify --policy FILE --eps E --method M [--states FILE.json] [--reference DENSE] --json`:
// global bounds, whether the policy is constant (its action mean ignores the observation, so its
// zero bounds certify nothing) and, given states, per-state lower/upper bounds of every action-mean
// coordinate and each method's mean certified radius; with --reference (the dense policy this one
// was pruned from) also the parameter path behind the paper's pruning-loss bound (in-process).
import fs from 'node:fs';
import { certifyPolicy, parameterPath, type CertifyMethod } from '@rlprune/certify';
import { decodePolicy } from '@rlprune/nn';
import { parseCommand } from '../args/parse';
import { UsageError } from '../errors';
import { CERTIFY } from '../specs/policies';

export async function certifyCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(CERTIFY, argv);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  const epsilon = values.eps;
  const methods = values.method as CertifyMethod[];
  const policy = decodePolicy(fs.readFileSync(values.policy));
  let states: number[][] | undefined;
  if (values.states) {
    if (!fs.existsSync(values.states)) throw new UsageError(`states file ${values.states} does not exist`);
    states = JSON.parse(fs.readFileSync(values.states, 'utf8')) as number[][];
    if (!Array.isArray(states)) throw new UsageError(`${values.states} must hold a JSON array of normalised observations`);
  }
  if (values.reference !== undefined) {
    if (!fs.existsSync(values.reference)) throw new UsageError(`reference policy file ${values.reference} does not exist`);
    if (!states) throw new UsageError('--reference measures the parameter path on states: give --states FILE.json too');
  }
  const result = certifyPolicy({
    actor: policy.model.actor,
    logStd: policy.model.logStd,
    ...(states ? { states } : {}),
    epsilon,
    norm: values.norm as 'linf' | 'l2',
    methods,
    tvThreshold: values.threshold,
    includeBounds: true,
    certifiedRadius: !values['no-radius'],
  });
  const reference = values.reference ? decodePolicy(fs.readFileSync(values.reference)) : null;
  const path = reference
    ? parameterPath({ actor: reference.model.actor, logStd: reference.model.logStd }, { actor: policy.model.actor, logStd: policy.model.logStd }, states!)
    : null;
  const out = {
    epsilon: result.epsilon,
    norm: result.norm,
    constant: result.constant,
    global: result.global,
    layers: result.layerNorms,
    perState: result.perState.map((s) => ({
      method: s.method,
      meanTv: s.meanTv,
      medianTv: s.medianTv,
      maxTv: s.maxTv,
      certifiedFraction: s.certifiedFraction,
      meanWidth: s.meanWidth,
      meanCertifiedRadius: s.meanCertifiedRadius ?? null,
      states: (s.lower ?? []).map((lo, i) => ({ mean: Array.from(s.means?.[i] ?? []), lower: Array.from(lo), upper: Array.from(s.upper![i]!) })),
    })),
    parameterPath: path && {
      deltaNorm: path.deltaNorm,
      lPar: path.lPar,
      measuredActionShift: path.measuredActionShift,
      bound: path.lPar * path.deltaNorm,
      sigmaMin: path.sigmaMin,
      steps: path.points.length - 1,
    },
  };
  if (values.json) console.log(JSON.stringify(out));
  else {
    if (result.constant)
      console.log('CONSTANT policy: no input reaches an action through nonzero weights; its zero bounds are not a certificate of robustness');
    console.log(`surrogate Lipschitz ${result.global.surrogateLipschitz.toPrecision(6)}  global TV bound ${result.global.tv.surrogate.toPrecision(4)}`);
    for (const s of out.perState) {
      const radius = s.meanCertifiedRadius === null ? '' : `  mean certified radius ${s.meanCertifiedRadius.toPrecision(4)}`;
      console.log(`${s.method.padEnd(9)} mean TV ${s.meanTv.toPrecision(4)}  certified ${(s.certifiedFraction * 100).toFixed(1)}%  mean width ${s.meanWidth.toPrecision(4)}${radius}`);
    }
    const pp = out.parameterPath;
    if (pp)
      console.log(
        `parameter path: ||delta theta|| ${pp.deltaNorm.toPrecision(4)}  L_par ${pp.lPar.toPrecision(4)}  bound ${pp.bound.toPrecision(4)} >= measured mean action shift ${pp.measuredActionShift.toPrecision(4)}`,
      );
  }
  return 0;
}
