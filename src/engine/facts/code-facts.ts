import { formatCode, isWellFormedCode, normalizeCode } from '../../code/normalize.js';
import type { CodeNode, CodeSet, CodeSetCatalog, NoteKind } from '../../codeset/types.js';
import { codeInfo, type CodeInfo, type DxStatus } from './code-info.js';

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Everything the `dx` fact says that depends only on the code as written and the governing
 * release (not on the claim): its forms, status, node, title, chapter, fixes and note kinds.
 * Claims repeat codes heavily, so this is worked out once per (catalog, release, written code)
 * and shared by every DxFacts that uses the code; the DxFacts copies the cheap fields and
 * reads the rest from here. Values are never changed after they are computed (arrays frozen).
 */
export class CodeFacts {
  readonly wellFormed: boolean;
  readonly code: string;
  readonly dotted: string;
  readonly status: DxStatus;
  readonly info: CodeInfo | undefined;
  readonly kind: CodeNode['kind'] | undefined;
  readonly billable: boolean;
  readonly category: string;
  /** The release these facts are about (undefined when none governs the date). */
  readonly codeSet: CodeSet | undefined;
  #chapter: number | undefined | null = null;
  #fixes: readonly string[] | undefined;
  #noteKinds: readonly string[] | undefined;
  /**
   * Other values derived from the code and the release (e.g. a provider's parsed note
   * references), as [owner, kind, value] triples: a code has a handful, and a linear scan of
   * a short array is faster than hashing.
   */
  #derived: unknown[] | undefined;

  constructor(raw: string, catalog: CodeSetCatalog, codeSet: CodeSet | undefined) {
    this.codeSet = codeSet;
    this.wellFormed = isWellFormedCode(raw);
    if (!this.wellFormed) {
      this.code = raw.trim().toUpperCase();
      this.dotted = raw;
      this.status = 'malformed';
      this.info = undefined;
    } else {
      this.code = normalizeCode(raw)!;
      this.dotted = formatCode(this.code);
      this.info = codeSet ? codeInfo(catalog, codeSet, this.code) : undefined;
      this.status = this.info ? this.info.status : 'no-release';
    }
    const node = this.info?.node;
    this.kind = node?.kind;
    this.billable = node?.billable ?? false;
    this.category = this.wellFormed ? this.code.slice(0, 3) : '';
  }

  get title(): string | undefined {
    return this.info?.node?.title;
  }
  get chapter(): number | undefined {
    if (this.#chapter === null) this.#chapter = this.info && this.codeSet ? this.codeSet.chapter(this.code)?.number : undefined;
    return this.#chapter;
  }
  get fixes(): readonly string[] {
    return (this.#fixes ??= this.info && this.info.fixes.length > 0 ? Object.freeze(this.info.fixes.map(formatCode)) : EMPTY);
  }
  get noteKinds(): readonly string[] {
    if (this.#noteKinds) return this.#noteKinds;
    if (!this.info || !this.codeSet || this.status === 'unknown') return EMPTY;
    const kinds = new Set<NoteKind>();
    for (const note of this.codeSet.notes(this.code)) kinds.add(note.kind);
    return (this.#noteKinds = Object.freeze([...kinds]));
  }

  /**
   * A value derived from this code in this release alone, computed once: `kind` names it
   * (one name per kind of value). For fact providers, e.g. the references of the code's
   * Excludes1 notes, so that a pair check costs no lookup by code. `owner` is the object the
   * value also depends on when there is one (a data table of the validator, e.g. the age
   * ranges); values of different owners are kept apart.
   */
  derive<T>(kind: string, compute: () => T, owner: object | undefined = undefined): T {
    const d = (this.#derived ??= []);
    for (let i = 0; i < d.length; i += 3) if (d[i] === owner && d[i + 1] === kind) return d[i + 2] as T;
    const value = compute();
    // Bounded: the owners are a validator's tables; many validators over one catalog must not
    // grow this without limit.
    if (d.length >= 3 * DERIVED_CAP) d.length = 0;
    d.push(owner, kind, value);
    return value;
  }
}

/** Most derived values one code keeps (kinds × data-table owners). */
const DERIVED_CAP = 32;

/**
 * Memo per catalog and release (a WeakMap on each, so a dropped catalog frees its memo).
 * Known codes up to KNOWN_CAP written forms, anything else up to OTHER_CAP; a full map is
 * cleared. 20,000 covers the codes real claim streams repeat, and keeps a long stream within a
 * 160 MB heap (`npm run bench`, streaming row); a cap of 1,000,000 did not (out of memory at
 * ~100k claims of the bench's uniform draw from ~50k codes, the memo's worst case).
 */
interface Memo {
  known: Map<string, CodeFacts>;
  other: Map<string, CodeFacts>;
}
const memo = new WeakMap<CodeSetCatalog, Map<CodeSet | undefined, Memo>>();
const OTHER_CAP = 50_000;
const KNOWN_CAP = 20_000;

/** The shared facts of a code as written on a claim, in a release (or none), memoised. */
let last: { catalog: CodeSetCatalog; codeSet: CodeSet | undefined; memo: Memo } | undefined;

export function codeFacts(catalog: CodeSetCatalog, codeSet: CodeSet | undefined, raw: string): CodeFacts {
  let m: Memo | undefined;
  // Consecutive diagnoses (and claims) mostly share catalog and release: skip two lookups.
  // (Keeps the last catalog used reachable until another one is used.)
  if (last && last.catalog === catalog && last.codeSet === codeSet) m = last.memo;
  else {
    let perCatalog = memo.get(catalog);
    if (!perCatalog) memo.set(catalog, (perCatalog = new Map()));
    m = perCatalog.get(codeSet);
    if (!m) perCatalog.set(codeSet, (m = { known: new Map(), other: new Map() }));
    last = { catalog, codeSet, memo: m };
  }
  const hit = m.known.get(raw) ?? m.other.get(raw);
  if (hit) return hit;
  const made = new CodeFacts(raw, catalog, codeSet);
  const into = made.info?.node ? m.known : m.other;
  if (into.size >= (into === m.known ? KNOWN_CAP : OTHER_CAP)) into.clear();
  into.set(raw, made);
  return made;
}
