// Entry point. Telemetry starts first: the gRPC instrumentation patches @grpc/grpc-js as it loads,
// so the server code (which loads grpc-js) is imported only afterwards.
import { startTelemetry } from '@rlprune/telemetry';
import { attackerSpanIdentity } from './span-identity';

const identity = attackerSpanIdentity();
const telemetry = startTelemetry(identity.serviceName, undefined, process.env, identity.options);
// A bad setting read before the server starts also ends in one line and exit 2.
void Promise.all([import('./server'), import('@rlprune/service-kit')]).then(([m, kit]) =>
  m.main(telemetry).catch(kit.exitOnConfigError('attacker')),
);
