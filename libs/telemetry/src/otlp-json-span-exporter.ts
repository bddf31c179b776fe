// Writes finished spans to a file in the OTLP JSON file format (the OpenTelemetry file exporter's
// JSON lines: one ExportTraceServiceRequest per line, ids as hex, times as unix-nanosecond strings),
// the format Jaeger's "upload JSON" and the Collector's otlpjsonfile receiver read. A local run (no
// collector) keeps its traces and tests can check that one trace crosses services. Several processes
// may append to one file: each export is one appendFileSync of one whole line.
import fs from 'node:fs';
import path from 'node:path';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

export class OtlpJsonSpanExporter implements SpanExporter {
  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (spans.length === 0) return done({ code: ExportResultCode.SUCCESS });
    try {
      const line = Buffer.from(JsonTraceSerializer.serializeRequest(spans)!);
      fs.appendFileSync(this.file, Buffer.concat([line, Buffer.from('\n')]));
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}
