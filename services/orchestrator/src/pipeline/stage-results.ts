// Reads a stage's stored result (ledger JSON) back as its typed StageResult, checking every field
// that is read: a missing or renamed field fails here, naming the stage and the field, instead of
// becoming NaN in a report. Fields that older ledgers lack (stage-types.ts says which) may be absent.
import { FailedPreconditionError, show } from '@rlprune/service-kit';
import type { StageKind, StageResult } from './stage-types';

type Json = Record<string, unknown>;

/** A stored result that does not have the shape of its stage kind's result. */
export class StageResultError extends FailedPreconditionError {
  constructor(stage: string, kind: string, field: string, expected: string, actual: unknown) {
    const shown = actual === undefined ? 'nothing (the field is missing)' : show(actual);
    super(field, expected, `${shown} (the stored result of ${kind} stage ${stage})`);
  }
}

/** Field readers of one stored object; `path` prefixes the field names in errors. */
class Fields {
  constructor(
    private readonly obj: Json,
    private readonly path: string,
    private readonly fail: (field: string, expected: string, actual: unknown) => never,
  ) {}

  private name(field: string): string {
    return this.path ? `${this.path}.${field}` : field;
  }

  number(field: string): number {
    const v = this.obj[field];
    // JSON has no NaN or Infinity: a stored non-finite number reads back as null
    if (v === null) return NaN;
    if (typeof v !== 'number') return this.fail(this.name(field), 'a number', v);
    return v;
  }

  numberOrNull(field: string): number | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    return this.number(field);
  }

  string(field: string): string {
    const v = this.obj[field];
    if (typeof v !== 'string') return this.fail(this.name(field), 'a string', v);
    return v;
  }

  stringOrNull(field: string): string | null {
    const v = this.obj[field];
    return v === null ? null : this.string(field);
  }

  boolean(field: string): boolean {
    const v = this.obj[field];
    if (typeof v !== 'boolean') return this.fail(this.name(field), 'true or false', v);
    return v;
  }

  numbers(field: string): number[] {
    return this.list(field).map((v, i) => (typeof v === 'number' ? v : v === null ? NaN : this.fail(`${this.name(field)}[${i}]`, 'a number', v)));
  }

  list(field: string): unknown[] {
    const v = this.obj[field];
    if (!Array.isArray(v)) return this.fail(this.name(field), 'a list', v);
    return v;
  }

  /** Each element of a list of objects, read by `read`. */
  objects<T>(field: string, read: (f: Fields) => T): T[] {
    return this.list(field).map((v, i) => read(this.nested(`${field}[${i}]`, v)));
  }

  /** An object field (null when stored as null), read by `read`. */
  objectOrNull<T>(field: string, read: (f: Fields) => T): T | null {
    const v = this.obj[field];
    return v === null ? null : read(this.nested(field, v));
  }

  has(field: string): boolean {
    return this.obj[field] !== undefined;
  }

  private nested(field: string, v: unknown): Fields {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(this.name(field), 'an object', v);
    return new Fields(v as Json, this.name(field), this.fail);
  }
}

const readers: { [K in StageKind]: (f: Fields) => StageResult[K] } = {
  train: (f) => ({
    policy: f.string('policy'),
    final_mean_return: f.number('final_mean_return'),
    curve: f.objects('curve', (p) => ({
      envSteps: p.number('envSteps'),
      meanReturn: p.number('meanReturn'),
      sparsity: p.number('sparsity'),
      lipschitzBound: p.number('lipschitzBound'),
    })),
    ...(f.has('mask_updates')
      ? {
          mask_updates: f.objects('mask_updates', (m) => ({
            envSteps: m.number('envSteps'),
            gradientStep: m.number('gradientStep'),
            sparsity: m.number('sparsity'),
            before: m.number('before'),
            after: m.number('after'),
          })),
        }
      : {}),
  }),
  prune: (f) => ({
    policy: f.string('policy'),
    lipschitz_before: f.number('lipschitz_before'),
    lipschitz_after: f.number('lipschitz_after'),
    sparsity: f.number('sparsity'),
  }),
  prepare: (f) => ({ prepared: f.string('prepared') }),
  evaluate: (f) => ({
    episodes: f.number('episodes'),
    meanReturn: f.number('meanReturn'),
    stdReturn: f.number('stdReturn'),
    medianReturn: f.number('medianReturn'),
    minReturn: f.number('minReturn'),
    maxReturn: f.number('maxReturn'),
    meanLength: f.number('meanLength'),
    returns: f.numbers('returns'),
    lengths: f.numbers('lengths'),
    states: f.stringOrNull('states'),
  }),
  certify: (f) => ({
    epsilon: f.number('epsilon'),
    global: f.objectOrNull('global', (g) => ({
      lipschitzSurrogate: g.number('lipschitzSurrogate'),
      spectralProduct: g.number('spectralProduct'),
      tv: g.number('tv'),
    })),
    perState: f.objects('perState', (s) => ({
      method: s.string('method'),
      meanTv: s.number('meanTv'),
      medianTv: s.number('medianTv'),
      maxTv: s.number('maxTv'),
      certifiedFraction: s.number('certifiedFraction'),
      meanWidth: s.number('meanWidth'),
      meanCertifiedRadius: s.numberOrNull('meanCertifiedRadius'),
    })),
    layers: f.list('layers'),
    ...(f.has('constant') ? { constant: f.boolean('constant') } : {}),
    ...(f.has('parameterPath')
      ? {
          parameterPath: f.objectOrNull('parameterPath', (p) => ({
            deltaNorm: p.number('deltaNorm'),
            lPar: p.number('lPar'),
            measuredActionShift: p.number('measuredActionShift'),
            sigmaMin: p.number('sigmaMin'),
          })),
        }
      : {}),
  }),
};

/** The stored result of stage `stage` (of kind `kind`), checked; throws StageResultError. */
export function decodeStageResult<K extends StageKind>(kind: K, stored: unknown, stage: string): StageResult[K] {
  const fail = (field: string, expected: string, actual: unknown): never => {
    throw new StageResultError(stage, kind, field, expected, actual);
  };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return fail('result', 'an object', stored);
  return readers[kind](new Fields(stored as Json, '', fail));
}
