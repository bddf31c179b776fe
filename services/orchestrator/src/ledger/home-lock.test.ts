import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireHomeLock, LOCK_FILE } from './home-lock';

const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-lock-'));

describe('acquireHomeLock', () => {
  it('writes the pid, releases only its own lock, and takes over a lock whose process is gone', () => {
    const h = home();
    const lock = acquireHomeLock(h);
    expect(fs.readFileSync(path.join(h, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(fs.existsSync(path.join(h, LOCK_FILE))).toBe(false);
    // a crashed orchestrator's lock: the pid does not exist
    fs.writeFileSync(path.join(h, LOCK_FILE), '2147483646\n');
    const again = acquireHomeLock(h);
    expect(fs.readFileSync(path.join(h, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    again.release();
  });

  it('refuses while a live orchestrator process holds it, naming the pid', async () => {
    const h = home();
    // a live process whose command line names an orchestrator, as the real one's does
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'orchestrator'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(h, LOCK_FILE), `${holder.pid}\n`);
      expect(() => acquireHomeLock(h)).toThrow(`RLPRUNE_HOME ${h} is in use by another orchestrator (pid ${holder.pid}`);
      expect(fs.readFileSync(path.join(h, LOCK_FILE), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
