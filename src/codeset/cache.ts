import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Environment variable that moves the cache folder. */
export const CACHE_ENV = 'DXLINT_CACHE';

/** Default cache folder: `<cwd>/node_modules/.cache/dxlint` (git-ignored), or `DXLINT_CACHE`. */
export function defaultCacheDir(): string {
  return process.env[CACHE_ENV] ?? resolve(process.cwd(), 'node_modules', '.cache', 'dxlint');
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const CHUNK = Buffer.allocUnsafe(1 << 20);

/** sha256 of a file read in 1 MB chunks (a warm load hashes its sources without holding them). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, CHUNK, 0, CHUNK.length, null); n > 0; n = readSync(fd, CHUNK, 0, CHUNK.length, null)) {
      hash.update(CHUNK.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * A folder of compiled artifacts, each named by a key derived from the content hashes of its
 * source files and the artifact format version. Writes go to a temporary file that is then
 * renamed, so a reader (another process, a parallel test) never sees half a file. A cache
 * that cannot be read or written is skipped, never fatal: the raw files are the truth.
 */
export class ArtifactCache {
  constructor(readonly dir: string | undefined) {}

  static from(options: { cache?: boolean; cacheDir?: string }): ArtifactCache {
    return new ArtifactCache(options.cache === false ? undefined : (options.cacheDir ?? defaultCacheDir()));
  }

  get enabled(): boolean {
    return this.dir !== undefined;
  }

  path(key: string, ext: string): string | undefined {
    return this.dir === undefined ? undefined : join(this.dir, `${key}.${ext}`);
  }

  has(key: string, ext: string): boolean {
    const p = this.path(key, ext);
    if (!p) return false;
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  }

  read(key: string, ext: string): Buffer | undefined {
    const p = this.path(key, ext);
    if (!p) return undefined;
    try {
      return readFileSync(p);
    } catch {
      return undefined;
    }
  }

  /** Writes atomically; returns false (and writes nothing) when the folder is not writable. */
  write(key: string, ext: string, bytes: Uint8Array | string): boolean {
    const p = this.path(key, ext);
    if (!p) return false;
    const tmp = `${p}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir!, { recursive: true });
      writeFileSync(tmp, bytes);
      renameSync(tmp, p);
      return true;
    } catch {
      rmSync(tmp, { force: true });
      return false;
    }
  }
}
