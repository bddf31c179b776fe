// Clean evaluation of saved policy artifacts (e.g. from `run.ts --save-dir`): the policy's log-std,
// surrogate Lipschitz bound, and its mean return over N fresh episodes with mean actions (SA-PPO's
// evaluation protocol) and with sampled actions (what the training metric averages).
//
//   node --import tsx bench/ppo/evaluate.ts --episodes 20 FILE.policy [FILE.policy ...]
//
// Output: one JSON line per file.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy } from '@rlprune/nn';
import { evaluateBothWays } from './evaluate-both';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const episodes = Number(arg('--episodes') ?? 20);
// Seed of the evaluation envs' reset noise and of the action samples; apart from any training seed.
const evalSeed = Number(arg('--eval-seed') ?? 1_000_000);
const files = process.argv.slice(2).filter((a, i, all) => a.endsWith('.policy') && !all[i - 1]?.startsWith('--'));

async function main(): Promise<void> {
  if (files.length === 0) throw new Error('usage: evaluate.ts [--episodes N] [--eval-seed S] FILE.policy ...');
  for (const file of files) {
    const policy = decodePolicy(readFileSync(file));
    const { deterministic: det, stochastic: sto } = await evaluateBothWays(policy, episodes, evalSeed, evalSeed);
    console.log(JSON.stringify({
      bench: 'ppo_eval', file: path.basename(file), env: policy.metadata.env, seed: policy.metadata.seed,
      labels: policy.metadata.labels, log_std: Array.from(policy.model.logStd, (x) => Math.round(x * 1000) / 1000),
      lipschitz: Math.round(surrogateLipschitz(policy.model.actor) * 1000) / 1000, episodes,
      deterministic_mean: Math.round(det.mean * 100) / 100, stochastic_mean: Math.round(sto.mean * 100) / 100,
      deterministic_min: Math.round(Math.min(...det.returns)), stochastic_min: Math.round(Math.min(...sto.returns)),
    }));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
