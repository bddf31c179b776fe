// Starts OpenTelemetry for one process. Must run before @grpc/grpc-js is first required, because
// the gRPC instrumentation patches the module as it loads; services therefore call this first in
// main.ts and load their server code afterwards.
// The trace SDK is set up by hand (tracer provider, async-local-storage context, W3C propagation,
// the gRPC instrumentation), as @opentelemetry/sdk-node's NodeSDK does for traces, without pulling
// in sdk-node's metrics, logs, Zipkin, Prometheus and gRPC exporters nor their copies of core.
import { context, propagation, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { detectResources, envDetector, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { OtlpJsonSpanExporter } from './otlp-json-span-exporter';
import { SpanAttributesProcessor } from './span-attributes-processor';

export interface Telemetry {
  /** Whether any exporter is configured. */
  enabled: boolean;
  /** Flushes and stops exporting (call during graceful shutdown). */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** Attributes set on every span this process starts (e.g. the attack an attacker serves). Default none. */
  spanAttributes?: Attributes;
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
 * of Jaeger); RLPRUNE_SPAN_FILE appends OTLP JSON lines to a file (Jaeger's "upload JSON" opens it).
 * Neither set: tracing stays off. The service is `rlprune-<serviceName>` unless OTEL_SERVICE_NAME
 * names it; OTEL_RESOURCE_ATTRIBUTES adds resource attributes (e.g. the pod name).
 */
export function startTelemetry(serviceName: string, version = '0.1.0', env: NodeJS.ProcessEnv = process.env, options: TelemetryOptions = {}): Telemetry {
  if (current) return current;
  const processors: SpanProcessor[] = [];
  if (options.spanAttributes) processors.push(new SpanAttributesProcessor(options.spanAttributes));
  const exporting = processors.length;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
  if (env.RLPRUNE_SPAN_FILE) processors.push(new SimpleSpanProcessor({ exporter: new OtlpJsonSpanExporter(env.RLPRUNE_SPAN_FILE) }));
  if (processors.length === exporting) {
    current = { enabled: false, shutdown: async () => {} };
    return current;
  }
  // the detected attributes (OTEL_RESOURCE_ATTRIBUTES, host, process) as NodeSDK detects them;
  // service.name last, so OTEL_SERVICE_NAME in env wins over the default
  const resource = resourceFromAttributes({ 'service.version': version })
    .merge(detectResources({ detectors: [envDetector, hostDetector, processDetector] }))
    .merge(resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || `rlprune-${serviceName}` }));
  const provider = new TracerProvider({ resource, spanProcessors: processors });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new GrpcInstrumentation({ ignoreGrpcMethods: [untraced] })],
  });
  current = {
    enabled: true,
    shutdown: async () => {
      unregister();
      // a span ended just before waits for the detected resource attributes: flush it first,
      // as shutdown alone drops exports still pending
      await provider.forceFlush();
      await provider.shutdown();
      contextManager.disable();
    },
  };
  return current;
}
