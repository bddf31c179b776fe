// Starts OpenTelemetry for one process. Must run before @grpc/grpc-js is first required, because
// the gRPC instrumentation patches the module as it loads; services therefore call this first in
// main.ts and load their server code afterwards.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonlSpanExporter } from './jsonl-span-exporter';

export interface Telemetry {
  /** Whether any exporter is configured. */
  enabled: boolean;
  /** Flushes and stops exporting (call during graceful shutdown). */
  shutdown(): Promise<void>;
}

let current: Telemetry | undefined;

/**
 * gRPC methods left untraced, by name in either casing (grpc-js clients use camelCase): probes and
 * tooling, not work. Kubernetes probes each pod's health every few seconds; traced, those spans
 * would bury the experiment's in Jaeger. Health's Check/Watch, Info's GetInfo, reflection's stream.
 */
const UNTRACED_METHODS = new Set(['check', 'watch', 'getinfo', 'serverreflectioninfo']);
const untraced = (method: string): boolean => UNTRACED_METHODS.has(method.toLowerCase());

/**
 * Exporters by environment: OTEL_EXPORTER_OTLP_ENDPOINT sends OTLP/HTTP (e.g. to a collector in front
 * of Jaeger); RLPRUNE_SPAN_FILE appends JSON lines to a file. Neither set: tracing stays off.
 */
export function startTelemetry(serviceName: string, version = '0.1.0', env: NodeJS.ProcessEnv = process.env): Telemetry {
  if (current) return current;
  const processors: SpanProcessor[] = [];
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  if (env.RLPRUNE_SPAN_FILE) processors.push(new SimpleSpanProcessor(new JsonlSpanExporter(env.RLPRUNE_SPAN_FILE)));
  if (processors.length === 0) {
    current = { enabled: false, shutdown: async () => {} };
    return current;
  }
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': `rlprune-${serviceName}`, 'service.version': version }),
    spanProcessors: processors,
    instrumentations: [new GrpcInstrumentation({ ignoreGrpcMethods: [untraced] })],
  });
  sdk.start();
  current = { enabled: true, shutdown: () => sdk.shutdown() };
  return current;
}
