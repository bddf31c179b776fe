import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from './experiment-spec';

const dir = path.resolve(__dirname, '../../../../examples');

describe('examples/', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('holds the quick start and the paper specs', () => {
    expect(files).toContain('quickstart.yaml');
    expect(files.filter((f) => f.startsWith('paper-')).length).toBeGreaterThanOrEqual(10);
  });
  it.each(files)('%s is a valid spec', (f) => {
    expect(() => parseSpec(fs.readFileSync(path.join(dir, f), 'utf8'))).not.toThrow();
  });
});
