// Reads a span file written by OtlpJsonSpanExporter (OTLP JSON lines) back into flat records, one
// per span, for tests and reports that follow a trace across services.
import fs from 'node:fs';

/** An OTLP JSON AnyValue (the subset the SDK writes for span and resource attributes). */
interface OtlpValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}

interface OtlpKeyValue {
  key: string;
  value?: OtlpValue;
}

/** One span as OTLP JSON writes it. */
export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: OtlpKeyValue[];
  events?: { timeUnixNano: string; name: string; attributes?: OtlpKeyValue[] }[];
  status?: { code?: number; message?: string };
}

/** One line of the span file: an OTLP ExportTraceServiceRequest. */
export interface OtlpJsonTraces {
  resourceSpans: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans: { scope?: { name?: string; version?: string }; spans: OtlpJsonSpan[] }[];
  }[];
}

/** One span of the file, flattened. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  /** @opentelemetry/api's SpanKind: 0 internal, 1 server, 2 client, 3 producer, 4 consumer. */
  kind: number;
  /** The resource's service.name. */
  service: string;
  startUs: number;
  durationUs: number;
  /** 0 unset, 1 ok, 2 error (the same numbers in OTLP and the API). */
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; timeUs: number; attributes: Record<string, unknown> }[];
}

function valueOf(v: OtlpValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(valueOf);
  return undefined;
}

function attributesOf(kvs: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((kvs ?? []).map((kv) => [kv.key, valueOf(kv.value)]));
}

const nanosToUs = (nanos: string): number => Number(BigInt(nanos) / 1000n);

/** The spans of a parsed line, flattened (exported for tests of the file's shape). */
export function spanRecords(traces: OtlpJsonTraces): SpanRecord[] {
  return traces.resourceSpans.flatMap((rs) => {
    const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '');
    return rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((s) => ({
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId || null,
        name: s.name,
        kind: s.kind - 1,
        service,
        startUs: nanosToUs(s.startTimeUnixNano),
        durationUs: nanosToUs(s.endTimeUnixNano) - nanosToUs(s.startTimeUnixNano),
        status: { code: s.status?.code ?? 0, ...(s.status?.message ? { message: s.status.message } : {}) },
        attributes: attributesOf(s.attributes),
        events: (s.events ?? []).map((e) => ({ name: e.name, timeUs: nanosToUs(e.timeUnixNano), attributes: attributesOf(e.attributes) })),
      })),
    );
  });
}

/** Reads a span file (tests, reports): every span of every line; [] when the file does not exist. */
export function readSpanFile(file: string): SpanRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .flatMap((l) => spanRecords(JSON.parse(l) as OtlpJsonTraces));
}
