// One orchestrator per RLPRUNE_HOME: two on one ledger would run the same experiments twice and
// interleave their writes. The lock is a file created exclusively (O_EXCL) holding the owner's pid;
// a lock whose pid no longer runs an orchestrator (a crash, a kill -9) is stale and taken over. A
// second orchestrator finds a live holder and stops at start with one line naming its pid (exit 2).
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@rlprune/service-kit';

export const LOCK_FILE = 'orchestrator.lock';

export interface HomeLock {
  readonly file: string;
  /** Removes the lock if this process still holds it. */
  release(): void;
}

/** True when `pid` is a live process that (where /proc tells) runs an orchestrator, not a reused pid. */
function holderAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive but another user's; ESRCH: gone
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('orchestrator');
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the live orchestrator holding `home`'s lock, or null (none, or a stale lock). */
export function homeLockHolder(home: string): number | null {
  const pid = readHolder(path.join(home, LOCK_FILE));
  return pid !== null && holderAlive(pid) ? pid : null;
}

export function acquireHomeLock(home: string, pid = process.pid): HomeLock {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, LOCK_FILE);
  for (let tries = 0; ; tries++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= 3) throw e;
    }
    const holder = readHolder(file);
    if (holder !== null && holder !== pid && holderAlive(holder)) {
      throw new ConfigError(
        `RLPRUNE_HOME ${home} is in use by another orchestrator (pid ${holder}, lock ${file}); stop it, or use another home`,
      );
    }
    // stale (its orchestrator is gone) or half-written: remove and try again
    fs.rmSync(file, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    if (readHolder(file) === pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { file, release };
}
