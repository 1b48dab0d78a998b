import { ARTIFACT_VERSION, decodeRelease, decodeTabular, encodeRelease, encodeTabular, renameDiagnostics, type ReleaseArtifact, type SourceNames } from './artifact.js';
import { ArtifactCache, sha256, sha256File } from './cache.js';
import { checkAddenda, type ReleaseAddenda } from './addenda-check.js';
import { Catalog, previousReleaseId } from './catalog.js';
import { ReleaseCodeSet, type TabularLookup } from './code-set.js';
import { checkAgainstTabular, compileRelease } from './compile.js';
import { DataError, HOW_TO_GET_DATA } from './errors.js';
import { releaseInfo } from './naming.js';
import { parseCodesAddenda, parseOrderAddenda } from './read-addenda.js';
import { parseCodesFile } from './read-codes.js';
import { parseOrderFile } from './read-order.js';
import { parseTabularXml, type TabularFile } from './read-tabular.js';
import { discoverSources, type SourceFile, type SourceGroup, type ZipLimits } from './sources.js';
import { TabularIndex } from './tabular-index.js';
import { decodeText } from './text-file.js';
import type { LoadDiagnostic, Provenance } from './types.js';

export interface LoadOptions extends ZipLimits {
  /** Folder for compiled releases (default `<cwd>/node_modules/.cache/dxlint`, or `DXLINT_CACHE`). */
  cacheDir?: string;
  /** `false`: always parse the raw files and write nothing. */
  cache?: boolean;
}

/** Environment variable naming the data folder when no path is given. */
export const DATA_ENV = 'DXLINT_DATA';

/**
 * Loads every release found under a folder (release folders and official zips, a few levels
 * deep). A folder (or zip) with an order or codes file is a release; one with only a Tabular
 * List XML (like FY2023 in our data) is not a release (its billable list is unknown, and
 * judging later dates by it would make false findings) but lends its chapters, sections and
 * notes to the releases that have no XML of their own: the nearest by date, with provenance.
 * Throws a `DataError` when the folder is missing or holds no release.
 */
export async function loadCatalog(path?: string, options: LoadOptions = {}): Promise<Catalog> {
  const root = rootFrom(path);
  const { groups, diagnostics } = discoverSources(root, options);
  const loader = new Loader(ArtifactCache.from(options));
  const releases = groups.filter(isRelease);
  if (releases.length === 0) {
    throw new DataError(
      `No ICD-10-CM release with an order or codes file under "${root}" (found only a Tabular List XML for ` +
        `${groups.map((g) => g.id).join(', ')}, which gives notes but not the billable codes). ${HOW_TO_GET_DATA}`,
      root,
    );
  }
  const catalogDiagnostics = [...diagnostics];
  const sets = releases.map((g) => loader.release(g, groups));
  loader.checkAddenda(sets);
  const tabularOnly = groups.filter((g) => !isRelease(g));
  for (const g of tabularOnly) catalogDiagnostics.push(...loader.tabular(g).diagnostics);
  return new Catalog(sets, catalogDiagnostics, tabularOnly.map((g) => g.id));
}

/**
 * Loads one release from a release folder, an official zip, or a single release file. A
 * Tabular List XML found beside it gives its notes; a Tabular List XML alone gives a release
 * whose codes are formed from the XML (with a warning saying so).
 */
export async function loadRelease(path: string, options: LoadOptions = {}): Promise<ReleaseCodeSet> {
  const { groups } = discoverSources(path, options);
  const loader = new Loader(ArtifactCache.from(options));
  const releases = groups.filter(isRelease);
  if (releases.length > 1) {
    throw new DataError(
      `"${path}" holds ${releases.length} releases (${releases.map((g) => g.id).join(', ')}); use loadCatalog to load several`,
      path,
    );
  }
  if (releases.length === 1) return loader.release(releases[0]!, groups);
  if (groups.length === 1) return loader.release(groups[0]!, groups);
  throw new DataError(`"${path}" holds Tabular List XML for ${groups.map((g) => g.id).join(', ')} but no release files. ${HOW_TO_GET_DATA}`, path);
}

function rootFrom(path: string | undefined): string {
  const root = path ?? process.env[DATA_ENV];
  if (!root) throw new DataError(`No ICD-10-CM data folder given: pass a path or set ${DATA_ENV}. ${HOW_TO_GET_DATA}`);
  return root;
}

function isRelease(g: SourceGroup): boolean {
  return Boolean(g.files.order || g.files.codes);
}

/** A Tabular List, compiled or cached, turned into a `TabularIndex` on first use. */
interface TabularHandle {
  releaseId: string;
  fileName: string;
  diagnostics: LoadDiagnostic[];
  file(): TabularFile;
  lookup: TabularLookup;
}

