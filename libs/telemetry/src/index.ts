export { startTelemetry } from './start';
export type { Telemetry, TelemetryOptions } from './start';
export { OtlpJsonSpanExporter } from './otlp-json-span-exporter';
export { readSpanFile, spanRecords } from './span-file';
export type { OtlpJsonSpan, OtlpJsonTraces, SpanRecord } from './span-file';
export { addSpanEvent, withSpan, activeTraceId } from './spans';
