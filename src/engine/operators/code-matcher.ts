import { matchesAny, parseCodeRef } from '../../code/refs.js';
import type { CodeRef } from '../../codeset/types.js';
import type { DataTable, DataTables } from '../tables/types.js';
import type { Prepared } from './types.js';

/**
 * A prepared code list: a function from an undotted, upper-case code to "is it in the list".
 * It is a function (not a plain object) on purpose: json-rules-engine deep-clones a rule's
 * conditions on every evaluation, and functions are passed through by reference, so the
 * parsed list is never copied.
 */
export type CodeMatcher = ((code: string) => boolean) & { readonly text: string };

/** The JSON forms a code-list value may take. */
export const CODE_LIST_HELP =
  'an array of code references ("Z23", "Z00.0-", "O00-O9A") and/or { "list": "<data table id>" } objects, or one such object';

function makeMatcher(refs: CodeRef[], tables: DataTable[], text: string): CodeMatcher {
  let fn: (code: string) => boolean;
  if (tables.length === 0) fn = (code) => matchesAny(refs, code);
  else
    fn = (code) => {
      if (matchesAny(refs, code)) return true;
      for (const t of tables) if (t.has(code)) return true;
      return false;
    };
  return Object.assign(fn, { text });
}

/** Parses a code-list value once (at load). Unknown tables and bad references are errors. */
export function prepareCodeList(value: unknown, tables: DataTables | undefined): Prepared {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return { error: `the code list is empty; give ${CODE_LIST_HELP}` };
  const refs: CodeRef[] = [];
  const used: DataTable[] = [];
  for (const [i, item] of items.entries()) {
    const where = Array.isArray(value) ? `value[${i}]` : 'value';
    if (typeof item === 'string') {
      const ref = parseCodeRef(item);
      if (!ref) return { error: `${where}: "${item}" is not a code, code-with-dash ("Z00.0-") or range ("O00-O9A")` };
      refs.push(ref);
    } else if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const id = (item as { list?: unknown }).list;
      if (keys.length !== 1 || typeof id !== 'string') {
        return { error: `${where}: an object in a code list must be { "list": "<data table id>" }` };
      }
      const table = tables?.get(id);
      if (!table) {
        const known = tables ? [...tables.keys()].sort().join(', ') : '';
        return { error: `${where}: no data table "${id}"${known ? ` (loaded: ${known})` : ''}` };
      }
      used.push(table);
    } else {
      return { error: `${where}: expected ${CODE_LIST_HELP}` };
    }
  }
  return { value: makeMatcher(refs, used, JSON.stringify(value)) };
}

/** The matcher of a prepared value, or one built on the fly from a raw array (no tables). */
export function asCodeMatcher(value: unknown): ((code: string) => boolean) | undefined {
  if (typeof value === 'function') return value as CodeMatcher;
  const prepared = prepareCodeList(value, undefined);
  return 'value' in prepared ? (prepared.value as CodeMatcher) : undefined;
}
