// The ETA plan from an Experiment as it comes off the wire (GetExperiment's real serializer and
// deserializer): with the orchestrator's per-kind counts the progress view gives a plain ETA as soon
// as every kind left has a cost, before it has seen every stage; from an orchestrator that sends no
// counts (an older one) it stays a lower bound until the events have shown every stage.
import { packageDefinition, type Experiment, type Experiment__Output } from '@rlprune/proto';
import { describe, expect, it } from 'vitest';
import { ProgressView } from './progress';
import { experimentStagePlan } from './stage-plan';

type Codec = { responseSerialize: (m: Experiment) => Buffer; responseDeserialize: (b: Buffer) => Experiment__Output };
const getExperiment = (packageDefinition()['rlprune.orchestrator.v1.Orchestrator'] as unknown as Record<string, Codec>).GetExperiment!;
const overTheWire = (e: Experiment) => getExperiment.responseDeserialize(getExperiment.responseSerialize(e));

const quiet = { isTTY: false, columns: 120, write: () => true } as unknown as NodeJS.WriteStream;

/** A view of a 7-stage experiment (one training done before) after a training and an evaluation ran. */
function viewAfterTwoStages(exp: Experiment__Output): ProgressView {
  let t = 0;
  const view = new ProgressView(exp.stagesTotal, quiet, () => t, exp.stagesDone, experimentStagePlan(exp));
  const update = (stageId: string, kind: string, state: string, fraction: number) => view.update({ stageId, kind, label: stageId, state, fraction, message: '' });
  update('train-2', 'train', 'running', 0);
  t = 60_000;
  update('train-2', 'train', 'succeeded', 1);
  update('train-3', 'train', 'running', 0);
  update('eval-1', 'evaluate', 'running', 0);
  t = 120_000;
  // two stages shared the last minute: 30 s of the machine each
  update('eval-1', 'evaluate', 'succeeded', 1);
  return view;
}

describe('experimentStagePlan', () => {
  const base: Experiment = { id: 'exp-1', state: 'running', stagesTotal: 7, stagesDone: 1 };

  it("takes each kind's total and done from the orchestrator's counts", () => {
    const exp = overTheWire({ ...base, stageKinds: [{ kind: 'train', total: 3, done: 1, failed: 0 }, { kind: 'evaluate', total: 4, done: 0, failed: 1 }] });
    expect(experimentStagePlan(exp)).toEqual([
      { kind: 'train', total: 3, done: 1 },
      { kind: 'evaluate', total: 4, done: 0 },
    ]);
  });

  it('gives a plain ETA before every stage has been seen; without counts a lower bound', () => {
    const counted = viewAfterTwoStages(overTheWire({ ...base, stageKinds: [{ kind: 'train', total: 3, done: 1 }, { kind: 'evaluate', total: 4, done: 0 }] }));
    // train-3 has had 30 s of a 60 s training; three 30 s evaluations not started
    expect(counted.timing()).toBe('2m00s elapsed, ETA 2m00s');
    const uncounted = viewAfterTwoStages(overTheWire(base));
    expect(experimentStagePlan(overTheWire(base))).toEqual([]);
    // the same costs, but the three evaluations not yet seen are not in it
    expect(uncounted.timing()).toBe('2m00s elapsed, ETA >= 30s');
  });
});
