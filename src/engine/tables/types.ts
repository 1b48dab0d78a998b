import type { CodeRef } from '../../codeset/types.js';

/** A guideline citation: a string ("I.C.21.c.16") or an object with at least `section`. */
export type Citation = string | { section: string; source?: string; says?: string; [key: string]: unknown };

/** One row of a data table, with its references parsed. */
export interface TableEntry {
  /** The codes, categories and ranges the row covers. */
  readonly refs: readonly CodeRef[];
  /** Regular expression on the undotted code, for lists references cannot express. */
  readonly pattern: RegExp | undefined;
  /** Codes under `refs` that the row does not cover (e.g. Z00 except Z00.6). */
  readonly except: readonly CodeRef[];
  /** The entry's own citation or, failing that, the table's. */
  readonly citation: Citation;
  /** The row as written in the file (title, note, severity, age limits, …). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A guideline code list loaded from `data/<id>.json`. */
export interface DataTable {
  readonly id: string;
  readonly description: string;
  readonly file: string | undefined;
  readonly citation: Citation | undefined;
  readonly entries: readonly TableEntry[];
  /** The table as written (for table-level fields such as `severity`). */
  readonly data: Readonly<Record<string, unknown>>;
  /** First row covering an undotted, upper-case code. */
  find(code: string): TableEntry | undefined;
  /** Every row covering the code. */
  findAll(code: string): readonly TableEntry[];
  /** True when a row covers the code. */
  has(code: string): boolean;
}

/** Tables by id. */
export type DataTables = ReadonlyMap<string, DataTable>;
