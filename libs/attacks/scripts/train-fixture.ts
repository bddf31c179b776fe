// Trains the small InvertedPendulum-v4 policy the strength tests attack (libs/rl's PPO, 16-16 tanh,
// 4 envs x 512 steps per iteration) and writes it to src/fixtures/inverted-pendulum-16x16.policy.
//   node --import tsx libs/attacks/scripts/train-fixture.ts [totalTimesteps]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVecEnv } from '@rlprune/envs';
import { decodePolicy } from '@rlprune/nn';
import { createLocalVecEnv, train } from '@rlprune/rl';
import { evaluatePolicy } from '../src/evaluate';

const ENV_ID = 'InvertedPendulum-v4';
const SEED = 7;

async function main(): Promise<void> {
  const totalTimesteps = Number(process.argv[2] ?? 122_880);
  const env = await createLocalVecEnv(ENV_ID, { numEnvs: 4, seed: SEED });
  const started = Date.now();
  const result = await train(
    { envId: ENV_ID, seed: SEED, totalTimesteps, numEnvs: 4, numSteps: 512, numMinibatches: 16, hidden: [16, 16] },
    env,
    { onIteration: (p) => console.log(`iteration ${p.iteration}/${p.iterations}: steps ${p.envSteps}, mean return ${p.meanReturn.toFixed(1)}`) },
  );
  env.close();
  const evalEnv = await createVecEnv(ENV_ID, { numEnvs: 4, seed: 1234 });
  const clean = await evaluatePolicy({ policy: decodePolicy(result.policy), env: evalEnv, episodesPerEnv: 2 });
  evalEnv.close();
  console.log(`deterministic return over ${clean.returns.length} episodes: ${clean.mean.toFixed(1)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const out = join(__dirname, '..', 'src', 'fixtures', 'inverted-pendulum-16x16.policy');
  writeFileSync(out, result.policy);
  console.log(`wrote ${out} (${result.policy.length} bytes)`);
}

void main();