/** Reads sources once, keys them by content, and goes through the compiled cache. */
class Loader {
  private readonly releases = new Map<string, ReleaseArtifact>();
  private readonly tabulars = new Map<string, TabularHandle>();
  private readonly hashes = new WeakMap<SourceFile, string>();
  /** Per loaded release: its content key and its group (for the addenda check). */
  private readonly loaded = new WeakMap<ReleaseCodeSet, { key: string; group: SourceGroup }>();

  constructor(private readonly cache: ArtifactCache) {}

  private hash(file: SourceFile): string {
    let h = this.hashes.get(file);
    if (!h) {
      h = file.path ? sha256File(file.path) : sha256(file.bytes());
      this.hashes.set(file, h);
    }
    return h;
  }

  /** The Tabular List of a group (memoised by content). */
  tabular(group: SourceGroup): TabularHandle {
    const source = group.files.tabular!;
    const key = sha256(`tabular|v${ARTIFACT_VERSION}|${this.hash(source)}`);
    const known = this.tabulars.get(key);
    if (known) return known;

    let parsed: TabularFile | undefined;
    let meta: { file: string; diagnostics: LoadDiagnostic[] } | undefined;
    const cachedMeta = this.cache.read(key, 'tabular-meta.json');
    if (cachedMeta) {
      try {
        meta = JSON.parse(cachedMeta.toString('utf8')) as typeof meta;
      } catch {
        meta = undefined;
      }
    }
    const parse = (): TabularFile => parseTabularXml(decodeText(source.bytes()), source.fileName);
    if (!meta || !this.cache.has(key, 'tabular.json')) {
      parsed = parse();
      // Body first, then the meta file: a meta file means a complete entry.
      if (this.cache.write(key, 'tabular.json', encodeTabular(parsed))) {
        this.cache.write(key, 'tabular-meta.json', JSON.stringify({ file: parsed.file, diagnostics: parsed.diagnostics }));
      }
      meta = { file: parsed.file, diagnostics: parsed.diagnostics };
    }
    const names = { tabular: meta.file };
    const current = { tabular: source.fileName };
    let body = parsed;
    const file = (): TabularFile => {
      if (!body) {
        const cached = this.cache.read(key, 'tabular.json');
        body = (cached && decodeTabular(cached.toString('utf8'))) || parse();
        body.file = source.fileName;
      }
      return body;
    };
    let index: TabularIndex | undefined;
    const get = (): TabularIndex => (index ??= new TabularIndex(file(), group.id));
    const lookup: TabularLookup = {
      releaseId: group.id,
      chapter: (c) => get().chapter(c),
      section: (c) => get().section(c),
      notes: (c, k) => get().notes(c, k),
      seventhCharacters: (c) => get().seventhCharacters(c),
    };
    const handle: TabularHandle = {
      releaseId: group.id,
      fileName: source.fileName,
      diagnostics: renameDiagnostics(meta.diagnostics, names, current),
      file,
      lookup,
    };
    this.tabulars.set(key, handle);
    return handle;
  }

  /** A release (codes from its order/codes files, or from its Tabular List when it has nothing else). */
  release(group: SourceGroup, all: readonly SourceGroup[]): ReleaseCodeSet {
    const own = group.files.tabular ? this.tabular(group) : undefined;
    const borrowed = own ? undefined : nearestTabular(group, all);
    const tabular = own ?? (borrowed ? this.tabular(borrowed) : undefined);

    const { order, codes } = group.files;
    const fromXml = !order && !codes;
    // Keyed by the text files only (the XML only when it gives the codes), so that
    // byte-identical releases share one entry whether or not one of them ships an XML.
    const parts = fromXml
      ? [`tabular:${this.hash(group.files.tabular!)}`]
      : [`order:${order ? this.hash(order) : '-'}`, `codes:${codes ? this.hash(codes) : '-'}`];
    const key = sha256(`release|v${ARTIFACT_VERSION}|${parts.join('|')}`);
    const names: SourceNames = {
      ...(order && { order: order.fileName }),
      ...(codes && { codes: codes.fileName }),
      ...(fromXml && own && { tabular: own.fileName }),
    };

    let artifact = this.releases.get(key);
    if (!artifact) {
      const cached = this.cache.read(key, 'release.bin');
      artifact = cached ? decodeRelease(cached) : undefined;
      if (!artifact) {
        const compiled = compileRelease({
          ...(order && { order: parseOrderFile(decodeText(order.bytes()), order.fileName) }),
          ...(codes && { codes: parseCodesFile(decodeText(codes.bytes()), codes.fileName) }),
          ...(fromXml && own && { tabular: own.file() }),
        });
        const bytes = encodeRelease(compiled.data, compiled.diagnostics, names);
        this.cache.write(key, 'release.bin', bytes);
        // Load from the encoded form: the same compact shape whether or not it came from disk.
        artifact = decodeRelease(bytes)!;
      }
      this.releases.set(key, artifact);
    }

    const info = releaseInfo(group.fiscalYear, group.update);
    const diagnostics = [...renameDiagnostics(artifact.diagnostics, artifact.names, names)];
    if (own) diagnostics.push(...own.diagnostics);
    if (own && !fromXml) {
      const mainFile = (order ?? codes)!.fileName;
      diagnostics.push(
        ...this.cachedCheck(`tabular-check|${key}|${this.hash(group.files.tabular!)}`, () =>
          checkAgainstTabular(artifact.data, mainFile, own.file()),
        ),
      );
    }
    if (borrowed && tabular) {
      diagnostics.push({
        level: 'info',
        kind: 'tabular-borrowed',
        message:
          `no Tabular List XML for ${info.id}: chapters, sections, notes and 7th characters come from the ` +
          `${tabular.releaseId} Tabular List (${tabular.fileName}); a code that list does not have gets the notes ` +
          'of its nearest listed ancestor',
        file: tabular.fileName,
      });
    } else if (!tabular) {
      diagnostics.push({
        level: 'info',
        kind: 'no-tabular',
        message: `no Tabular List XML for ${info.id} or any other release: no chapters, sections, notes or 7th characters`,
      });
    }
    const provenance: Provenance = {
      codes: info.id,
      tabular: tabular?.releaseId,
      tabularBorrowed: Boolean(borrowed),
    };
    const readAddenda = (): ReleaseAddenda => {
      const { 'codes-addenda': ca, 'order-addenda': oa } = group.files;
      return {
        ...(ca && { codes: parseCodesAddenda(decodeText(ca.bytes()), ca.fileName) }),
        ...(oa && { order: parseOrderAddenda(decodeText(oa.bytes()), oa.fileName) }),
      };
    };
    const set = new ReleaseCodeSet(info, provenance, artifact.data, diagnostics, tabular?.lookup, readAddenda);
    this.loaded.set(set, { key, group });
    return set;
  }

