// Issue 21 item 4: a trainer killed mid-stage and back only 12 s later (a slow restart, as a pod's)
// does not fail the experiment: the train stage retries on a time budget, not a count of attempts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClients } from '@rlprune/service-kit';
import { OrchestratorClient } from '@rlprune/clients';
import { launchLocalServices, type LocalCluster } from '../apps/cli/src/local/launch';

const SPEC = `
name: restart
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 8192, num_envs: 4, num_steps: 128, num_minibatches: 4, update_epochs: 2 }
pruning: { sparsities: [0] }
certify: { methods: [lipschitz], states: 16 }
evaluation: { episodes: 2 }
`;

let cluster: LocalCluster | undefined;
afterAll(async () => {
  closeClients();
  await cluster?.stop();
});

describe('a slow worker restart', () => {
  it('a trainer killed mid-stage and restarted 12 s later does not fail the experiment', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-restart-'));
    cluster = await launchLocalServices({ home, restartDelayMs: 12_000 });
    const client = new OrchestratorClient(cluster.orchestrator);
    const exp = await client.submit(SPEC);
    const trainRunning = () => {
      const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM stages WHERE experiment_id = ? AND kind = 'train' AND state = 'running'").get(exp.id) as { n: number }).n > 0;
      } finally {
        db.close();
      }
    };
    const until = Date.now() + 120_000;
    while (!trainRunning()) {
      if (Date.now() > until) throw new Error('the train stage never started');
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const trainer = cluster.services.find((s) => s.name === 'trainer')!;
    trainer.child.kill('SIGKILL');
    const end = await client.watch(exp.id, () => undefined);
    expect(end.state, end.error).toBe('succeeded');
    expect(cluster.restarts.get('trainer')).toBe(1);
    const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
    const train = db.prepare("SELECT attempts, runs FROM stages WHERE experiment_id = ? AND kind = 'train'").get(exp.id) as { attempts: number; runs: number };
    db.close();
    // several attempts while the trainer was away (the old 4-attempt, ~7 s limit would have failed it)
    expect(train.attempts).toBeGreaterThan(2);
    expect(train.runs).toBe(1);
  }, 300_000);
});
