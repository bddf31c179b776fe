// Wall time of an experiment's stages as the ledger recorded them (attempt start and finish), per
// stage kind: the busy span (first start to last finish) and the summed attempt time, plus the env
// steps its train stages ran. Read-only on the ledger file, so it works while an orchestrator runs:
// for bench/grid and for the wall times a published run records (publish.ts).
import Database from 'better-sqlite3';

export interface KindTiming {
  kind: string;
  /** Stages of this kind with a finished attempt. */
  stages: number;
  /** Finished attempts (> stages when a stage was retried or interrupted and run again). */
  attempts: number;
  /** First attempt start to last attempt finish of this kind, seconds. */
  spanSeconds: number;
  /** Sum of attempt durations, seconds (> span when stages overlapped). */
  busySeconds: number;
}

export interface ExperimentTiming {
  kinds: KindTiming[];
  /** Env steps of the train stages that ran (not cached), each stage once however many attempts it took. */
  trainSteps: number;
  /** First attempt start to last finish over every stage, seconds. */
  spanSeconds: number;
}

export function experimentTiming(ledgerFile: string, experimentId: string): ExperimentTiming {
  const db = new Database(ledgerFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT s.id AS id, s.kind AS kind, s.result_json AS result, a.started_at AS started, a.finished_at AS finished
         FROM attempts a JOIN stages s ON s.experiment_id = a.experiment_id AND s.id = a.stage_id
         WHERE a.experiment_id = ? AND a.finished_at IS NOT NULL`,
      )
      .all(experimentId) as { id: string; kind: string; result: string | null; started: string; finished: string }[];
    const byKind = new Map<string, { stages: Set<string>; attempts: number; first: number; last: number; busy: number }>();
    let trainSteps = 0;
    let first = Infinity;
    let last = -Infinity;
    for (const r of rows) {
      const t0 = Date.parse(r.started);
      const t1 = Date.parse(r.finished);
      const k = byKind.get(r.kind) ?? { stages: new Set<string>(), attempts: 0, first: Infinity, last: -Infinity, busy: 0 };
      const firstAttemptSeen = !k.stages.has(r.id);
      k.stages.add(r.id);
      k.attempts++;
      k.first = Math.min(k.first, t0);
      k.last = Math.max(k.last, t1);
      k.busy += t1 - t0;
      byKind.set(r.kind, k);
      first = Math.min(first, t0);
      last = Math.max(last, t1);
      if (r.kind === 'train' && r.result && firstAttemptSeen) {
        const curve = (JSON.parse(r.result) as { curve?: { envSteps: number }[] }).curve ?? [];
        trainSteps += curve.at(-1)?.envSteps ?? 0;
      }
    }
    return {
      kinds: [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, k]) => ({
        kind,
        stages: k.stages.size,
        attempts: k.attempts,
        spanSeconds: (k.last - k.first) / 1000,
        busySeconds: k.busy / 1000,
      })),
      trainSteps,
      spanSeconds: rows.length > 0 ? (last - first) / 1000 : 0,
    };
  } finally {
    db.close();
  }
}
