import type { CodeSet, CodeSetCatalog } from '../../codeset/types.js';
import { isWellFormedCode, normalizeCode } from '../../code/normalize.js';
import { codeKey, writtenCodeKey } from '../../code/code-key.js';
import { CodeFacts } from './code-facts.js';
import { KeyTable } from './key-table.js';

/** Cap of the map by written form (a hostile stream can vary what is written without end). */
const WRITTEN_CAP = 50_000;

/** Entries of one release, plus a bounded map by what was written on claims. */
interface ReleaseCache {
  /** By code key (codeKey); holds only entries of the release, so at most its size. */
  entries: KeyTable<CodeFacts>;
  /** By the code as written, for what is not written plainly and not an entry; starts over when full. */
  written: Map<string, CodeFacts>;
}

/**
 * The shared {@link CodeFacts} of the codes a validator has seen, per release. Owned by one
 * validator (no module-level state): what one validator learns about a code is not kept
 * after it is dropped.
 *
 * Bounded by construction: codes that are entries of a release are kept (at most the entries
 * of the loaded releases, a few hundred bytes each); the map by written form, which also holds
 * unknown and malformed codes (a hostile stream can vary them without end), up to WRITTEN_CAP
 * per release, after which it starts over (entries are then found again by their code).
 */
export class CodeCache {
  readonly catalog: CodeSetCatalog;
  readonly #releases = new Map<CodeSet | undefined, ReleaseCache>();
  /** The last release used: consecutive claims mostly share one. */
  #lastSet: CodeSet | undefined | null = null;
  #last: ReleaseCache | undefined;

  constructor(catalog: CodeSetCatalog) {
    this.catalog = catalog;
  }

  /** The shared facts of a code as written on a claim, in a release (or none). */
  get(codeSet: CodeSet | undefined, raw: string): CodeFacts {
    let cache = this.#last;
    if (this.#lastSet !== codeSet || !cache) {
      cache = this.#releases.get(codeSet);
      if (!cache) this.#releases.set(codeSet, (cache = { entries: new KeyTable(), written: new Map() }));
      this.#lastSet = codeSet;
      this.#last = cache;
    }
    // The usual way in: a code written plainly is found by its key, read from the string
    // (no map by written form, which a uniform draw over tens of thousands of codes would keep
    // full, and no undotted copy of the string).
    const plain = writtenCodeKey(raw);
    if (!Number.isNaN(plain)) {
      const hit = cache.entries.get(plain);
      if (hit) return hit;
    }
    const seen = cache.written.get(raw);
    if (seen) return seen;
    let made = this.#entry(cache, raw) ?? new CodeFacts(raw, this.catalog, codeSet);
    if (made.info?.node) {
      // An entry's facts do not depend on how it was written: one object per code, kept
      // when the written-form map starts over.
      const kept = cache.entries.get(made.key);
      if (kept) made = kept;
      else cache.entries.set(made.key, made);
    }
    if (plain === made.key) return made;
    if (cache.written.size >= WRITTEN_CAP) cache.written.clear();
    cache.written.set(raw, made);
    return made;
  }

  /** An entry already kept, for a form of it not seen lately (" e11.9", or after a start-over). */
  #entry(cache: ReleaseCache, raw: string): CodeFacts | undefined {
    if (!isWellFormedCode(raw)) return undefined;
    return cache.entries.get(codeKey(normalizeCode(raw)!));
  }

  /** Codes kept, over all releases (for tests and the bench's memory notes). */
  get size(): number {
    let n = 0;
    for (const c of this.#releases.values()) n += c.entries.size + c.written.size;
    return n;
  }
}
