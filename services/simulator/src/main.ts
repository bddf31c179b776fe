// Entry point. Telemetry starts first: the gRPC instrumentation patches @grpc/grpc-js as it loads,
// so the server code (which loads grpc-js) is imported only afterwards.
import { startTelemetry } from '@rlprune/telemetry';

const telemetry = startTelemetry('simulator');
void import('./server').then((m) => m.main(telemetry));
