// Cost of reading the surrogate Lipschitz bound on either side of every mask update (libs/rl's
// maskUpdates), against the cost of the training it rides on, for a Hopper actor of the given
// widths pruned every `interval` gradient steps between 25% and 75% of a 1M-step run.
// Measured in CPU time of this process (the machine is shared; wall time is noisy):
//   - per update: 2 x surrogateLipschitz + sparsity of the actor (what ppo.ts adds per update);
//   - per gradient step of training: a short pruning run of the same net (rollout and env steps
//     included, as in a real run), divided by its gradient steps.
//   node --import tsx bench/ppo/mask-update-overhead.ts [--hidden 256,256] [--interval 15] [--iterations 3]
import { surrogateLipschitz } from '@rlprune/certify';
import { createActorCritic, sparsity } from '@rlprune/nn';
import { createLocalVecEnv, ppoSizes, resolvePpoConfig, train, type PpoConfig } from '@rlprune/rl';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const hidden = (arg('--hidden') ?? '256,256').split(',').map(Number);
const interval = Number(arg('--interval') ?? 15);
const iterations = Number(arg('--iterations') ?? 3);

const cpuSeconds = (f: () => void | Promise<void>) => async (): Promise<number> => {
  const t0 = process.cpuUsage();
  await f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
};

async function main(): Promise<void> {
  const { actor } = createActorCritic({ obsDim: 11, actDim: 3, hidden, activation: 'tanh', logStdInit: 0 }, 1);
  const reps = 2000;
  let sink = 0;
  const perUpdate = (await cpuSeconds(() => {
    for (let r = 0; r < reps; r++) sink += surrogateLipschitz(actor) + surrogateLipschitz(actor) + sparsity(actor);
  })()) / reps;

  // A short run whose whole length is the pruning window, so its gradient steps include updates.
  const config: PpoConfig = {
    envId: 'Hopper-v4', seed: 1, totalTimesteps: 2048 * iterations, hidden,
    pruning: { criterion: 'magnitude', finalSparsity: 0.8, startFraction: 0, endFraction: 1, interval },
  };
  const env = await createLocalVecEnv('Hopper-v4', { numEnvs: 1, seed: 1 });
  let updates = 0;
  const trainSeconds = await cpuSeconds(async () => {
    await train(config, env, { onIteration: (p) => void (updates += p.maskUpdates.length) });
  })();
  env.close();
  const steps = ppoSizes(resolvePpoConfig(config)).gradientSteps;
  const perStep = trainSeconds / steps;

  // A 1M-step run: 488 iterations x 320 gradient steps; updates every `interval` steps in [25%, 75%].
  const fullSteps = 488 * 320;
  const fullUpdates = Math.floor((0.5 * fullSteps) / interval);
  const overhead = (fullUpdates * perUpdate) / (fullSteps * perStep);
  console.log(JSON.stringify({
    bench: 'mask_update_overhead', hidden, interval, actor_weights: actor.layers.reduce((n, l) => n + l.w.length, 0),
    cpu_us_per_update: +(perUpdate * 1e6).toFixed(1), cpu_ms_per_gradient_step: +(perStep * 1e3).toFixed(3),
    short_run: { iterations, gradient_steps: steps, mask_updates: updates, cpu_seconds: +trainSeconds.toFixed(2) },
    run_1m: { gradient_steps: fullSteps, mask_updates: fullUpdates, added_cpu_seconds: +(fullUpdates * perUpdate).toFixed(2) },
    overhead_fraction: +overhead.toFixed(5), sink: sink > 0,
  }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
