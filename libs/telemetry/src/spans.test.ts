// activeTraceId inside and outside a span, with tracing on (spans to a file) as a local run has it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpanFile } from './jsonl-span-exporter';
import { activeTraceId, withSpan } from './spans';
import { startTelemetry } from './start';

describe('activeTraceId', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-spans-')), 'spans.jsonl');
  const telemetry = startTelemetry('test', '0.0.0', { RLPRUNE_SPAN_FILE: file });

  it('is the trace of the span the code runs in, and null outside any span', async () => {
    expect(activeTraceId()).toBeNull();
    const inside = await withSpan('experiment', {}, async () => {
      await new Promise((r) => setTimeout(r, 1)); // still in the span's context after an await
      return activeTraceId();
    });
    expect(inside).toMatch(/^[0-9a-f]{32}$/);
    expect(activeTraceId()).toBeNull();
    await telemetry.shutdown(); // flushes the span to the file
    const recorded = readSpanFile(file).find((s) => s.name === 'experiment')!;
    expect(recorded.traceId).toBe(inside);
  });
});
