import { createHash } from 'node:crypto';
import { buildFromTextFiles } from './build-release.js';
import { Catalog } from './catalog.js';
import { ReleaseCodeSet } from './code-set.js';
import { DataError, HOW_TO_GET_DATA } from './errors.js';
import { releaseInfo } from './naming.js';
import type { ReleaseData } from './release-data.js';
import { discoverSources, type SourceGroup, type ZipLimits } from './sources.js';
import type { LoadDiagnostic, Provenance } from './types.js';

export interface LoadOptions extends ZipLimits {
  /** Folder for compiled releases (default `<cwd>/node_modules/.cache/dxlint`, or `DXLINT_CACHE`). */
  cacheDir?: string;
  /** `false`: always parse the raw files and write nothing. */
  cache?: boolean;
}

/** Environment variable naming the data folder when no path is given. */
export const DATA_ENV = 'DXLINT_DATA';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function rootFrom(path: string | undefined): string {
  const root = path ?? process.env[DATA_ENV];
  if (!root) {
    throw new DataError(`No ICD-10-CM data folder given: pass a path or set ${DATA_ENV}. ${HOW_TO_GET_DATA}`);
  }
  return root;
}

/** A group with an order or codes file is a release; one with only a Tabular List XML is a notes source. */
function isRelease(g: SourceGroup): boolean {
  return Boolean(g.files.order || g.files.codes);
}

/** Memo of release data by the content of its files, so byte-identical releases share one copy. */
class DataMemo {
  private readonly byContent = new Map<string, { data: ReleaseData; diagnostics: LoadDiagnostic[] }>();

  get(group: SourceGroup): { data: ReleaseData; diagnostics: LoadDiagnostic[] } {
    const key = contentKey(group);
    let hit = this.byContent.get(key);
    if (!hit) {
      const built = buildFromTextFiles(group);
      hit = { data: built.data, diagnostics: [...built.diagnostics, ...built.data.diagnostics] };
      this.byContent.set(key, hit);
    }
    return hit;
  }
}

/** Content key of a release's text files: their sha256s (the compiled cache uses the same key). */
function contentKey(group: SourceGroup): string {
  return (['order', 'codes'] as const)
    .map((kind) => {
      const f = group.files[kind];
      return f ? `${kind}:${sha256(f.bytes())}` : `${kind}:-`;
    })
    .join('|');
}

function makeRelease(group: SourceGroup, memo: DataMemo): ReleaseCodeSet {
  const { data, diagnostics } = memo.get(group);
  const info = releaseInfo(group.fiscalYear, group.update);
  const provenance: Provenance = { codes: info.id, tabular: undefined, tabularBorrowed: false };
  return new ReleaseCodeSet(info, provenance, data, diagnostics, undefined);
}

/**
 * Loads every release found under a folder (release folders and official zips, a few levels
 * deep). Folders with an order or codes file become releases; a Tabular List XML alone is a
 * source of chapters, sections and notes for the releases that lack one. Throws a `DataError`
 * when the folder is missing or holds no release files.
 */
export async function loadCatalog(path?: string, options: LoadOptions = {}): Promise<Catalog> {
  const { groups, diagnostics } = discoverSources(rootFrom(path), options);
  const memo = new DataMemo();
  const releases = groups.filter(isRelease).map((g) => makeRelease(g, memo));
  const tabularOnly = groups.filter((g) => !isRelease(g)).map((g) => g.id);
  if (releases.length === 0) {
    throw new DataError(
      `No ICD-10-CM release with an order or codes file under "${rootFrom(path)}" ` +
        `(found only Tabular List XML for ${tabularOnly.join(', ')}). ${HOW_TO_GET_DATA}`,
      rootFrom(path),
    );
  }
  return new Catalog(releases, diagnostics, tabularOnly);
}

/** Loads one release from a release folder or an official zip. */
export async function loadRelease(path: string, options: LoadOptions = {}): Promise<ReleaseCodeSet> {
  const { groups } = discoverSources(path, options);
  const releases = groups.filter(isRelease);
  if (releases.length !== 1) {
    throw new DataError(
      releases.length === 0
        ? `"${path}" holds no order or codes file. ${HOW_TO_GET_DATA}`
        : `"${path}" holds ${releases.length} releases (${releases.map((g) => g.id).join(', ')}); use loadCatalog for several releases`,
      path,
    );
  }
  return makeRelease(releases[0]!, new DataMemo());
}
