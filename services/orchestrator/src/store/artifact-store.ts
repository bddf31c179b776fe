// Content-addressed artifact files: <home>/artifacts/<id[0..2]>/<id> plus <id>.meta.json. Writes go
// to a temporary file renamed into place, so a crash never leaves a half-written artifact under its
// id; every read re-checks the sha256 so a corrupted file is reported, never served.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError, show } from '@rlprune/service-kit';

export interface ArtifactMeta {
  kind: string;
  labels: Record<string, string>;
}

export interface StoredArtifact {
  id: string;
  size: number;
  meta: ArtifactMeta;
}

export class ArtifactNotFoundError extends NotFoundError {}
// DATA_LOSS would be the precise code; FAILED_PRECONDITION tells the caller not to retry.
export class ArtifactCorruptError extends FailedPreconditionError {}

export class ArtifactStore {
  readonly dir: string;

  constructor(home: string) {
    this.dir = path.join(home, 'artifacts');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  private pathOf(id: string): string {
    return path.join(this.dir, id.slice(0, 2), id);
  }

  put(data: Buffer, meta: ArtifactMeta): StoredArtifact {
    const id = crypto.createHash('sha256').update(data).digest('hex');
    const file = this.pathOf(id);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.writeFileSync(`${file}.meta.json`, JSON.stringify(meta));
      fs.renameSync(tmp, file);
    }
    return { id, size: data.length, meta };
  }

  /**
   * Starts a streamed write: chunks go to a temporary file as they arrive (hashed on the way), so an
   * upload holds one chunk in memory, never the whole payload (once, let alone twice), and one over
   * `maxBytes` stops at the first chunk past it.
   */
  beginPut(maxBytes: number): ArtifactUpload {
    return new ArtifactUpload(this, maxBytes);
  }

  /** Moves a finished upload's temporary file to its id's place (or drops it when the id exists). */
  commitFile(tmp: string, id: string, size: number, meta: ArtifactMeta): StoredArtifact {
    const file = this.pathOf(id);
    if (fs.existsSync(file)) {
      fs.rmSync(tmp, { force: true });
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.meta.json`, JSON.stringify(meta));
      fs.renameSync(tmp, file);
    }
    return { id, size, meta };
  }

  has(id: string): boolean {
    return fs.existsSync(this.pathOf(id));
  }

  stat(id: string): StoredArtifact {
    const file = this.pathOf(id);
    if (!fs.existsSync(file)) throw new ArtifactNotFoundError(`artifact ${id} is not in the store (${this.dir})`);
    return { id, size: fs.statSync(file).size, meta: this.readMeta(id) };
  }

  get(id: string): { data: Buffer; info: StoredArtifact } {
    const info = this.stat(id);
    const data = fs.readFileSync(this.pathOf(id));
    const actual = crypto.createHash('sha256').update(data).digest('hex');
    if (actual !== id) {
      throw new ArtifactCorruptError(`artifact ${id} is corrupt on disk (its bytes hash to ${actual}); re-create it`);
    }
    return { data, info };
  }

  /**
   * Removes an artifact and its metadata; one not stored is ignored. For what nothing else refers to
   * (a train stage's superseded checkpoint); ids that are not sha256 hex are refused, never resolved.
   */
  delete(id: string): void {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new InvalidArgumentError('id', 'a sha256 artifact id (64 lower-case hex characters)', show(id));
    const file = this.pathOf(id);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.meta.json`, { force: true });
  }

  private readMeta(id: string): ArtifactMeta {
    try {
      return JSON.parse(fs.readFileSync(`${this.pathOf(id)}.meta.json`, 'utf8')) as ArtifactMeta;
    } catch {
      return { kind: '', labels: {} };
    }
  }
}

/** An artifact larger than the store accepts (RLPRUNE_MAX_ARTIFACT_BYTES). */
export class ArtifactTooLargeError extends InvalidArgumentError {}

/** One streamed Put: write chunks, then commit with the metadata, or abort to delete what arrived. */
export class ArtifactUpload {
  private readonly hash = crypto.createHash('sha256');
  private readonly tmp: string;
  private fd: number | null;
  private size = 0;

  constructor(
    private readonly store: ArtifactStore,
    private readonly maxBytes: number,
  ) {
    this.tmp = path.join(store.dir, `.upload.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    this.fd = fs.openSync(this.tmp, 'w');
  }

  get bytes(): number {
    return this.size;
  }

  write(chunk: Uint8Array): void {
    if (this.fd === null) throw new Error('write after the upload ended');
    if (this.size + chunk.length > this.maxBytes) {
      this.abort();
      throw new ArtifactTooLargeError(
        'data',
        `the artifact is over the limit of ${this.maxBytes} bytes (RLPRUNE_MAX_ARTIFACT_BYTES): ${this.size + chunk.length} bytes had arrived when the upload was stopped`,
      );
    }
    fs.writeSync(this.fd, chunk);
    this.hash.update(chunk);
    this.size += chunk.length;
  }

  commit(meta: ArtifactMeta): StoredArtifact {
    if (this.fd === null) throw new Error('commit after the upload ended');
    fs.closeSync(this.fd);
    this.fd = null;
    return this.store.commitFile(this.tmp, this.hash.digest('hex'), this.size, meta);
  }

  /** Deletes what was written; safe to call more than once and after commit. */
  abort(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
      fs.rmSync(this.tmp, { force: true });
    }
  }
}
