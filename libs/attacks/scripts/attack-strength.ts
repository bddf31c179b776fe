// Evaluated return of the fixture policy under every attack at a few budgets: the numbers behind
// the strength tests' choice of epsilon. Prepares rs and learned first (small budgets, see below).
//   node --import tsx libs/attacks/scripts/attack-strength.ts [eps,eps,...] [episodeSteps]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePolicy } from '@rlprune/nn';
import { ATTACKS, evaluatePolicy, localEnvFactory } from '../src';

async function main(): Promise<void> {
  const policy = decodePolicy(readFileSync(join(__dirname, '..', 'src', 'fixtures', 'inverted-pendulum-16x16.policy')));
  const epsilons = (process.argv[2] ?? '0.05,0.1,0.2,0.3').split(',').map(Number);
  const maxEpisodeSteps = Number(process.argv[3] ?? 200);
  const envId = 'InvertedPendulum-v4';
  for (const epsilon of epsilons) {
    const row: string[] = [];
    for (const attack of [null, ...ATTACKS]) {
      const started = Date.now();
      let prepared: Buffer | undefined;
      if (attack?.prepare) {
        const params: Record<string, number> = attack.name === 'learned' ? { iterations: 10 } : { iterations: 5, steps_per_iteration: 1024 };
        prepared = await attack.prepare({ policy, envId, epsilon, seed: 1, params, env: localEnvFactory });
      }
      const env = await localEnvFactory({ envId, numEnvs: 8, seed: 99, maxEpisodeSteps });
      const perturber = attack?.createPerturber({ policy, epsilon, seed: 3, ...(prepared ? { prepared } : {}) });
      const r = await evaluatePolicy({ policy, env, episodesPerEnv: 1, ...(perturber ? { perturber } : {}) });
      env.close();
      row.push(`${attack?.name ?? 'clean'} ${r.mean.toFixed(1)} (V ${r.meanValueClean.toFixed(1)} -> ${r.meanValuePerturbed.toFixed(1)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    console.log(`eps ${epsilon}:\n  ${row.join('\n  ')}`);
  }
}

void main();
