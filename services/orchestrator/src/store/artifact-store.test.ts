import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore, ArtifactTooLargeError } from './artifact-store';

const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-store-'));
const leftovers = (store: ArtifactStore) => fs.readdirSync(store.dir).filter((f) => f.endsWith('.tmp'));

describe('ArtifactStore streamed uploads', () => {
  it('stores chunks under the sha256 of their concatenation, the same id put() gives', () => {
    const store = new ArtifactStore(home());
    const data = crypto.randomBytes(300_000);
    const upload = store.beginPut(1_000_000);
    for (let off = 0; off < data.length; off += 65_536) upload.write(data.subarray(off, off + 65_536));
    const stored = upload.commit({ kind: 'policy', labels: { env: 'Hopper-v4' } });
    expect(stored.id).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    expect(stored.size).toBe(data.length);
    expect(store.get(stored.id).data.equals(data)).toBe(true);
    expect(store.stat(stored.id).meta).toEqual({ kind: 'policy', labels: { env: 'Hopper-v4' } });
    // a second upload of the same bytes keeps the first file and leaves no temporary file
    const again = store.beginPut(1_000_000);
    again.write(data);
    expect(again.commit({ kind: 'policy', labels: {} }).id).toBe(stored.id);
    expect(leftovers(store)).toEqual([]);
  });

  it('stops an upload at the first chunk past the limit, naming it, and deletes what arrived', () => {
    const store = new ArtifactStore(home());
    const upload = store.beginPut(100_000);
    upload.write(Buffer.alloc(60_000));
    expect(() => upload.write(Buffer.alloc(60_000))).toThrow(ArtifactTooLargeError);
    expect(() => store.beginPut(10).write(Buffer.alloc(11))).toThrow(/over the limit of 10 bytes \(RLPRUNE_MAX_ARTIFACT_BYTES\)/);
    expect(leftovers(store)).toEqual([]);
    upload.abort();
  });
});
