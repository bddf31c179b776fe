// Writes finished spans as JSON lines to a file, so a local run (no collector) keeps its traces and
// tests can check that one trace crosses services. Several processes may append to one file: each
// batch is one appendFileSync of whole lines.
import fs from 'node:fs';
import path from 'node:path';
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** One line of the span file. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  service: string;
  startUs: number;
  durationUs: number;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
}

export class JsonlSpanExporter implements SpanExporter {
  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((s) => JSON.stringify(toRecord(s))).join('\n');
      if (lines) fs.appendFileSync(this.file, `${lines}\n`);
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}

function toRecord(s: ReadableSpan): SpanRecord {
  const ctx = s.spanContext();
  return {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    parentSpanId: s.parentSpanContext?.spanId ?? null,
    name: s.name,
    kind: s.kind,
    service: String(s.resource.attributes['service.name'] ?? ''),
    startUs: hrTimeToMicroseconds(s.startTime),
    durationUs: hrTimeToMicroseconds(s.duration),
    status: { code: s.status.code, ...(s.status.message ? { message: s.status.message } : {}) },
    attributes: { ...s.attributes },
  };
}

/** Reads a span file (tests, reports). */
export function readSpanFile(file: string): SpanRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as SpanRecord);
}
