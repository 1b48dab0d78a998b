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
  /** Provider results: per claim by name; per diagnosis/line by name, then position/number. */
  readonly #claimMemo = new Map<string, unknown>();
  readonly #targetMemo = new Map<string, unknown[]>();

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
    const provider = this.#providers.get(name);
    if (!provider) throw new Error(`no fact provider "${name}"`);
    const compute = provider.compute as (ctx: ClaimContext, t: unknown) => unknown;
    if (provider.scope === 'claim' || target === undefined) {
      if (this.#claimMemo.has(name)) return this.#claimMemo.get(name);
      const value = compute(this, undefined);
      this.#claimMemo.set(name, value);
      return value;
    }
    let slots = this.#targetMemo.get(name);
    if (!slots) this.#targetMemo.set(name, (slots = []));
    const index = target instanceof DxFacts ? target.position : target.number;
    if (index in slots) return slots[index];
    const value = compute(this, target);
    slots[index] = value;
    return value;
  }
}

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
