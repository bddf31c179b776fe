// The orchestrator's caps on request sizes, applied before any work: an id or name longer than the
// id cap, a spec text over the spec cap, and a spec whose grid has more stages than the stage cap
// (counted by expanding it with that cap, so a million-point spec stops after maxGridStages stages,
// in well under a second, before the ledger is touched). Errors name the limit and its setting.
import { InvalidArgumentError, type Cap, requireIdLength } from '@rlprune/service-kit';
import type { OrchestratorLimits } from './config';
import { expandGrid } from './pipeline/grid';
import { parseSpec } from './spec/experiment-spec';

export class RequestLimits {
  private readonly idCap: Cap;

  constructor(readonly limits: OrchestratorLimits) {
    this.idCap = { limit: limits.maxIdChars, setting: 'RLPRUNE_MAX_ID_CHARS', what: 'characters' };
  }

  /** An experiment id (or name) of at most the id cap's length. */
  id(value: string | undefined, field = 'id'): string {
    return requireIdLength(value ?? '', field, this.idCap);
  }

  ids(values: readonly string[] | undefined, field = 'ids'): string[] {
    return (values ?? []).map((v, i) => this.id(v, `${field}[${i}]`));
  }

  /**
   * A submitted spec: its size, then its grid's stage count. `defaultEpsilon` may be approximate
   * (an env's attack epsilon only merges certify stages, so a placeholder can only over-count by one
   * per point); submit expands the grid again with the simulator's real epsilons.
   */
  submission(specYaml: string | undefined, name: string | undefined, defaultEpsilon: (env: string) => number): void {
    const text = specYaml ?? '';
    if (text.length > this.limits.maxSpecChars) {
      throw new InvalidArgumentError('spec_yaml', `the spec has ${text.length} characters, over the limit of ${this.limits.maxSpecChars} (RLPRUNE_MAX_SPEC_CHARS)`);
    }
    if (name) this.id(name, 'name');
    if (!text) return; // submit names the missing spec
    expandGrid(parseSpec(text), defaultEpsilon, this.limits.maxGridStages);
  }
}
