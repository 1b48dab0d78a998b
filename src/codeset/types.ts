/**
 * The public shape of a loaded code set. These types are the contract between the code-set
 * loader (src/codeset), the rules engine and the CLI: change them only with all three.
 *
 * Codes are stored undotted and upper-case (`Z00129`); every method that takes a code accepts
 * any input form (dotted or not, any case, spaces) and normalises it.
 */

/** category = three characters; subcategory = a longer header; code = a longer billable code. */
export type CodeKind = 'category' | 'subcategory' | 'code';

/** The instructional note kinds of the Tabular List, as named in its XML. */
export type NoteKind =
  | 'includes'
  | 'inclusionTerm'
  | 'excludes1'
  | 'excludes2'
  | 'codeFirst'
  | 'useAdditionalCode'
  | 'codeAlso'
  | 'notes';

/**
 * A code reference parsed from note text, undotted.
 * - `code`: "(Z76.1)" — that code and everything under it (a prefix match);
 * - `prefix`: "(Z00.11-)" — the dash says "and everything under it"; matched like `code`;
 * - `range`: "(O00-O9A)", "Z76.1-Z76.2" — every code whose leading characters, cut to the
 *   length of `from`, fall between `from` and `to` inclusive.
 */
export interface CodeRef {
  kind: 'code' | 'prefix' | 'range';
  from: string;
  /** Only for `range`. */
  to?: string;
  /** The reference as written in the note, e.g. "Z00.11-". */
  text: string;
  /**
   * A condition on the characters, from notes like "(E08-E13 with .42)" or "(T36-T50 with fifth
   * or sixth character 5)": the code must also have one of `values` starting at one of the
   * 1-based `positions` of its undotted form (E11.42 → position 4 holds "42"). `matchesRef`
   * applies it.
   */
  where?: { positions: number[]; values: string[] };
  /**
   * Words that narrow the reference in a way no code test can ("with ketoacidosis"). Such a
   * reference is put in `Note.mentions`, never in `Note.refs`.
   */
  qualifier?: string;
}

/** One instructional note line, with the code references found in it. */
export interface Note {
  kind: NoteKind;
  text: string;
  /**
   * Where the condition the note names is coded: the references a rule can test a claim code
   * against ("(Z00.11-)", "(O00-O9A)", "(E08-E13 with .42)", "jaw pain R68.84").
   */
  refs: CodeRef[];
  /**
   * Other code references in the text, which a rule should not test against: descriptive
   * context ("any condition in I51.4-I51.9 due to hypertension (I11.-)" → I51.4-I51.9), the
   * note's own scope ("For codes G31.0-G31.83, …"), or references narrowed by words
   * ("E08-E10, E11, E13 with ketoacidosis"). Absent when there are none.
   */
  mentions?: CodeRef[];
  /**
   * Undotted code of the node the note is written under (the node itself or an ancestor); for a
   * section note the section id ("T20-T32"), for a chapter note the chapter number ("19").
   */
  source: string;
  /** What `source` is; absent means 'code'. */
  scope?: 'code' | 'section' | 'chapter';
}

/** Seventh-character definitions and the node that defines them. */
export interface SeventhCharacters {
  /** Undotted code of the node whose `sevenChrDef` applies (the nearest ancestor that has one). */
  source: string;
  /** Character → meaning, e.g. { A: 'initial encounter for closed fracture', … }. */
  chars: Record<string, string>;
  /** The `sevenChrNote` written with the definitions, when there is one. */
  note?: string;
}

export interface Chapter {
  number: number;
  title: string;
  /** First and last category of the chapter, e.g. { from: 'A00', to: 'B99' }. */
  from: string;
  to: string;
}

export interface Section {
  /** As in the XML, e.g. "Z40-Z53". */
  id: string;
  title: string;
  from: string;
  to: string;
}

export interface CodeNode {
  /** Undotted, upper-case: `Z00129`. */
  code: string;
  /** Dotted: `Z00.129`. */
  dotted: string;
  title: string;
  shortTitle: string;
  /** Valid for HIPAA-covered transactions (order file flag 1). */
  billable: boolean;
  kind: CodeKind;
  /** Undotted parent code; undefined for a category. */
  parent: string | undefined;
  /** Undotted codes of the direct children, in tabular order. */
  children: readonly string[];
  /** Undotted three-character category. */
  category: string;
  /** Position in the order file (1-based). */
  order: number;
}

