// Who an attacker process is in traces: one service per attack deployment (rlprune-attacker-mad,
// named like its Deployment attacker-<attack>), and the attack on every span as rlprune.attack, so
// Jaeger lists each attack on its own and finds a trace by attack. OTEL_SERVICE_NAME still wins.
import type { TelemetryOptions } from '@rlprune/telemetry';

export interface AttackerSpanIdentity {
  /** startTelemetry's service name (without the rlprune- prefix). */
  serviceName: string;
  options: TelemetryOptions;
}

/** From ATTACK as main.ts reads it (default random); an unknown attack is refused later, by server.ts. */
export function attackerSpanIdentity(env: NodeJS.ProcessEnv = process.env): AttackerSpanIdentity {
  const attack = env.ATTACK ?? 'random';
  return { serviceName: `attacker-${attack.replace(/_/g, '-')}`, options: { spanAttributes: { 'rlprune.attack': attack } } };
}
