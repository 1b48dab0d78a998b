import { claimDate, type Claim } from '../../claim/schema.js';
import type { CodeSet, CodeSetCatalog } from '../../codeset/types.js';
import type { DataTables } from '../tables/types.js';
import { ClaimFacts, fiscalYearOf } from './claim.js';
import type { CodeCache } from './code-cache.js';
import { DxFacts, inSequence } from './dx.js';
import { LineFacts } from './line.js';
import type { ClaimContext, FactProvider } from './types.js';

/**
 * The release that governs a date: the catalog's choice, unless the date lies past the end of
 * that release's fiscal year (September 30), where a newer release we do not hold would
 * govern. Checking against an old release would pass deleted codes and flag new ones, so
 * that case is treated as "no release" and reported.
 */
export function governingRelease(catalog: CodeSetCatalog, date: string): CodeSet | undefined {
  const cs = catalog.forDate(date);
  if (!cs) return undefined;
  return fiscalYearOf(date) > cs.release.fiscalYear ? undefined : cs;
}

class Context implements ClaimContext {
  readonly claim: Claim;
  readonly catalog: CodeSetCatalog;
  readonly codeSet: CodeSet | undefined;
  readonly date: string;
  readonly tables: DataTables;
  readonly claimFacts: ClaimFacts;
  readonly dx: DxFacts[];
  readonly lines: LineFacts[];
  readonly #providers: ReadonlyMap<string, FactProvider>;
  /**
   * Provider results, per claim: by name, an array holding the provider in slot 0, then the
   * claim-level value and the value for each diagnosis or line (see {@link fact}).
   */
  readonly #memo = new Map<string, unknown[]>();

  constructor(claim: Claim, cache: CodeCache, tables: DataTables, providers: ReadonlyMap<string, FactProvider>) {
    const catalog = cache.catalog;
    this.claim = claim;
    this.catalog = catalog;
    this.tables = tables;
    this.#providers = providers;
    // parseClaim guarantees a date (its schema rejects a claim without one).
    this.date = claimDate(claim)!;
    this.codeSet = governingRelease(catalog, this.date);
    const dx: DxFacts[] = [];
    const firstAt = new Map<string, number>();
    claim.diagnoses.forEach((d, i) => {
      const f = new DxFacts(i + 1, d, cache.get(this.codeSet, d.code));
      // An admitting or reason-for-visit code that repeats the principal is normal (own fields).
      if (f.wellFormed && inSequence(f)) {
        const prev = firstAt.get(f.code);
        if (prev === undefined) firstAt.set(f.code, f.position);
        else f.duplicateOf = prev;
      }
      dx.push(f);
    });
    this.dx = dx;
    this.lines = (claim.lines ?? []).map((l, i) => new LineFacts(i + 1, l, dx));
    for (const line of this.lines) for (const p of line.pointedPositions) dx[p - 1]!.pointedBy.push(line.number);
    this.claimFacts = new ClaimFacts(claim, this.date, this.codeSet, dx);
  }

  fact(name: string, target?: DxFacts | LineFacts): unknown {
    if (name === 'claim') return this.claimFacts;
    if (name === 'dx' || name === 'line') return target;
    let slots = this.#memo.get(name);
    if (!slots) {
      const provider = this.#providers.get(name);
      if (!provider) throw new Error(`no fact provider "${name}"`);
      this.#memo.set(name, (slots = [provider]));
    }
    const provider = slots[0] as FactProvider;
    const compute = provider.compute as (ctx: ClaimContext, t: unknown) => unknown;
    const forClaim = provider.scope === 'claim' || target === undefined;
    // Slot 1 is the claim-level value; slot 1 + i that of diagnosis or line i.
    const index = forClaim ? 1 : 1 + (target instanceof DxFacts ? target.position : target.number);
    if (index < slots.length && slots[index] !== UNSET) return slots[index];
    while (slots.length <= index) slots.push(UNSET);
    const value = compute(this, forClaim ? undefined : target);
    slots[index] = value;
    return value;
  }
}

/** A slot of the provider memo not computed yet (`undefined` is a value a provider may give). */
const UNSET = Symbol('unset');

/**
 * Builds the facts of one parsed claim. `cache` is the validator's CodeCache (the catalog
 * comes from it); a fresh one per claim shares nothing between claims.
 */
export function buildContext(
  claim: Claim,
  cache: CodeCache,
  tables: DataTables,
  providers: ReadonlyMap<string, FactProvider>,
): ClaimContext {
  return new Context(claim, cache, tables, providers);
}
