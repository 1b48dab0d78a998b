import { codeKey } from '../../code/code-key.js';
import { formatCode, isWellFormedCode, normalizeCode } from '../../code/normalize.js';
import type { CodeNode, CodeSet, CodeSetCatalog, NoteKind } from '../../codeset/types.js';
import { codeInfo, type CodeInfo, type DxStatus } from './code-info.js';
import type { CodeCache } from './code-cache.js';

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Everything the `dx` fact says that depends only on the code as written and the governing
 * release (not on the claim): its forms, status, node, title, chapter, fixes and note kinds.
 * Claims repeat codes heavily, so this is worked out once per validator, release and code (see
 * {@link CodeCache}) and shared by every DxFacts that uses the code; the DxFacts copies the
 * cheap fields and reads the rest from here. Values are never changed after they are computed
 * (arrays frozen).
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
  /** The code as a number (codeKey), for reference tests without strings; NaN when malformed. */
  readonly key: number;
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
  #lastKind: string | undefined;
  #lastOwner: object | undefined;
  #lastValue: unknown;
  /** The answers of a compiled rule list's code-only gates for this code (see evaluate.ts). */
  #gates: readonly number[] | undefined;
  #gatesOf: object | undefined;

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
    this.key = this.wellFormed ? codeKey(this.code) : Number.NaN;
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
   * The gate answers of the rule set `rules` for this code, worked out by `compute(rules, arg)`
   * the first time (one set per validator: another set recomputes and replaces them).
   */
  gates<R extends object, A>(rules: R, compute: (rules: R, arg: A) => readonly number[], arg: A): readonly number[] {
    if (this.#gatesOf === rules) return this.#gates!;
    this.#gates = compute(rules, arg);
    this.#gatesOf = rules;
    return this.#gates;
  }

  /**
   * A value derived from this code in this release alone, computed once: `kind` names it
   * (one name per kind of value) and `owner` is the object it also depends on (the release,
   * or a data table of the validator, e.g. the age ranges), passed to `compute` with these
   * facts. For fact providers, e.g. the references of the code's Excludes1 notes, so that a
   * pair check costs no lookup by code. `compute` is a plain function, not a closure made per
   * call: this runs for every diagnosis of every claim.
   */
  derive<O extends object, T>(kind: string, owner: O, compute: (owner: O, facts: CodeFacts) => T): T {
    // The value used last is kept in fields of this object: per claim, one kind is read over
    // and over (the Excludes1 references), and a field costs no trip to another object.
    if (this.#lastKind === kind && this.#lastOwner === owner) return this.#lastValue as T;
    const d = this.#derived;
    if (d) {
      for (let i = 0; i < d.length; i += 3) {
        if (d[i + 1] === kind && d[i] === owner) {
          this.#lastKind = kind;
          this.#lastOwner = owner;
          return (this.#lastValue = d[i + 2]) as T;
        }
      }
    }
    const value = compute(owner, this);
    // Grown to the exact size (a pushed-to array keeps spare room, and every code seen has
    // one); bounded by DERIVED_CAP in case a provider used ever-new owners.
    const keep = d && d.length < 3 * DERIVED_CAP ? d : [];
    const next = new Array<unknown>(keep.length + 3);
    for (let i = 0; i < keep.length; i++) next[i] = keep[i];
    next[keep.length] = owner;
    next[keep.length + 1] = kind;
    next[keep.length + 2] = value;
    this.#derived = next;
    return value;
  }
}

/** Most derived values one code keeps (kinds × data-table owners). */
const DERIVED_CAP = 32;
