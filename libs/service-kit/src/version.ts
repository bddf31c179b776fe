// The version a service reports: its package.json version, read once.
import fs from 'node:fs';
import path from 'node:path';

export function packageVersion(dir: string): string {
  let d = dir;
  for (let i = 0; i < 5; i++) {
    const p = path.join(d, 'package.json');
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version ?? '0.0.0';
    d = path.dirname(d);
  }
  return '0.0.0';
}
