// The run ledger's tables. Stages belong to an experiment; a stage shared by several grid points
// appears once, linked to each point through stage_points.

/**
 * The latest checkpoint of each unfinished train stage (schema version 2): the checkpoint artifact,
 * the iteration it continues after, and what the stage had collected up to it (partial_json: its
 * curve and mask updates so far), so a retried or resumed stage continues the run instead of starting
 * over. cache_key is the stage's cache key when it was recorded: a checkpoint is only continued by the
 * same stage (parameters, inputs, service version). One row per stage, replaced by each checkpoint and
 * deleted when the stage succeeds.
 */
export const STAGE_CHECKPOINTS_TABLE = `
CREATE TABLE IF NOT EXISTS stage_checkpoints (
  experiment_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  cache_key TEXT NOT NULL,
  artifact TEXT NOT NULL,
  iteration INTEGER NOT NULL,
  partial_json TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (experiment_id, stage_id)
);
`;

/**
 * What the orchestrator that ran an experiment was (schema version 3): its ProcessFacts (rlprune
 * version, git commit and dirty flag, Node.js, NN kernels, dependency versions; report-provenance.ts)
 * as JSON. Row 0 (role 'submit') is recorded with the experiment by the orchestrator that created
 * it; a later row (role 'resume') is appended when an orchestrator whose facts differ from the last
 * row's takes the experiment over (its later stages run on that code), at recorded_at. An experiment
 * recorded before version 3 has no 'submit' row (its provenance is then that of the process that
 * reports or publishes it, and says so).
 */
export const EXPERIMENT_FACTS_TABLE = `
CREATE TABLE IF NOT EXISTS experiment_facts (
  experiment_id TEXT NOT NULL,
  n INTEGER NOT NULL,            -- 0, 1, ... in the order recorded
  role TEXT NOT NULL,            -- submit | resume
  facts_json TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (experiment_id, n)
);
`;

export const LEDGER_SCHEMA = `
CREATE TABLE IF NOT EXISTS experiments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  spec_yaml TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  state TEXT NOT NULL,           -- pending | running | succeeded | failed | cancelled
  error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS grid_points (
  experiment_id TEXT NOT NULL REFERENCES experiments(id),
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  point_json TEXT NOT NULL,
  PRIMARY KEY (experiment_id, id)
);
CREATE TABLE IF NOT EXISTS stages (
  experiment_id TEXT NOT NULL REFERENCES experiments(id),
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  params_json TEXT NOT NULL,
  deps_json TEXT NOT NULL,
  state TEXT NOT NULL,           -- pending | running | succeeded | failed | cancelled
  cached INTEGER NOT NULL DEFAULT 0,
  result_json TEXT,
  error TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  runs INTEGER NOT NULL DEFAULT 0,  -- times the stage's work actually ran to success (never > 1 unless re-run on purpose)
  PRIMARY KEY (experiment_id, id)
);
CREATE TABLE IF NOT EXISTS stage_points (
  experiment_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  point_id TEXT NOT NULL,
  PRIMARY KEY (experiment_id, stage_id, point_id)
);
CREATE TABLE IF NOT EXISTS attempts (
  experiment_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  state TEXT NOT NULL,           -- running | succeeded | failed | cancelled
  error TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (experiment_id, stage_id, n)
);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  experiment_id TEXT NOT NULL,
  stage_id TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metrics (
  experiment_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (experiment_id, stage_id, name)
);
CREATE TABLE IF NOT EXISTS stage_cache (
  key TEXT PRIMARY KEY,
  result_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
${STAGE_CHECKPOINTS_TABLE}
${EXPERIMENT_FACTS_TABLE}`;
