// startTelemetry as a service starts it (spans to a file, as a local run has it): activeTraceId inside
// and outside a span, span events, the process's span attributes and its service name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpanFile } from './span-file';
import { activeTraceId, addSpanEvent, withSpan } from './spans';
import { startTelemetry } from './start';

describe('startTelemetry with RLPRUNE_SPAN_FILE', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-spans-')), 'spans.jsonl');
  const telemetry = startTelemetry('test', '0.0.0', { RLPRUNE_SPAN_FILE: file, OTEL_SERVICE_NAME: 'rlprune-test-mad' }, {
    spanAttributes: { 'rlprune.attack': 'mad' },
  });

  it('records spans with their events, the process attributes and OTEL_SERVICE_NAME; activeTraceId is the span trace', async () => {
    expect(telemetry.enabled).toBe(true);
    expect(activeTraceId()).toBeNull();
    addSpanEvent('outside', { n: 1 }); // no active span: nothing to add to, no error
    const inside = await withSpan('experiment', { 'rlprune.seed': 3 }, async () => {
      await new Promise((r) => setTimeout(r, 1)); // still in the span's context after an await
      addSpanEvent('ppo.iteration', { 'rlprune.iteration': 1, 'rlprune.mean_return': Number.NaN, 'rlprune.sparsity': 0.25 });
      return activeTraceId();
    });
    expect(inside).toMatch(/^[0-9a-f]{32}$/);
    expect(activeTraceId()).toBeNull();
    await telemetry.shutdown(); // flushes the span to the file
    const [recorded, ...others] = readSpanFile(file);
    expect(others).toEqual([]);
    expect(recorded).toMatchObject({
      name: 'experiment',
      traceId: inside,
      service: 'rlprune-test-mad',
      attributes: { 'rlprune.seed': 3, 'rlprune.attack': 'mad' },
      status: { code: 1 },
    });
    // the NaN return is left out of the event, the finite numbers kept
    expect(recorded!.events).toEqual([{ name: 'ppo.iteration', timeUs: expect.any(Number), attributes: { 'rlprune.iteration': 1, 'rlprune.sparsity': 0.25 } }]);
  });
});
