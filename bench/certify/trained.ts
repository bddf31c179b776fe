// Time to certify 10,000 states of *trained* InvertedPendulum policies with IBP and with CROWN, and
// the mean CROWN/IBP bound-width ratio (bench/certify/run.ts does the same on random nets, whose
// weights and pre-activations are unlike a trained policy's). States are the policy's own
// deterministic rollouts, every step, normalised with its own normaliser. Medians of several runs;
// speed is reported as CROWN time / IBP time measured in the same command.
// Usage: node --import tsx bench/certify/trained.ts [--states 10000] [--runs 3] [--epsilon 0.05] [--out FILE.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { perStateTv, sigmaFromLogStd, toFloat64Mlp, type Bounds, type PerStateMethod } from '@rlprune/certify';
import { decodePolicy, type PolicyArtifact } from '@rlprune/nn';
import { createLocalVecEnv, train } from '@rlprune/rl';
import { ownRollouts } from '../../test/helpers/rollout';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const ENV_ID = 'InvertedPendulum-v4';
const STATES = Number(arg('states', '10000'));
const RUNS = Number(arg('runs', '3'));
/** InvertedPendulum's default attack budget (L-inf, normalised observation units). */
const EPSILON = Number(arg('epsilon', '0.05'));
const OUT = arg('out', '');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;

async function trainedHere(): Promise<PolicyArtifact> {
  // The 64-64 policy of test/certify-trained.test.ts: CleanRL shapes, 20 iterations of 2048 steps, 4 epochs.
  const env = await createLocalVecEnv(ENV_ID, { numEnvs: 1, seed: 1 });
  const result = await train({ envId: ENV_ID, seed: 1, totalTimesteps: 40_960, hidden: [64, 64], updateEpochs: 4 }, env);
  env.close();
  return decodePolicy(result.policy);
}

function timeAll(method: PerStateMethod, policy: PolicyArtifact, states: Float64Array[]): { ms: number; bounds: Bounds[]; meanTv: number } {
  const net = toFloat64Mlp(policy.model.actor);
  const sigma = sigmaFromLogStd(policy.model.logStd);
  const t0 = process.hrtime.bigint();
  const r = perStateTv(net, sigma, states, EPSILON, method, 'linf');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, bounds: r.bounds, meanTv: r.tv.reduce((a, b) => a + b, 0) / r.tv.length };
}

async function main(): Promise<void> {
  const subjects: { name: string; policy: PolicyArtifact }[] = [
    { name: 'fixture 4-16-16-1 (PPO 123k steps)', policy: decodePolicy(readFileSync(join(__dirname, '..', '..', 'libs', 'attacks', 'src', 'fixtures', 'inverted-pendulum-16x16.policy'))) },
    { name: '4-64-64-1 (PPO 41k steps, trained now)', policy: await trainedHere() },
  ];

  const rows: string[] = [];
  for (const { name, policy } of subjects) {
    const rollout = await ownRollouts(policy, { envId: ENV_ID, seed: 2000, maxStates: STATES });
    const states = rollout.states.map((x) => Float64Array.from(x));
    const meanReturn = rollout.meanReturn;
    const ibpMs: number[] = [];
    const crownMs: number[] = [];
    let ibp = timeAll('ibp', policy, states);
    let crown = timeAll('crown', policy, states);
    for (let r = 0; r < RUNS; r++) {
      ibp = timeAll('ibp', policy, states);
      crown = timeAll('crown', policy, states);
      ibpMs.push(ibp.ms);
      crownMs.push(crown.ms);
    }
    let ratio = 0;
    let tighter = 0;
    let wIbp = 0;
    let wCrown = 0;
    for (let s = 0; s < states.length; s++) {
      let wc = 0;
      let wi = 0;
      for (let j = 0; j < crown.bounds[s]!.lower.length; j++) {
        wc += crown.bounds[s]!.upper[j]! - crown.bounds[s]!.lower[j]!;
        wi += ibp.bounds[s]!.upper[j]! - ibp.bounds[s]!.lower[j]!;
      }
      ratio += wc / wi / states.length;
      wIbp += wi / states.length;
      wCrown += wc / states.length;
      if (wc <= wi) tighter++;
    }
    const row =
      `| ${name} | ${meanReturn.toFixed(0)} | ${median(ibpMs).toFixed(0)} (${spread(ibpMs)}) | ${median(crownMs).toFixed(0)} (${spread(crownMs)}) ` +
      `| ${(median(crownMs) / median(ibpMs)).toFixed(1)} | ${wIbp.toFixed(3)} / ${wCrown.toFixed(3)} | ${ratio.toFixed(3)} ` +
      `| ${((100 * tighter) / states.length).toFixed(1)}% | ${ibp.meanTv.toFixed(3)} / ${crown.meanTv.toFixed(3)} |`;
    console.log(row);
    rows.push(row);
  }
  const doc = `# certify benchmark on trained policies

Command: \`node --import tsx bench/certify/trained.ts --states ${STATES} --runs ${RUNS} --epsilon ${EPSILON}\`
(Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores shared with other jobs; single thread.)

${STATES} states per policy from its own deterministic InvertedPendulum-v4 episodes (every step, env seeds
2000, 2001, ...), normalised with its own normaliser; L-inf ball epsilon = ${EPSILON}; sigma = the policy's own.
"Certify" = action mean, bounds on the action, and worst-case TV bound of every state (\`perStateTv\`),
float64 TypeScript, one state at a time. Times: median (min-max) of ${RUNS} runs after one warm-up, in
milliseconds for all ${STATES} states; the machine was shared, so compare the ratio column.

| policy | deterministic return | IBP ms | CROWN ms | CROWN / IBP time | mean width IBP / CROWN | mean CROWN/IBP width ratio | states where CROWN is tighter | mean TV IBP / CROWN |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
  if (OUT) {
    writeFileSync(OUT, doc);
    console.log(`wrote ${OUT}`);
  } else {
    console.log(doc);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
