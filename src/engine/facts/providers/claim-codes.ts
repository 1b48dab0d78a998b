import type { CodeRef } from '../../../codeset/types.js';
import type { DataTable } from '../../tables/types.js';
import type { DxFacts } from '../dx.js';
import type { ClaimContext } from '../types.js';

/** Another diagnosis a finding names: its 1-based position and dotted code. */
export interface DxRef {
  position: number;
  code: string;
}

/** The reference of a diagnosis for `related` lists and messages. */
export function dxRef(dx: DxFacts): DxRef {
  return { position: dx.position, code: dx.dotted };
}

/**
 * Diagnoses whose code can be judged against code lists: well-formed and known to some loaded
 * release (or no release governs the date). A malformed or unknown code is left to the
 * section-A rules; matching it against a list would only add noise.
 */
export function judgeable(dx: DxFacts): boolean {
  return dx.wellFormed && dx.status !== 'unknown';
}

import { inSequence } from '../dx.js';

export { inSequence };

/**
 * Whether a diagnosis takes part in the pair rules (excludes1, code-first-order): a judgeable
 * code, its first occurrence, in the principal-and-other sequence.
 */
export function pairable(dx: DxFacts): boolean {
  return judgeable(dx) && dx.duplicateOf === 0 && inSequence(dx);
}

/** Whether `d` is a later diagnosis, with another code, that can pair with `dx`. */
export function laterPartner(dx: DxFacts, d: DxFacts): boolean {
  return d.position > dx.position && d.code !== dx.code && pairable(d);
}

/**
 * The diagnoses of the claim (first occurrence of each code only, in the principal-and-other
 * sequence unless `everyField` is set) that a predicate accepts.
 */
export function diagnosesWhere(ctx: ClaimContext, keep: (dx: DxFacts) => boolean, everyField = false): DxFacts[] {
  return ctx.dx.filter((d) => judgeable(d) && d.duplicateOf === 0 && (everyField || inSequence(d)) && keep(d));
}

/** "O80 (position 1), O70.0 (position 2)" for messages. */
export function describeAll(refs: readonly DxRef[]): string {
  return refs.map((r) => `${r.code} (position ${r.position})`).join(', ');
}

/**
 * A data table by id. Providers must not throw, so a missing table (a rule set loaded without
 * the built-in data/) gives undefined and the provider reports nothing.
 */
export function tableOf(ctx: ClaimContext, id: string): DataTable | undefined {
  return ctx.tables.get(id);
}

/**
 * `code.slice(0, s.length)` compared with `s` (negative, 0, positive), as JavaScript compares
 * the two strings, without cutting the slice: this runs for every reference of every pair.
 */
function compareHead(code: string, s: string): number {
  const n = Math.min(code.length, s.length);
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(i) - s.charCodeAt(i);
    if (d !== 0) return d;
  }
  return code.length >= s.length ? 0 : -1;
}

/**
 * Code references and the test "does one of them cover this code", equal to
 * matchesAny(refs, code) (src/code/refs.ts) but without allocating: providers keep one per code
 * (with the code's shared facts) and run it for every other code of a claim.
 */
export class CodeRefSet {
  readonly refs: readonly CodeRef[];
  constructor(refs: readonly CodeRef[]) {
    this.refs = refs;
  }
  get count(): number {
    return this.refs.length;
  }
  covers(code: string): boolean {
    const refs = this.refs;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const inRef = ref.kind !== 'range' ? code.startsWith(ref.from) : compareHead(code, ref.from) >= 0 && compareHead(code, ref.to!) <= 0;
      if (!inRef) continue;
      const where = ref.where;
      if (!where) return true;
      for (const p of where.positions) for (const v of where.values) if (code.startsWith(v, p - 1)) return true;
    }
    return false;
  }
}
