// Stage spans: a named span around an async piece of work, ended with its outcome, so every stage
// of an experiment shows in the trace with its attributes.
import { context, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = () => trace.getTracer('rlprune');

export async function withSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan(name, { attributes });
  try {
    const result = await context.with(trace.setSpan(context.active(), span), fn);
    span.setStatus({ code: SpanStatusCode.OK });
    return result;
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}

/** Trace id of the span active in this async context; null when tracing is off (or no span is active). */
export function activeTraceId(): string | null {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? ctx.traceId : null;
}

/**
 * Adds an event to the span active in this async context (e.g. a gRPC server span), so progress
 * inside one long call shows on its timeline; a no-op when tracing is off. Non-finite numbers are
 * left out (OTLP JSON has no NaN).
 */
export function addSpanEvent(name: string, attributes: Attributes): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  const finite = Object.entries(attributes).filter(([, v]) => typeof v !== 'number' || Number.isFinite(v));
  span.addEvent(name, Object.fromEntries(finite));
}
