export { startTelemetry } from './start';
export type { Telemetry } from './start';
export { JsonlSpanExporter, readSpanFile } from './jsonl-span-exporter';
export type { SpanRecord } from './jsonl-span-exporter';
export { withSpan, activeTraceId } from './spans';
