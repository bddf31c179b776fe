// Issue 21 item 4: a trainer killed mid-stage and back only 12 s later (a slow restart, as a pod's)
// does not fail the experiment: the train stage retries on a time budget, not a count of attempts.
// Issue 17 (resume): the trainer is killed right after a checkpoint the stage recorded, so the retry
// continues from that checkpoint (its progress says "resumed from iteration N", N > 0), and the stored
// result (policy artifact, curve, mask updates) equals the same stage run uninterrupted through the
// same executor and trainer; no checkpoint row or file outlives the stage. The uninterrupted run is
// handed a recorded "checkpoint" the trainer refuses (the stage's policy artifact: intact, but no
// training state), so it also shows a refused checkpoint is logged and the stage starts over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClients } from '@rlprune/service-kit';
import { OrchestratorClient, StageClients } from '@rlprune/clients';
import { launchLocalServices, type LocalCluster } from '../apps/cli/src/local/launch';
import { executors } from '../services/orchestrator/src/pipeline/executors';
import type { StageParams } from '../services/orchestrator/src/pipeline/stage-types';
import type { StageCheckpoint, StageCheckpoints } from '../services/orchestrator/src/ledger/stage-checkpoints';
import { ArtifactStore } from '../services/orchestrator/src/store/artifact-store';

// 16 iterations of 512 steps; micro-pruning updates the masks every iteration from iteration 4 to 12
// (8 gradient steps an iteration), so the kill after iteration >= 6 splits them.
const SPEC = `
name: restart
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 8192, num_envs: 4, num_steps: 128, num_minibatches: 4, update_epochs: 2 }
pruning: { mode: during, sparsities: [0.5], interval: 8 }
certify: { methods: [lipschitz], states: 16 }
evaluation: { episodes: 2 }
`;
const KILL_AFTER_ITERATION = 6;
const ITERATIONS = 16;
const STEPS_PER_ITERATION = 512;

/** A stage's checkpoint journal in memory: hands out one recorded checkpoint until it is dropped. */
class OneCheckpoint implements StageCheckpoints {
  readonly notes: string[] = [];
  constructor(private checkpoint: StageCheckpoint | undefined) {}
  latest() {
    return this.checkpoint;
  }
  record(): string | null {
    throw new Error('the reference run writes no checkpoints (checkpointEvery 0)');
  }
  drop() {
    this.checkpoint = undefined;
    return null; // the artifact stays (here it is the stage's policy)
  }
  note(type: string, message: string) {
    this.notes.push(`${type}: ${message}`);
  }
}

let cluster: LocalCluster | undefined;
afterAll(async () => {
  closeClients();
  await cluster?.stop();
});

