// A small declarative schema for YAML specs: each node says its type, bounds and default, and the
// validator walks the parsed document so every error names the field path and its line.
import { clip, InvalidArgumentError, show } from '@rlprune/service-kit';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type Schema =
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean; default?: number; doc: string }
  | { kind: 'string'; enum?: readonly string[]; default?: string; doc: string }
  | { kind: 'boolean'; default?: boolean; doc: string }
  | { kind: 'list'; items: Schema; minItems?: number; default?: unknown[]; doc: string }
  // renamed: old spelling -> its new name; an old spelling is refused naming the new one, unless the
  // parse accepts old spellings (stored specs, written before the rename, are read as they were)
  | { kind: 'object'; fields: Record<string, Schema>; renamed?: Record<string, string>; doc: string }
  | { kind: 'nullable'; inner: Schema; doc: string };

/** Bad input in a spec: an InvalidArgumentError whose message also gives the line of the field. */
export class SpecError extends InvalidArgumentError {
  constructor(
    field: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(field || 'spec', reason);
    this.message = `${field || 'spec'}${line ? ` (line ${line})` : ''}: ${reason}`;
  }
}

interface Ctx {
  lines: LineCounter;
  /** Read old spellings (an object schema's `renamed`) as their new names instead of refusing them. */
  acceptOldNames: boolean;
}

function lineOf(node: Node | null | undefined, ctx: Ctx): number | null {
  const offset = node?.range?.[0];
  return offset === undefined ? null : ctx.lines.linePos(offset).line;
}


/** Validates `node` against `schema`, returning the plain value with defaults filled in. */
function check(schema: Schema, node: Node | null | undefined, path: string, ctx: Ctx, parentLine: number | null): unknown {
  const line = lineOf(node, ctx) ?? parentLine;
  const fail = (reason: string): never => {
    throw new SpecError(path, line, reason);
  };
  const absent = node === undefined || node === null || (isScalar(node) && node.value === null);
  if (schema.kind === 'nullable') return absent ? null : check(schema.inner, node, path, ctx, line);
  if (absent) {
    if ('default' in schema && schema.default !== undefined) return structuredClone(schema.default);
    // an absent section is an empty one: its fields take their defaults or report themselves missing
    if (schema.kind === 'object') return checkFields(schema.fields, () => undefined, path, ctx, line);
    return fail(`is required (${schema.doc})`);
  }
  switch (schema.kind) {
    case 'number': {
      const v = isScalar(node) ? node.value : undefined;
      // the text as written: 1e309 parses to Infinity and 99999999999999999999 to 1e20, neither what the user wrote
      const written = isScalar(node) && typeof node.source === 'string' ? node.source : show(v ?? 'a collection');
      if (typeof v !== 'number') return fail(`expected a number, got ${clip(written)}`);
      if (!Number.isFinite(v)) return fail(`expected a finite number, got ${clip(written)} (beyond the largest double, ~1.8e308)`);
      if (schema.integer && !Number.isInteger(v)) fail(`expected an integer, got ${v}`);
      if (schema.integer && !Number.isSafeInteger(v)) {
        fail(`expected an integer of at most 2^53 - 1 (${Number.MAX_SAFE_INTEGER}), got ${clip(written)}: larger integers are not exact in a double`);
      }
      if (schema.min !== undefined && (schema.minExclusive ? v <= schema.min : v < schema.min))
        fail(`expected ${schema.minExclusive ? '>' : '>='} ${schema.min}, got ${v}`);
      if (schema.max !== undefined && (schema.maxExclusive ? v >= schema.max : v > schema.max))
        fail(`expected ${schema.maxExclusive ? '<' : '<='} ${schema.max}, got ${v}`);
      return v;
    }
    case 'string': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'string') return fail(`expected a string, got ${show(isScalar(node) ? node.value : 'a collection')}`);
      if (schema.enum && !schema.enum.includes(v)) fail(`expected one of ${schema.enum.join(', ')}, got ${show(v)}`);
      return v;
    }
    case 'boolean': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'boolean') return fail(`expected true or false, got ${show(v)}`);
      return v;
    }
    case 'list': {
      // a single value where a list is expected is taken as a one-element list
      const items = isSeq(node) ? node.items : [node];
      if (schema.minItems !== undefined && items.length < schema.minItems) fail(`needs at least ${schema.minItems} item(s)`);
      return items.map((item, i) => check(schema.items, item as Node, `${path}[${i}]`, ctx, line));
    }
    case 'object': {
      if (!isMap(node)) return fail(`expected a mapping (${schema.doc})`);
      const oldNameOf: Record<string, string> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const at = path ? `${path}.${clip(key)}` : clip(key);
        const renamedTo = schema.renamed?.[key];
        if (renamedTo !== undefined && ctx.acceptOldNames) {
          oldNameOf[renamedTo] = key;
          continue;
        }
        if (renamedTo !== undefined) throw new SpecError(at, lineOf(pair.key as Node, ctx), `renamed to ${renamedTo} (CleanRL's name); write ${renamedTo}: instead`);
        if (!(key in schema.fields)) {
          throw new SpecError(at, lineOf(pair.key as Node, ctx), `unknown field (known: ${Object.keys(schema.fields).join(', ')})`);
        }
      }
      return checkFields(schema.fields, (key) => node.get(oldNameOf[key] ?? key, true) as Node | undefined, path, ctx, line);
    }
  }
}

function checkFields(
  fields: Record<string, Schema>,
  child: (key: string) => Node | undefined,
  path: string,
  ctx: Ctx,
  line: number | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(fields)) out[key] = check(sub, child(key), path ? `${path}.${key}` : key, ctx, line);
  return out;
}

/**
 * Parses YAML text and validates it; syntax errors and schema errors both name a line. With
 * `acceptOldNames`, renamed fields' old spellings are read as their new names.
 */
export function parseWithSchema(text: string, schema: Schema, acceptOldNames = false): unknown {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lines.linePos(e.pos[0]).line;
    throw new SpecError('', line, `YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  return check(schema, doc.contents as Node | null, '', { lines, acceptOldNames }, 1);
}
