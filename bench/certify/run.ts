// Time to certify 10,000 Hopper-like states (obs 11, action 3) with IBP and with CROWN, for random
// 64-64 and 256-256 tanh actors, and the mean CROWN/IBP bound-width ratio. Medians of several runs;
// speed is reported as CROWN time / IBP time measured in the same command.
// Usage: node --import tsx bench/certify/run.ts [--states 10000] [--runs 3] [--out bench/certify/RESULTS.md]
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { perStateTv, sigmaFromLogStd, toFloat64Mlp } from '@rlprune/certify';
import type { Bounds, Mlp64, PerStateMethod } from '@rlprune/certify';
import { randomMlp, randomStates } from '../../libs/certify/src/test-support/random-mlp';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const STATES = Number(arg('states', '10000'));
const RUNS = Number(arg('runs', '3'));
const OUT = arg('out', 'bench/certify/RESULTS.md');
/** Hopper's default attack budget (L-inf, normalised observation units). */
const EPSILON = 0.075;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** sigma = exp(-0.5) per coordinate, a typical trained PPO log-std. */
const SIGMA = sigmaFromLogStd([-0.5, -0.5, -0.5]);

/** Certifies every state (action mean, bounds, worst-case TV), timed. */
function timeAll(method: PerStateMethod, net: Mlp64, states: Float64Array[]): { ms: number; bounds: Bounds[]; meanTv: number } {
  const t0 = process.hrtime.bigint();
  const r = perStateTv(net, SIGMA, states, EPSILON, method, 'linf');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, bounds: r.bounds, meanTv: r.tv.reduce((a, b) => a + b, 0) / r.tv.length };
}

const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;

const rows: string[] = [];
const states = randomStates('bench-hopper-states', STATES, 11);
for (const hidden of [64, 256]) {
  const net = toFloat64Mlp(randomMlp(`bench-${hidden}`, [11, hidden, hidden, 3], 'tanh', Math.SQRT2));
  const ibpMs: number[] = [];
  const crownMs: number[] = [];
  let ibp: Bounds[] = [];
  let crown: Bounds[] = [];
  let tv = { ibp: 0, crown: 0 };
  for (let r = 0; r < RUNS; r++) {
    const i = timeAll('ibp', net, states);
    const c = timeAll('crown', net, states);
    ibpMs.push(i.ms);
    crownMs.push(c.ms);
    ibp = i.bounds;
    crown = c.bounds;
    tv = { ibp: i.meanTv, crown: c.meanTv };
  }
  let ratio = 0;
  let tighter = 0;
  for (let s = 0; s < STATES; s++) {
    let wc = 0;
    let wi = 0;
    for (let j = 0; j < 3; j++) {
      wc += crown[s]!.upper[j]! - crown[s]!.lower[j]!;
      wi += ibp[s]!.upper[j]! - ibp[s]!.lower[j]!;
    }
    ratio += wc / wi / STATES;
    if (wc <= wi) tighter++;
  }
  const row =
    `| 11-${hidden}-${hidden}-3 tanh | ${median(ibpMs).toFixed(0)} (${spread(ibpMs)}) | ${median(crownMs).toFixed(0)} (${spread(crownMs)}) ` +
    `| ${(median(crownMs) / median(ibpMs)).toFixed(1)} | ${ratio.toFixed(3)} | ${((100 * tighter) / STATES).toFixed(1)}% ` +
    `| ${tv.ibp.toFixed(3)} / ${tv.crown.toFixed(3)} |`;
  console.log(row);
  rows.push(row);
}

const doc = `# certify benchmark

Command: \`node --import tsx bench/certify/run.ts --states ${STATES} --runs ${RUNS}\`
(Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores shared with other jobs; single thread.)

${STATES} random Hopper-like normalised observations (N(0, 1), width 11), L-inf ball epsilon = ${EPSILON},
random tanh actors with Gaussian weights of std sqrt(2)/sqrt(fan-in) (untrained), sigma = exp(-0.5).
"Certify" = action mean, bounds on every action coordinate, and worst-case TV bound of every state
(\`perStateTv\`), float64 TypeScript, one state at a time. Times are the median (min-max) of ${RUNS} runs,
in milliseconds for all ${STATES} states; the machine was shared, so compare the ratio column.

| actor | IBP ms | CROWN ms | CROWN / IBP time | mean CROWN/IBP width | states where CROWN is tighter | mean TV IBP / CROWN |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Width = sum over the 3 action coordinates of upper - lower; the ratio is averaged over states.
`;
writeFileSync(OUT, doc);
console.log(`wrote ${OUT}`);