function query<T>(home: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

describe('a slow worker restart', () => {
  it('a trainer killed after a checkpoint and restarted 12 s later: the stage resumes and ends as an uninterrupted run', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-restart-'));
    cluster = await launchLocalServices({ home, restartDelayMs: 12_000, env: { RLPRUNE_CHECKPOINT_EVERY: '1' } });
    const client = new OrchestratorClient(cluster.orchestrator);
    const exp = await client.submit(SPEC);
    const until = Date.now() + 120_000;
    for (;;) {
      const [row] = query<{ iteration: number }>(home, 'SELECT iteration FROM stage_checkpoints WHERE experiment_id = ?', exp.id);
      if (row && row.iteration >= KILL_AFTER_ITERATION) break;
      if (Date.now() > until) throw new Error(`no checkpoint after iteration ${KILL_AFTER_ITERATION} was recorded`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const trainer = cluster.services.find((s) => s.name === 'trainer')!;
    trainer.child.kill('SIGKILL');
    const messages: string[] = [];
    const end = await client.watch(exp.id, (e) => {
      if (e.stageKind === 'train' && e.progress?.message) messages.push(e.progress.message);
    });
    expect(end.state, end.error).toBe('succeeded');
    expect(cluster.restarts.get('trainer')).toBe(1);

    const [train] = query<{ id: string; attempts: number; runs: number; params_json: string; result_json: string }>(
      home,
      "SELECT id, attempts, runs, params_json, result_json FROM stages WHERE experiment_id = ? AND kind = 'train'",
      exp.id,
    );
    // several attempts while the trainer was away (the old 4-attempt, ~7 s limit would have failed it)
    expect(train!.attempts).toBeGreaterThan(2);
    expect(train!.runs).toBe(1);

    // it continued from the checkpoint, not from scratch: a silent start-over fails here
    const resumed = query<{ message: string }>(home, "SELECT message FROM events WHERE experiment_id = ? AND type = 'stage-resumed'", exp.id);
    // (one per attempt the trainer continued: more than one only if a resumed attempt failed too)
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    const iteration = Number(/resumed from iteration (\d+)/.exec(resumed.at(-1)!.message)?.[1]);
    expect(iteration).toBeGreaterThanOrEqual(KILL_AFTER_ITERATION);
    expect(iteration).toBeLessThan(ITERATIONS);
    expect(messages).toContain(`resuming from iteration ${iteration}`);
    expect(messages.at(-1)).toMatch(new RegExp(`^iter ${ITERATIONS}/${ITERATIONS} .* \\(resumed from iteration ${iteration}\\)$`));
    // the checkpoint went with the stage: no row, no checkpoint file left in the store
    expect(query(home, 'SELECT * FROM stage_checkpoints')).toEqual([]);
    const store = new ArtifactStore(home);
    const metas = fs.readdirSync(store.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.meta.json'));
    expect(metas.map((f) => (JSON.parse(fs.readFileSync(path.join(store.dir, f), 'utf8')) as { kind: string }).kind)).not.toContain('checkpoint');

    // the same stage uninterrupted, through the same executor and trainer, first handed a checkpoint
    // the trainer refuses (the policy artifact: it passes the store's hash check, but holds no run state)
    const refused = new OneCheckpoint({
      artifact: JSON.parse(train!.result_json).policy as string,
      iteration: 3,
      partial: { iterations: ITERATIONS, curve: (JSON.parse(train!.result_json) as { curve: unknown[] }).curve.slice(0, 3), mask_updates: [] },
    });
    const address = (name: string) => cluster!.services.find((s) => s.name === name)!.address;
    const clients = new StageClients({
      trainers: [address('trainer')],
      simulator: address('simulator'),
      pruner: address('pruner'),
      certifier: address('certifier'),
      attackers: new Map(),
    });
    const reference = await executors(clients, store, { checkpointEvery: 0 }).train({
      kind: 'train',
      params: JSON.parse(train!.params_json) as StageParams['train'],
      inputs: {},
      signal: new AbortController().signal,
      onProgress: () => undefined,
      checkpoints: refused,
    });
    expect(refused.notes).toHaveLength(1);
    expect(refused.notes[0]).toMatch(/^checkpoint-unusable: checkpoint after iteration 3 \(\w+\) is unusable, starting over: the trainer refused it: .*resume/);
    const stored = JSON.parse(train!.result_json) as typeof reference.result;
    // artifacts are content-addressed: the same id is the same policy bytes
    expect(stored.policy).toBe(reference.result.policy);
    expect(store.get(stored.policy).data.equals(store.get(reference.result.policy).data)).toBe(true);
    // as stored (JSON: a NaN return before the first episode is null in both)
    expect(stored).toEqual(JSON.parse(JSON.stringify(reference.result)));
    expect(stored.curve).toHaveLength(ITERATIONS);
    // mask updates on both sides of the resume point
    const split = iteration * STEPS_PER_ITERATION;
    expect(stored.mask_updates!.some((u) => u.envSteps <= split)).toBe(true);
    expect(stored.mask_updates!.some((u) => u.envSteps > split)).toBe(true);
  }, 300_000);
});