  /**
   * Checks each release's addenda against the release loaded before it, when that is the
   * release the addenda compare against (see `previousReleaseId`). The result is cached by
   * the content of both releases and of the addenda files. Findings go to the release's
   * diagnostics.
   */
  checkAddenda(sets: readonly ReleaseCodeSet[]): void {
    const sorted = [...sets].sort((a, b) => a.release.effectiveFrom.localeCompare(b.release.effectiveFrom));
    for (let i = 0; i < sorted.length; i++) {
      const cur = sorted[i]!;
      const { group, key } = this.loaded.get(cur)!;
      const files = [group.files['codes-addenda'], group.files['order-addenda']].filter((f): f is SourceFile => Boolean(f));
      if (files.length === 0) continue;
      const diagnostics = cur.diagnostics as LoadDiagnostic[];
      const addenda = cur.addenda();
      diagnostics.push(...(addenda.codes?.diagnostics ?? []), ...(addenda.order?.diagnostics ?? []));
      const prev = sorted[i - 1];
      const against = previousReleaseId(cur, addenda);
      if (!prev || prev.release.fiscalYear !== Number(against.slice(2, 6))) {
        diagnostics.push({
          level: 'info',
          kind: 'addenda-not-checked',
          message: `the addenda of ${cur.release.id} compare it with ${against}, which is not loaded; they were not checked`,
        });
        continue;
      }
      const checkKey = `addenda-check|${this.loaded.get(prev)!.key}|${key}|${files.map((f) => this.hash(f)).join('|')}`;
      diagnostics.push(...this.cachedCheck(checkKey, () => checkAddenda(prev.data, cur.data, addenda)));
    }
  }

  /** A consistency check whose findings are cached by the content of what it compares. */
  private cachedCheck(what: string, run: () => LoadDiagnostic[]): LoadDiagnostic[] {
    const key = sha256(`${what}|v${ARTIFACT_VERSION}`);
    const cached = this.cache.read(key, 'check.json');
    if (cached) {
      try {
        return JSON.parse(cached.toString('utf8')) as LoadDiagnostic[];
      } catch {
        // compute again
      }
    }
    const found = run();
    this.cache.write(key, 'check.json', JSON.stringify(found));
    return found;
  }

}

/**
 * The Tabular List to borrow: from the group with an XML whose effective date is nearest;
 * on a tie the older one (its notes were in force before; a newer list may describe codes that
 * did not exist yet).
 */
function nearestTabular(group: SourceGroup, all: readonly SourceGroup[]): SourceGroup | undefined {
  const at = Date.parse(releaseInfo(group.fiscalYear, group.update).effectiveFrom);
  let best: { g: SourceGroup; d: number; t: number } | undefined;
  for (const g of all) {
    if (g === group || !g.files.tabular) continue;
    const t = Date.parse(releaseInfo(g.fiscalYear, g.update).effectiveFrom);
    const d = Math.abs(t - at);
    if (!best || d < best.d || (d === best.d && t < best.t)) best = { g, d, t };
  }
  return best?.g;
}
