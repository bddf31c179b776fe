// `rlprune up`: every service as a local process on loopback, until Ctrl-C (then all stop cleanly).
import path from 'node:path';
import { parseCommand } from '../args/parse';
import { concurrencyOrDefault } from '../concurrency';
import { UsageError } from '../errors';
import { launchLocalServices, type ServiceName } from '../local/launch';
import { SERVICE_NAMES, UP } from '../specs/services';
import { fetchStatus, statusTable } from './status';

const NAMES: readonly ServiceName[] = SERVICE_NAMES;

/** "--ports simulator=50052,trainer=50053" or "--base-port 50051" (consecutive in NAMES order). */
export function parsePorts(ports: readonly string[] | undefined, base: number | undefined): Partial<Record<ServiceName, number>> {
  const out: Partial<Record<ServiceName, number>> = {};
  if (base !== undefined) {
    if (base + NAMES.length > 65536) throw new UsageError(`--base-port: expected a port that leaves room for ${NAMES.length} consecutive ports, got ${base}`);
    NAMES.forEach((n, i) => (out[n] = base + i));
  }
  for (const item of ports ?? []) {
    const [name, value] = item.split('=');
    const port = Number(value);
    if (!NAMES.includes(name as ServiceName)) throw new UsageError(`--ports: unknown service ${JSON.stringify(name)} (known: ${NAMES.join(', ')})`);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--ports: ${name} needs a port in [0, 65535], got ${JSON.stringify(value)}`);
    out[name as ServiceName] = port;
  }
  return out;
}

export async function upCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(UP, argv);
  const trainers = concurrencyOrDefault(values.concurrency);
  const home = path.resolve(values.home ?? process.env.RLPRUNE_HOME ?? '.rlprune');
  const attacks = values.attacks;
  const ports = parsePorts(values.ports, values['base-port']);
  process.stderr.write(`starting ${4 + trainers + attacks.length} services (logs in ${path.join(home, 'logs')}) ...\n`);
  const cluster = await launchLocalServices({
    home,
    ports,
    attacks,
    trainers,
    ...(trainers > 1 ? { trainerEnvs: 'local' as const } : {}),
    onReady: (s) => process.stderr.write(`  ${s.name.padEnd(16)} ${s.address}  ready\n`),
  });
  console.log(statusTable(await fetchStatus(cluster.orchestrator)));
  console.log(`\nORCHESTRATOR_ADDRESS=${cluster.orchestrator}`);
  if (values.once) {
    await cluster.stop();
    return 0;
  }
  process.stderr.write('running; press Ctrl-C to stop\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stderr.write('stopping ...\n');
  await cluster.stop();
  return 0;
}
