// Robust sarsa's TD error per iteration on the fixture policy: the numbers behind the TD threshold
// of the strength test.   node --import tsx libs/attacks/scripts/rs-td.ts [iterations] [steps] [gamma]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePolicy } from '@rlprune/nn';
import { localEnvFactory, rsAttack } from '../src';

async function main(): Promise<void> {
  const policy = decodePolicy(readFileSync(join(__dirname, '..', 'src', 'fixtures', 'inverted-pendulum-16x16.policy')));
  const [iterations, steps, gamma] = [Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 1024), Number(process.argv[4] ?? 0.99)];
  const started = Date.now();
  await rsAttack.prepare!({
    policy, envId: 'InvertedPendulum-v4', epsilon: 0.05, seed: 1, env: localEnvFactory,
    params: { iterations, steps_per_iteration: steps, gamma },
    onProgress: (p) => console.log(`iteration ${p.iteration}/${p.iterations}: ${JSON.stringify(p.metrics)} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
}

void main();
