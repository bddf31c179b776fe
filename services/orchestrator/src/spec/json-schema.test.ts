// The published JSON Schema of the spec format: up to date with SPEC_SCHEMA, every example spec valid
// under it (checked by a real JSON Schema validator, ajv), and the mistakes the validator rejects
// rejected by it too.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSpec } from './experiment-spec';
import { SPEC_JSON_SCHEMA_PATH, specJsonSchema, specJsonSchemaText } from './json-schema';

const root = path.resolve(__dirname, '../../../..');
const examples = path.join(root, 'examples');
const validate = new Ajv({ allErrors: true }).compile(specJsonSchema());
const QUICKSTART = fs.readFileSync(path.join(examples, 'quickstart.yaml'), 'utf8');

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

describe('examples/experiment-spec.schema.json', () => {
  it('is what SPEC_SCHEMA generates (npm run gen:spec-schema writes it)', () => {
    expect(fs.readFileSync(path.join(root, SPEC_JSON_SCHEMA_PATH), 'utf8')).toBe(specJsonSchemaText());
  });

  it.each(fs.readdirSync(examples).filter((f) => f.endsWith('.yaml')))('accepts %s', (f) => {
    expect(errorsOf(parse(fs.readFileSync(path.join(examples, f), 'utf8')))).toEqual([]);
  });

  it('rejects a misspelt field, as the validator does', () => {
    const doc = parse(QUICKSTART) as { pruning: Record<string, unknown> };
    doc.pruning.sparsites = doc.pruning.sparsities;
    delete doc.pruning.sparsities;
    expect(errorsOf(doc)).toContainEqual(expect.stringMatching(/\.pruning should NOT have additional properties/));
    expect(() => parseSpec(QUICKSTART.replace('sparsities:', 'sparsites:'))).toThrow(/pruning\.sparsites.*unknown field/);
  });

  it('rejects a missing required field, a value out of range and an unknown enum value', () => {
    const doc = parse(QUICKSTART) as Record<string, Record<string, unknown>>;
    delete doc.name;
    doc.evaluation = { episodes: 0 };
    doc.train!.activation = 'gelu';
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(expect.stringMatching(/should have required property 'name'/));
    expect(errors).toContainEqual(expect.stringMatching(/\.evaluation\.episodes should be >= 1/));
    expect(errors).toContainEqual(expect.stringMatching(/\.train\.activation should be equal to one of the allowed values/));
  });

  it('takes a single value where a list is expected, as the validator does', () => {
    const doc = parse(QUICKSTART) as Record<string, unknown>;
    doc.seeds = 3;
    expect(errorsOf(doc)).toEqual([]);
    expect(parseSpec(QUICKSTART.replace(/seeds:[^\n]*(\n\s+-[^\n]*)*/, 'seeds: 3')).seeds).toEqual([3]);
  });
});
