// The orchestrator running a local home, if any: the live holder of the home's lock
// (services/orchestrator/src/ledger/home-lock.ts), and its address as the last "listening" line of
// its log says (the local launcher writes <home>/logs/orchestrator.log).
import fs from 'node:fs';
import path from 'node:path';
import { homeLockHolder } from '@rlprune/orchestrator';

export interface RunningOrchestrator {
  pid: number;
  /** Its gRPC address, when its log says it. */
  address: string | null;
}

export function runningOrchestrator(home: string): RunningOrchestrator | null {
  const pid = homeLockHolder(home);
  if (pid === null) return null;
  return { pid, address: listeningAddress(path.join(home, 'logs', 'orchestrator.log'), pid) };
}

/** The address in the last "listening" line `pid` wrote to a service log (JSON lines), or null. */
function listeningAddress(logFile: string, pid: number): string | null {
  if (!fs.existsSync(logFile)) return null;
  let address: string | null = null;
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('listening')) continue;
    try {
      const rec = JSON.parse(line) as { address?: string; pid?: number };
      if (rec.address && rec.pid === pid) address = rec.address;
    } catch {
      // not a JSON log line
    }
  }
  return address;
}
