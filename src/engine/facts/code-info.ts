import { formatCode } from '../../code/normalize.js';
import type { CodeNode, CodeSet, CodeSetCatalog } from '../../codeset/types.js';

/**
 * What a diagnosis code is on the claim's date. Mutually exclusive, so that the section-A rules
 * (one per status) never fire twice for one code:
 * - `malformed`: not shaped like an ICD-10-CM code (code-format);
 * - `no-release`: well-formed, but no loaded release governs the date (nothing to judge against);
 * - `valid`: a billable code of the governing release;
 * - `needs-seventh`: exists only with a 7th character, or the 7th character was given without
 *   the placeholder X (S52.521 → S52.521A…, W21.89A → W21.89XA);
 * - `header`: a category or subcategory with billable codes under it (Z53, Z00.12);
 * - `wrong-date`: not in the governing release but billable in another loaded one;
 * - `unknown`: in no loaded release.
 */
export type DxStatus = 'malformed' | 'unknown' | 'header' | 'needs-seventh' | 'wrong-date' | 'no-release' | 'valid';

/** Per-code data derived from one release; shared by every claim that uses the code. */
export interface CodeInfo {
  /** Undotted, upper-case. */
  readonly code: string;
  readonly status: Exclude<DxStatus, 'malformed' | 'no-release'>;
  /** The node in the governing release, when the code is one of its entries. */
  readonly node: CodeNode | undefined;
  /** For needs-seventh: the 7th character is missing, or the placeholder X is. */
  readonly seventhIssue: 'missing' | 'placeholder' | undefined;
  /** For wrong-date. */
  readonly validityReason: 'deleted' | 'not-yet-valid' | undefined;
  /** For wrong-date/deleted: first day it was no longer valid. */
  readonly deletedOn: string | undefined;
  /** For wrong-date/not-yet-valid: first day it is valid. */
  readonly validFrom: string | undefined;
  /** Undotted codes that fix the problem: the billable codes under a header, the 7th-character forms. */
  readonly fixes: readonly string[];
}

const NO_FIXES: readonly string[] = Object.freeze([]);

function make(code: string, status: CodeInfo['status'], node: CodeNode | undefined, extra: Partial<CodeInfo> = {}): CodeInfo {
  return {
    code,
    status,
    node,
    seventhIssue: undefined,
    validityReason: undefined,
    deletedOn: undefined,
    validFrom: undefined,
    fixes: NO_FIXES,
    ...extra,
  };
}

/**
 * Derived data of a well-formed, normalised code in a release. Not memoised here: the
 * validator's CodeCache keeps one per code.
 */
export function codeInfo(catalog: CodeSetCatalog, codeSet: CodeSet, code: string): CodeInfo {
  const node = codeSet.get(code);
  if (node?.billable) return make(code, 'valid', node);

  const forms = seventhCharacterForms(codeSet, code);
  if (forms.length > 0) return make(code, 'needs-seventh', node, { seventhIssue: 'missing', fixes: forms });

  if (node) {
    return make(code, 'header', node, { fixes: codeSet.billableDescendants(code).map((n) => n.code) });
  }

  const placeholder = placeholderForm(codeSet, code);
  if (placeholder) return make(code, 'needs-seventh', undefined, { seventhIssue: 'placeholder', fixes: [placeholder] });

  const elsewhere = catalog.validIn(code);
  if (elsewhere.length > 0) return wrongDate(catalog, codeSet, code, elsewhere);
  return make(code, 'unknown', undefined);
}

/**
 * The billable 7-character codes a shorter code stands for when only its 7th character (and
 * the placeholder X filling empty positions, I.A.4/I.A.5) is missing: S52.521 → S52.521A…,
 * T78.1 → T78.1XXA…, T78.1XX → T78.1XXA…. Found from the nearest entry of the release at or
 * above the code, so it also works for forms that are not entries themselves (T78.1XX).
 */
export function seventhCharacterForms(codeSet: CodeSet, code: string): string[] {
  if (code.length >= 7) return [];
  const stem = code.padEnd(6, 'X');
  let anchor: CodeNode | undefined;
  for (let len = Math.min(code.length, 6); len >= 3 && !anchor; len--) {
    const candidate = code.slice(0, len);
    // Only a prefix that the padding could have produced: the cut-off part must be all X.
    if (/^X*$/.test(code.slice(len))) anchor = codeSet.get(candidate);
  }
  if (!anchor) return [];
  const out: string[] = [];
  for (const d of codeSet.billableDescendants(anchor.code)) {
    if (d.code.length === 7 && d.code.startsWith(stem)) out.push(d.code);
  }
  return out;
}

/**
 * A 7th character typed without the placeholder X: W21.89A → W21.89XA, T78.1A → T78.1XXA.
 * Returns the billable code meant, if there is one.
 */
export function placeholderForm(codeSet: CodeSet, code: string): string | undefined {
  if (code.length < 4 || code.length >= 7) return undefined;
  const candidate = code.slice(0, -1).padEnd(6, 'X') + code.slice(-1);
  return codeSet.get(candidate)?.billable ? candidate : undefined;
}

function wrongDate(catalog: CodeSetCatalog, codeSet: CodeSet, code: string, validIn: string[]): CodeInfo {
  const v = catalog.validity(code, codeSet.release.effectiveFrom);
  if (!v.valid && v.reason === 'deleted' && v.deletedOn) {
    return make(code, 'wrong-date', undefined, { validityReason: 'deleted', deletedOn: v.deletedOn });
  }
  if (!v.valid && v.reason === 'not-yet-valid' && v.validFrom) {
    return make(code, 'wrong-date', undefined, { validityReason: 'not-yet-valid', validFrom: v.validFrom });
  }
  // Fallback from the release list itself, should the catalog not give the dates.
  const releases = catalog.releases;
  const here = releases.indexOf(codeSet);
  const index = (id: string) => releases.findIndex((r) => r.release.id === id);
  const later = validIn.map(index).filter((i) => i > here).sort((a, b) => a - b);
  if (later.length > 0) {
    return make(code, 'wrong-date', undefined, { validityReason: 'not-yet-valid', validFrom: releases[later[0]!]!.release.effectiveFrom });
  }
  const earlier = validIn.map(index).filter((i) => i >= 0 && i < here).sort((a, b) => b - a);
  const next = earlier.length > 0 ? releases[earlier[0]! + 1] : undefined;
  return make(code, 'wrong-date', undefined, { validityReason: 'deleted', deletedOn: next?.release.effectiveFrom ?? codeSet.release.effectiveFrom });
}

/** Dotted forms of the fixes. */
export function dottedFixes(info: CodeInfo): string[] {
  return info.fixes.map(formatCode);
}
