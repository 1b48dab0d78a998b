import type { CodeRef } from '../codeset/types.js';
import { isWellFormedCode, normalizeCode } from './normalize.js';

/**
 * Parses one code reference as written in the Tabular List or in a data table:
 * "Z23" (that code and everything under it), "Z00.11-" (dash: everything under it),
 * "O00-O9A" or "Z76.1–Z76.2" (a range, hyphen or en dash). Returns undefined if it is not one.
 */
export function parseCodeRef(text: string): CodeRef | undefined {
  const raw = text.trim();
  const range = /^([A-Za-z0-9.]+)\s*[-\u2013]\s*([A-Za-z0-9.]+)$/.exec(raw);
  if (range) {
    const from = range[1]!;
    const to = range[2]!;
    if (isWellFormedCode(from) && isWellFormedCode(to)) {
      return { kind: 'range', from: normalizeCode(from)!, to: normalizeCode(to)!, text: raw };
    }
  }
  if (raw.endsWith('-') || raw.endsWith('\u2013')) {
    const head = raw.slice(0, -1).replace(/\.$/, '');
    if (isWellFormedCode(head)) return { kind: 'prefix', from: normalizeCode(head)!, text: raw };
    return undefined;
  }
  if (isWellFormedCode(raw)) return { kind: 'code', from: normalizeCode(raw)!, text: raw };
  return undefined;
}

/** Like {@link parseCodeRef} but throws with the text when it is not a reference (for data tables). */
export function codeRef(text: string): CodeRef {
  const ref = parseCodeRef(text);
  if (!ref) throw new Error(`"${text}" is not a code, code-with-dash or code range`);
  return ref;
}

/**
 * True when an undotted, upper-case code falls under a reference. `code` and `prefix`
 * references match the code and everything under it; a range compares the code's leading
 * characters, cut to the length of each bound (so "E08-E13" holds E11.9 and E13.0). A
 * reference's `where` condition ("E08-E13 with .42") must hold as well.
 */
export function matchesRef(ref: CodeRef, code: string): boolean {
  const inRef =
    ref.kind !== 'range'
      ? code.startsWith(ref.from)
      : code.slice(0, ref.from.length) >= ref.from && code.slice(0, ref.to!.length) <= ref.to!;
  return inRef && (!ref.where || matchesWhere(ref.where, code));
}

/** The character condition of a note reference ("with fifth or sixth character 5"). */
function matchesWhere(where: NonNullable<CodeRef['where']>, code: string): boolean {
  for (const p of where.positions) for (const v of where.values) if (code.startsWith(v, p - 1)) return true;
  return false;
}

/** True when the code falls under any of the references. */
export function matchesAny(refs: readonly CodeRef[], code: string): boolean {
  for (const ref of refs) if (matchesRef(ref, code)) return true;
  return false;
}
