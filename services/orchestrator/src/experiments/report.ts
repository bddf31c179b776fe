// The analyse stage: ledger results -> analysis -> report files under <home>/reports/<experiment>.
import fs from 'node:fs';
import path from 'node:path';
import { analyse, writeReport } from '@rlprune/analysis';
import { NotFoundError } from '@rlprune/service-kit';
import type { Ledger } from '../ledger/ledger';
import { gridPointResults } from '../pipeline/results';
import type { ExperimentSpec } from '../spec/experiment-spec';

export interface ReportPaths {
  htmlPath: string;
  csvPath: string;
  jsonlPath: string;
  summaryJson: string;
}

export class ReportWriter {
  constructor(
    private readonly ledger: Ledger,
    private readonly home: string,
  ) {}

  dir(experimentId: string): string {
    return path.join(this.home, 'reports', experimentId);
  }

  write(experimentId: string, spec: ExperimentSpec): ReportPaths {
    const points = gridPointResults(this.ledger, experimentId);
    const analysis = analyse(points, { jStar: spec.analysis.j_star, keepFraction: spec.analysis.keep_fraction });
    const dir = this.dir(experimentId);
    fs.mkdirSync(dir, { recursive: true });
    const written = writeReport(dir, analysis, points, {
      title: `rlprune: ${spec.name}`,
      experimentId,
      details: [
        { name: 'environments', value: spec.envs.join(', ') },
        { name: 'seeds', value: spec.seeds.join(', ') },
        { name: 'training steps', value: String(spec.train.steps) },
        { name: 'pruning', value: `${spec.pruning.mode}, ${spec.pruning.criteria.join('/')}, sparsities ${spec.pruning.sparsities.join(', ')}` },
      ],
    });
    const paths = { htmlPath: written.htmlPath, csvPath: written.csvPath, jsonlPath: written.jsonlPath, summaryJson: written.summaryJson };
    fs.writeFileSync(path.join(dir, 'paths.json'), JSON.stringify(paths));
    return paths;
  }

  read(experimentId: string): ReportPaths {
    const file = path.join(this.dir(experimentId), 'paths.json');
    if (!fs.existsSync(file)) throw new NotFoundError(`experiment ${experimentId} has no report yet (it is written when every stage has finished)`, 'id');
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ReportPaths;
  }
}
