// Content-addressed artifact files: <home>/artifacts/<id[0..2]>/<id> plus <id>.meta.json. Writes go
// to a temporary file renamed into place, so a crash never leaves a half-written artifact under its
// id; every read re-checks the sha256 so a corrupted file is reported, never served.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ArtifactMeta {
  kind: string;
  labels: Record<string, string>;
}

export interface StoredArtifact {
  id: string;
  size: number;
  meta: ArtifactMeta;
}

export class ArtifactNotFoundError extends Error {
  override name = 'NotFoundError';
}
export class ArtifactCorruptError extends Error {
  // DATA_LOSS would be the precise code; FAILED_PRECONDITION tells the caller not to retry.
  override name = 'FailedPreconditionError';
}

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

  private readMeta(id: string): ArtifactMeta {
    try {
      return JSON.parse(fs.readFileSync(`${this.pathOf(id)}.meta.json`, 'utf8')) as ArtifactMeta;
    } catch {
      return { kind: '', labels: {} };
    }
  }
}
