// What other packages (the CLI) use of the orchestrator without running it: the ledger a local home
// keeps, the home's lock, the spec parser, and the report and publish writers. Re-exports only:
// importing this starts nothing (main.ts is the service's start-up; server.ts is not re-exported).
export { Ledger, type ExperimentRow, type StageRow } from './ledger/ledger';
export { homeLockHolder } from './ledger/home-lock';
export { parseSpec, type ExperimentSpec } from './spec/experiment-spec';
export { writePublishedCompare } from './experiments/published-compare';
export { analysePublished, writePublishedReport } from './experiments/published-report';
export { publishRun } from './experiments/publish';
export { ReportWriter } from './experiments/report';