/** Where a part of a release's data came from, so reports can say it. */
export interface Provenance {
  /** Release id whose files gave codes, titles and billable flags. */
  codes: string;
  /** Release id whose Tabular List XML gave chapters, sections and notes; undefined if none. */
  tabular: string | undefined;
  /** True when `tabular` is another (older or newer) release than `codes`. */
  tabularBorrowed: boolean;
}

/** A disagreement or oddity found while loading; never thrown. */
export interface LoadDiagnostic {
  level: 'warning' | 'info';
  /** Stable kind, e.g. 'order-vs-codes', 'xml-leaf-not-in-order', 'malformed-line'. */
  kind: string;
  message: string;
  file?: string;
  line?: number;
  count?: number;
  /** Up to a handful of example codes. */
  examples?: string[];
}

export interface ReleaseInfo {
  /** Stable id, e.g. 'fy2026-oct', 'fy2025-apr'. */
  id: string;
  /** Fiscal year, e.g. 2026. */
  fiscalYear: number;
  /** First day in force, ISO date, e.g. '2025-10-01'. */
  effectiveFrom: string;
  /** Human label, e.g. 'ICD-10-CM FY2026 (October 1, 2025)'. */
  label: string;
}

/** One release of the code set. Immutable once loaded. */
export interface CodeSet {
  readonly release: ReleaseInfo;
  readonly provenance: Provenance;
  readonly diagnostics: readonly LoadDiagnostic[];
  /** Number of entries (headers and billable codes). */
  readonly size: number;
  readonly billableCount: number;

  /** O(1). Accepts any input form. */
  get(code: string): CodeNode | undefined;
  has(code: string): boolean;
  /** All entries in tabular order. */
  nodes(): Iterable<CodeNode>;
  /** The node's ancestors, nearest first (parent, grandparent, …, category). */
  ancestors(code: string): CodeNode[];
  /** Billable codes under a node (excluding itself), in tabular order. */
  billableDescendants(code: string): CodeNode[];
  /** Every entry under a node (excluding itself), in tabular order. */
  descendants(code: string): CodeNode[];
  chapter(code: string): Chapter | undefined;
  section(code: string): Section | undefined;
  /**
   * Notes that apply to a code: its own and its ancestors', nearest first. For a code absent
   * from the tabular source, the notes of its nearest ancestor present there.
   */
  notes(code: string, kind?: NoteKind): readonly Note[];
  /** The seventh-character definitions in force for a code (inherited), if any. */
  seventhCharacters(code: string): SeventhCharacters | undefined;
}

/** What happened to a code between two loaded releases. */
export interface CodeChange {
  code: string;
  from: string;
  to: string;
  change: 'added' | 'deleted' | 'title-revised' | 'became-header' | 'became-billable';
  oldTitle?: string;
  newTitle?: string;
  /**
   * Where the change was seen: by comparing two loaded releases ('releases', the default when
   * absent), or only in the addenda of the earliest loaded release, whose predecessor is not
   * loaded ('addenda').
   */
  source?: 'releases' | 'addenda';
}

/** Answer to "is code C valid on date D". */
export type Validity =
  | { valid: true; release: ReleaseInfo }
  | {
      valid: false;
      release: ReleaseInfo | undefined;
      reason: 'no-release' | 'unknown' | 'header' | 'deleted' | 'not-yet-valid';
      /** For 'deleted': first day it was no longer valid (the next release's effective date). */
      deletedOn?: string;
      /** For 'not-yet-valid': first day it is valid. */
      validFrom?: string;
    };

/** Several releases side by side; picks the one in force on a date. */
export interface CodeSetCatalog {
  /** Releases in effective-date order. */
  readonly releases: readonly CodeSet[];
  /** The release governing an ISO date or Date; undefined before the earliest loaded release. */
  forDate(date: string | Date): CodeSet | undefined;
  /** Validity of a (billable) code on a date, with the deleted-on / valid-from dates. */
  validity(code: string, date: string | Date): Validity;
  /** Releases (ids) in which the code is a billable code. */
  validIn(code: string): string[];
  /** Changes to a code between consecutive loaded releases. */
  changes(code: string): CodeChange[];
}
