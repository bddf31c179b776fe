// `rlprune certify --policy FILE --eps E --method M [--states FILE.json] --json`: global bounds and,
// given states, per-state lower/upper bounds of every action-mean coordinate (in-process).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CERTIFY_METHODS, certifyPolicy, type CertifyMethod } from '@rlprune/certify';
import { decodePolicy } from '@rlprune/nn';
import { UsageError } from '../errors';

const USAGE = `usage: rlprune certify --policy FILE --eps E --method ${CERTIFY_METHODS.join('|')}[,..] [--norm linf|l2] [--states FILE.json] [--json]`;

export async function certifyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      policy: { type: 'string' },
      eps: { type: 'string' },
      method: { type: 'string', default: CERTIFY_METHODS.join(',') },
      norm: { type: 'string', default: 'linf' },
      states: { type: 'string' },
      threshold: { type: 'string', default: '0.1' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.policy || values.eps === undefined) throw new UsageError(USAGE);
  if (!fs.existsSync(values.policy)) throw new UsageError(`policy file ${values.policy} does not exist`);
  const epsilon = Number(values.eps);
  const methods = values.method!.split(',') as CertifyMethod[];
  const policy = decodePolicy(fs.readFileSync(values.policy));
  let states: number[][] | undefined;
  if (values.states) {
    if (!fs.existsSync(values.states)) throw new UsageError(`states file ${values.states} does not exist`);
    states = JSON.parse(fs.readFileSync(values.states, 'utf8')) as number[][];
    if (!Array.isArray(states)) throw new UsageError(`${values.states} must hold a JSON array of normalised observations`);
  }
  const result = certifyPolicy({
    actor: policy.model.actor,
    logStd: policy.model.logStd,
    ...(states ? { states } : {}),
    epsilon,
    norm: values.norm as 'linf' | 'l2',
    methods,
    tvThreshold: Number(values.threshold),
    includeBounds: true,
  });
  const out = {
    epsilon: result.epsilon,
    norm: result.norm,
    global: result.global,
    layers: result.layerNorms,
    perState: result.perState.map((s) => ({
      method: s.method,
      meanTv: s.meanTv,
      medianTv: s.medianTv,
      maxTv: s.maxTv,
      certifiedFraction: s.certifiedFraction,
      meanWidth: s.meanWidth,
      states: (s.lower ?? []).map((lo, i) => ({ mean: Array.from(s.means?.[i] ?? []), lower: Array.from(lo), upper: Array.from(s.upper![i]!) })),
    })),
  };
  if (values.json) console.log(JSON.stringify(out));
  else {
    console.log(`surrogate Lipschitz ${result.global.surrogateLipschitz.toPrecision(6)}  global TV bound ${result.global.tv.surrogate.toPrecision(4)}`);
    for (const s of out.perState) console.log(`${s.method.padEnd(9)} mean TV ${s.meanTv.toPrecision(4)}  certified ${(s.certifiedFraction * 100).toFixed(1)}%  mean width ${s.meanWidth.toPrecision(4)}`);
  }
  return 0;
}
