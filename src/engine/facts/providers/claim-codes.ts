import { codeKey } from '../../../code/code-key.js';
import { matchesAny, matchesRef } from '../../../code/refs.js';
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
 * Code references and the test "does one of them cover this code", equal to
 * matchesAny(refs, code) (src/code/refs.ts): providers keep one per code (with the code's
 * shared facts) and run it for every other code of a claim. References without a character
 * condition are kept as intervals of code keys (src/code/code-key.ts) in one array of numbers, so
 * a test reads two short runs of memory instead of a string per reference.
 */
const NO_REFS: readonly CodeRef[] = Object.freeze([]);

export class CodeRefSet {
  readonly refs: readonly CodeRef[];
  /**
   * Interval i is [bounds[2i], bounds[2i + 1]]: one array of unboxed doubles, one run of memory
   * (a typed array would cost ~200 bytes more per code, and every code seen keeps a few).
   */
  readonly #bounds: readonly number[];
  /** References with a character condition ("E08-E13 with .42"), tested as written (as is anything not keyable). */
  readonly #where: readonly CodeRef[];

  constructor(refs: readonly CodeRef[]) {
    // A copy of the exact size: lists built by push keep spare room, and every code seen keeps one.
    this.refs = refs.slice();
    const keyable = (r: CodeRef) => !r.where && !Number.isNaN(codeKey(r.from)) && (r.kind !== 'range' || !Number.isNaN(codeKey(r.to!)));
    const plain = refs.filter(keyable);
    const rest = refs.filter((r) => !keyable(r));
    this.#where = rest.length > 0 ? rest : NO_REFS;
    // A code or prefix covers what starts with it; a range up to what starts with its end.
    const bounds = new Array<number>(2 * plain.length);
    plain.forEach((r, i) => {
      bounds[2 * i] = codeKey(r.from, 'low');
      bounds[2 * i + 1] = codeKey(r.kind === 'range' ? r.to! : r.from, 'high');
    });
    this.#bounds = bounds;
  }

  get count(): number {
    return this.refs.length;
  }

  /** `key`: codeKey(code), when the caller has it at hand. */
  covers(code: string, key: number = codeKey(code)): boolean {
    // Not a code key (too long, other characters): compare the strings.
    if (Number.isNaN(key)) return matchesAny(this.refs, code);
    const bounds = this.#bounds;
    for (let i = 0; i < bounds.length; i += 2) if (key >= bounds[i]! && key <= bounds[i + 1]!) return true;
    const where = this.#where;
    for (let i = 0; i < where.length; i++) if (matchesRef(where[i]!, code)) return true;
    return false;
  }
}
