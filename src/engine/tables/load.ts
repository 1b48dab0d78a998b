import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeRef, matchesAny } from '../../code/refs.js';
import { RuleLoadError, zodIssues, type LoadIssue } from '../errors.js';
import { tableFileSchema } from './schema.js';
import type { Citation, DataTable, DataTables, TableEntry } from './types.js';

/** Builds a table from its parsed JSON; issues are added to `issues` (nothing returned then). */
const NO_ENTRIES: readonly TableEntry[] = Object.freeze([]);

export function buildTable(json: unknown, file: string, issues: LoadIssue[]): DataTable | undefined {
  const parsed = tableFileSchema.safeParse(json);
  if (!parsed.success) {
    issues.push(...zodIssues(file, parsed.error));
    return undefined;
  }
  const t = parsed.data;
  if (file !== '' && path.basename(file, '.json') !== t.id) {
    issues.push({ file, path: 'id', message: `id "${t.id}" must equal the file name ("${path.basename(file, '.json')}")` });
    return undefined;
  }
  const entries: TableEntry[] = t.entries.map((e) => ({
    refs: (e.refs ?? []).map(codeRef),
    pattern: e.pattern === undefined ? undefined : new RegExp(e.pattern),
    except: (e.except ?? []).map(codeRef),
    citation: (e.citation ?? t.citation) as Citation,
    data: Object.freeze({ ...e }),
  }));
  const covers = (e: TableEntry, code: string) =>
    (matchesAny(e.refs, code) || (e.pattern !== undefined && e.pattern.test(code))) && !matchesAny(e.except, code);
  // Most codes match no row: one shared empty answer instead of a new array each time.
  const findAll = (code: string): readonly TableEntry[] => {
    const found = entries.filter((e) => covers(e, code));
    return found.length > 0 ? found : NO_ENTRIES;
  };
  const find = (code: string) => {
    for (const e of entries) if (covers(e, code)) return e;
    return undefined;
  };
  return Object.freeze({
    id: t.id,
    description: t.description,
    file: file || undefined,
    citation: t.citation as Citation | undefined,
    entries,
    data: Object.freeze({ ...t }),
    find,
    findAll,
    has: (code: string) => find(code) !== undefined,
  });
}

/** Reads one table file. */
export function readTableFile(file: string, issues: LoadIssue[]): DataTable | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    issues.push({ file, path: '', message: `cannot read the table: ${(err as Error).message}` });
    return undefined;
  }
  return buildTable(json, file, issues);
}

/** Every `*.json` in a folder as tables (none when the folder does not exist). */
export function readTableDir(dir: string, issues: LoadIssue[]): DataTable[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: DataTable[] = [];
  for (const name of names) {
    const table = readTableFile(path.join(dir, name), issues);
    if (table) out.push(table);
  }
  return out;
}

/**
 * Merges tables into one map; two tables with the same id are an error naming both files
 * (a rule pack cannot silently replace a guideline table).
 */
export function mergeTables(groups: readonly (readonly DataTable[])[], issues: LoadIssue[]): Map<string, DataTable> {
  const out = new Map<string, DataTable>();
  for (const group of groups) {
    for (const table of group) {
      const prev = out.get(table.id);
      if (prev) {
        issues.push({
          file: table.file ?? '',
          path: 'id',
          message: `table "${table.id}" is already defined by ${prev.file ?? 'another table'}; give it another id`,
        });
        continue;
      }
      out.set(table.id, table);
    }
  }
  return out;
}

/** Loads the tables of some folders, throwing a RuleLoadError listing every bad file. */
export function loadTables(dirs: readonly string[]): DataTables {
  const issues: LoadIssue[] = [];
  const tables = mergeTables(dirs.map((d) => readTableDir(d, issues)), issues);
  if (issues.length > 0) throw new RuleLoadError(issues);
  return tables;
}
