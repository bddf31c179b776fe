// The experiment spec format as a JSON Schema (draft-07), derived from SPEC_SCHEMA, the one schema
// the validator uses, so editors (YAML language servers) complete and check specs as rlprune does.
// The file examples/experiment-spec.schema.json is written from this by
// `npm run gen:spec-schema`; a test fails when it is out of date.
// What the validator does that JSON Schema says differently:
//   - a field with a default, a nullable field, or a section none of whose fields is required may be
//     left out; anything else is "required";
//   - a single value where a list is expected counts as a one-element list (anyOf: list or item);
//   - unknown fields are errors (additionalProperties: false).
import { SPEC_SCHEMA } from './experiment-spec';
import type { Schema } from './schema';

export type JsonSchema = Record<string, unknown>;

/** Where the generated schema is kept, relative to the repository root. */
export const SPEC_JSON_SCHEMA_PATH = 'examples/experiment-spec.schema.json';

/** Whether the validator reports the field missing when it is left out. */
function required(schema: Schema): boolean {
  switch (schema.kind) {
    case 'nullable':
      return false;
    case 'object':
      return Object.values(schema.fields).some(required);
    default:
      return schema.default === undefined;
  }
}

function convert(schema: Schema): JsonSchema {
  const description = { description: schema.doc };
  switch (schema.kind) {
    case 'number': {
      const out: JsonSchema = { type: schema.integer ? 'integer' : 'number', ...description };
      if (schema.min !== undefined) out[schema.minExclusive ? 'exclusiveMinimum' : 'minimum'] = schema.min;
      if (schema.max !== undefined) out[schema.maxExclusive ? 'exclusiveMaximum' : 'maximum'] = schema.max;
      if (schema.default !== undefined) out.default = schema.default;
      return out;
    }
    case 'string':
      return { type: 'string', ...(schema.enum ? { enum: [...schema.enum] } : {}), ...description, ...(schema.default !== undefined ? { default: schema.default } : {}) };
    case 'boolean':
      return { type: 'boolean', ...description, ...(schema.default !== undefined ? { default: schema.default } : {}) };
    case 'list': {
      const items = convert(schema.items);
      const list: JsonSchema = { type: 'array', items, ...(schema.minItems !== undefined ? { minItems: schema.minItems } : {}) };
      return { anyOf: [list, items], ...description, ...(schema.default !== undefined ? { default: schema.default } : {}) };
    }
    case 'object':
      return {
        type: 'object',
        ...description,
        properties: Object.fromEntries(Object.entries(schema.fields).map(([k, v]) => [k, convert(v)])),
        required: Object.entries(schema.fields)
          .filter(([, v]) => required(v))
          .map(([k]) => k),
        additionalProperties: false,
      };
    case 'nullable':
      return { anyOf: [convert(schema.inner), { type: 'null' }], description: `${schema.doc}${schema.inner.doc ? ` (${schema.inner.doc})` : ''}` };
  }
}

/** The JSON Schema of an experiment spec. */
export function specJsonSchema(schema: Schema = SPEC_SCHEMA): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://rlprune.dev/schemas/experiment-spec.schema.json',
    title: 'rlprune experiment spec',
    ...convert(schema),
  };
}

/** The file's text: stable key order, two-space indent, trailing newline. */
export function specJsonSchemaText(schema: Schema = SPEC_SCHEMA): string {
  return `${JSON.stringify(specJsonSchema(schema), null, 2)}\n`;
}
