// The span file is the OTLP JSON file format Jaeger's "upload JSON" opens: one ExportTraceServiceRequest
// per line (resourceSpans / scopeSpans / spans), ids as lower-case hex, times as unix-nanosecond
// strings, OTLP's kind and status numbers; and readSpanFile reads it back to the same spans.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { OtlpJsonSpanExporter } from './otlp-json-span-exporter';
import { readSpanFile, type OtlpJsonTraces } from './span-file';

describe('OtlpJsonSpanExporter', () => {
  it('appends one OTLP JSON line per export, in the shape Jaeger reads, and readSpanFile reads it back', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-otlp-')), 'spans.jsonl');
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'rlprune-probe' }),
      spanProcessors: [new SimpleSpanProcessor({ exporter: new OtlpJsonSpanExporter(file) })],
    });
    const tracer = provider.getTracer('rlprune');
    const before = BigInt(Date.now()) * 1_000_000n;
    const parent = tracer.startSpan('parent', { kind: SpanKind.SERVER, attributes: { 'rlprune.seed': 7, 'rlprune.env': 'Hopper-v4', ratio: 0.5, ok: true } });
    parent.addEvent('ppo.iteration', { 'rlprune.iteration': 2 });
    parent.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    parent.end();
    const { trace, context } = await import('@opentelemetry/api');
    tracer.startSpan('child', { kind: SpanKind.CLIENT }, trace.setSpan(context.active(), parent)).end();
    await provider.shutdown();

    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBe(2); // SimpleSpanProcessor: one export per span, one line each
    const first = JSON.parse(lines[0]!) as OtlpJsonTraces;
    expect(Object.keys(first)).toEqual(['resourceSpans']);
    const rs = first.resourceSpans[0]!;
    expect(rs.resource!.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'rlprune-probe' } });
    const span = rs.scopeSpans[0]!.spans[0]!;
    expect(rs.scopeSpans[0]!.scope!.name).toBe('rlprune');
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.startTimeUnixNano).toMatch(/^[0-9]{19}$/);
    expect(BigInt(span.startTimeUnixNano)).toBeGreaterThanOrEqual(before - 1_000_000n);
    expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
    expect(span.kind).toBe(2); // OTLP SPAN_KIND_SERVER
    expect(span.status).toEqual({ code: 2, message: 'boom' }); // STATUS_CODE_ERROR
    expect(span.attributes).toContainEqual({ key: 'rlprune.env', value: { stringValue: 'Hopper-v4' } });
    expect(span.events![0]!.timeUnixNano).toMatch(/^[0-9]{19}$/);

    const [p, c] = readSpanFile(file);
    expect(p).toMatchObject({ name: 'parent', kind: SpanKind.SERVER, service: 'rlprune-probe', parentSpanId: null, status: { code: 2, message: 'boom' } });
    expect(p!.attributes).toEqual({ 'rlprune.seed': 7, 'rlprune.env': 'Hopper-v4', ratio: 0.5, ok: true });
    expect(p!.events.map((e) => [e.name, e.attributes])).toEqual([['ppo.iteration', { 'rlprune.iteration': 2 }]]);
    expect(c).toMatchObject({ name: 'child', kind: SpanKind.CLIENT, traceId: p!.traceId, parentSpanId: p!.spanId });
    expect(p!.durationUs).toBeGreaterThanOrEqual(0);
  });
});
