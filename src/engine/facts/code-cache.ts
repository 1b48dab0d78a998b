import type { CodeSet, CodeSetCatalog } from '../../codeset/types.js';
import { CodeFacts } from './code-facts.js';

/** Cap for codes that are not entries of the release (unknown, malformed, typed forms of fixes). */
const OTHER_CAP = 20_000;

/** Entries of one release, plus a bounded map for anything else written on claims. */
interface ReleaseCache {
  /** By undotted upper-case code; holds only entries of the release, so at most its size. */
  entries: Map<string, CodeFacts>;
  /** By the code as written (trimmed input is not normalised here: it is rare and bounded). */
  other: Map<string, CodeFacts>;
}

const SHAPE = /^[A-Z][0-9A-Z]{2}(?:\.?[0-9A-Z]{1,4})?$/;

/**
 * The undotted form of a code written the usual way (upper case, no blanks, a dot only after
 * the third character), without a regular expression replace; undefined for anything else,
 * which then goes the slow way.
 */
function plainForm(raw: string): string | undefined {
  if (raw.length < 3 || raw.length > 8 || !SHAPE.test(raw)) return undefined;
  return raw.length > 3 && raw.charCodeAt(3) === 46 ? raw.slice(0, 3) + raw.slice(4) : raw;
}

/**
 * The shared {@link CodeFacts} of the codes a validator has seen, per release. Owned by one
 * validator (no module-level state): what one validator learns about a code is not kept
 * after it is dropped.
 *
 * Bounded by construction: codes that are entries of a release are kept (at most the entries
 * of the loaded releases, a few hundred bytes each); anything else (unknown and malformed
 * codes, which a hostile stream can vary without end) up to OTHER_CAP per release, after which
 * that map starts over.
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
      if (!cache) this.#releases.set(codeSet, (cache = { entries: new Map(), other: new Map() }));
      this.#lastSet = codeSet;
      this.#last = cache;
    }
    const plain = plainForm(raw);
    if (plain !== undefined) {
      const hit = cache.entries.get(plain);
      if (hit) return hit;
    }
    const seen = cache.other.get(raw);
    if (seen) return seen;
    let made = new CodeFacts(raw, this.catalog, codeSet);
    if (made.info?.node) {
      // An entry's facts do not depend on how it was written: one object per code.
      const kept = cache.entries.get(made.code);
      if (kept) made = kept;
      else cache.entries.set(made.code, made);
      if (plain === made.code) return made;
    }
    // Other codes, and entries written an unusual way (" e11.9"), by what was written.
    if (cache.other.size >= OTHER_CAP) cache.other.clear();
    cache.other.set(raw, made);
    return made;
  }

  /** Codes kept, over all releases (for tests and the bench's memory notes). */
  get size(): number {
    let n = 0;
    for (const c of this.#releases.values()) n += c.entries.size + c.other.size;
    return n;
  }
}
