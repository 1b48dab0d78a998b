import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { centralCrcs, crc32 } from './zip-crc.js';
import { DataError, HOW_TO_GET_DATA } from './errors.js';
import { parseSourceName, releaseId, type SourceKind, type SourceName } from './naming.js';
import type { LoadDiagnostic } from './types.js';

/** One official file found in a folder or inside a zip. */
export interface SourceFile {
  kind: SourceKind;
  name: SourceName;
  /** Base name, e.g. `icd10cm-order-2026.txt`: what diagnostics call the file. */
  fileName: string;
  /** Where it is, for messages: a path, or `zip-path!entry`. */
  location: string;
  /** The file's bytes (a folder file is read again on each call; a zip entry is kept inflated). */
  bytes(): Uint8Array;
  /** Path on disk, for a file in a folder (lets the loader hash it without holding it whole). */
  path?: string;
}

/** The files found for one release id (`fy2026-oct`). */
export interface SourceGroup {
  id: string;
  fiscalYear: number;
  update: 'oct' | 'apr';
  files: Partial<Record<SourceKind, SourceFile>>;
}

export interface Discovery {
  groups: SourceGroup[];
  diagnostics: LoadDiagnostic[];
}

export interface ZipLimits {
  /** Most entries a zip may list (default 10,000). */
  maxEntries?: number;
  /** Most bytes the release files of one zip may inflate to (default 200 MB). */
  maxInflatedBytes?: number;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_INFLATED = 200 * 1024 * 1024;
const MAX_DEPTH = 4;

/**
 * Finds the official release files under a folder (recursively, a few levels deep), in
 * official zips, or a single file or zip given directly, and groups them by release. File
 * identity comes from the official file names (see naming.ts), not from folder names.
 * Throws a `DataError` when the path is missing or holds no release file at all.
 */
export function discoverSources(path: string, limits: ZipLimits = {}): Discovery {
  const root = resolve(path);
  let stat: Stats;
  try {
    stat = statSync(root);
  } catch {
    throw new DataError(`ICD-10-CM data not found: "${root}" does not exist. ${HOW_TO_GET_DATA}`, root);
  }
  const found: SourceFile[] = [];
  const diagnostics: LoadDiagnostic[] = [];
  const display = (p: string): string => (p === root ? basename(p) : relative(stat.isDirectory() ? root : resolve(root, '..'), p));

  const addFile = (full: string, st: Stats): boolean => {
    const base = basename(full);
    if (/\.zip$/i.test(base)) {
      const before = found.length;
      found.push(...scanZip(full, display(full), st.size, limits));
      if (found.length === before) {
        diagnostics.push({
          level: 'info',
          kind: 'nothing-usable',
          message: `${display(full)}: the zip holds no ICD-10-CM release file dxlint reads (order, codes, addenda or Tabular List XML)`,
          file: display(full),
        });
      }
      return found.length > before;
    }
    const name = parseSourceName(base);
    if (!name) return false;
    found.push({
      kind: name.kind,
      name,
      fileName: base,
      location: display(full),
      // Read on each call rather than kept: a loaded release must not hold its raw files.
      bytes: () => readFileSync(full),
      path: full,
    });
    return true;
  };

  /** Returns true when the folder or a subfolder held a release file. */
  const walk = (dir: string, depth: number): boolean => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    let usable = false;
    const ignored: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && walk(full, depth + 1)) usable = true;
      } else if (e.isFile()) {
        if (addFile(full, statSync(full))) usable = true;
        else ignored.push(e.name);
      }
    }
    if (!usable && ignored.length > 0) {
      diagnostics.push({
        level: 'info',
        kind: 'nothing-usable',
        message: `${display(dir)}: no ICD-10-CM release file dxlint reads (found ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ', …' : ''})`,
        file: display(dir),
      });
    }
    return usable;
  };

  if (stat.isDirectory()) walk(root, 0);
  else addFile(root, stat);

  if (found.length === 0) {
    throw new DataError(
      `No ICD-10-CM release files found in "${root}" (looked for icd10cm-order-<year>.txt, icd10cm-codes-<year>.txt, ` +
        `icd10cm_tabular_<year>.xml and zips holding them). ${HOW_TO_GET_DATA}`,
      root,
    );
  }
  return { groups: group(found), diagnostics };
}

/** Groups files by release id. Two different files for the same slot are an error: we cannot choose. */
function group(files: SourceFile[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const f of files) {
    const id = releaseId(f.name.fiscalYear, f.name.update);
    let g = groups.get(id);
    if (!g) {
      g = { id, fiscalYear: f.name.fiscalYear, update: f.name.update, files: {} };
      groups.set(id, g);
    }
    const other = g.files[f.kind];
    if (!other) {
      g.files[f.kind] = f;
    } else if (!Buffer.from(other.bytes()).equals(f.bytes())) {
      throw new DataError(
        `Two different ${f.kind} files for release ${id}: ${other.location} and ${f.location}. Keep only one of them.`,
        f.location,
      );
    }
  }
  return [...groups.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Lists the release files of an official zip and inflates only those, within limits: a zip
 * listing too many entries, or whose release files would inflate to too much, is refused
 * (the sizes come from the zip's directory; inflation never writes past them). Each inflated
 * release file must match the CRC-32 of the zip's directory (see zip-crc.ts).
 */
function scanZip(path: string, shown: string, size: number, limits: ZipLimits): SourceFile[] {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxInflated = limits.maxInflatedBytes ?? DEFAULT_MAX_INFLATED;
  if (size > maxInflated) throw new DataError(`${shown}: the zip is larger than ${mb(maxInflated)}; refusing to read it`, path);
  const data = readFileSync(path);
  let entries = 0;
  let inflated = 0;
  const names = new Map<string, SourceName>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        if (++entries > maxEntries) {
          throw new DataError(`${shown}: the zip lists more than ${maxEntries} entries; refusing to read it`, path);
        }
        const name = parseSourceName(f.name.split('/').pop()!);
        if (!name) return false;
        inflated += f.originalSize;
        if (inflated > maxInflated) {
          throw new DataError(`${shown}: its release files would inflate to more than ${mb(maxInflated)}; refusing to read it`, path);
        }
        names.set(f.name, name);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`${shown}: not a readable zip (${(err as Error).message})`, path, { cause: err });
  }
  const crcs = centralCrcs(data);
  return Object.entries(files).map(([entry, bytes]) => {
    if (crcs?.get(entry) !== crc32(bytes)) {
      throw new DataError(
        `${shown}!${entry}: the inflated file does not match the zip's CRC-32 (the zip is damaged, or its directory gives a wrong size); refusing to read it`,
        path,
      );
    }
    const name = names.get(entry)!;
    return {
      kind: name.kind,
      name,
      fileName: entry.split('/').pop()!,
      location: `${shown}!${entry}`,
      bytes: () => bytes,
    };
  });
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}
