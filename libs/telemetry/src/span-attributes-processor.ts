// Sets fixed attributes on every span as it starts, so a process's identity beyond its service name
// (the attack an attacker deployment serves) is on each of its spans and searchable in Jaeger.
import type { Attributes, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';

export class SpanAttributesProcessor implements SpanProcessor {
  constructor(private readonly attributes: Attributes) {}

  onStart(span: Span, _parentContext: Context): void {
    span.setAttributes(this.attributes);
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
