import type { Claim } from '../../claim/schema.js';
import type { CodeSet, CodeSetCatalog } from '../../codeset/types.js';
import type { DataTables } from '../tables/types.js';
import type { ClaimFacts } from './claim.js';
import type { DxFacts } from './dx.js';
import type { LineFacts } from './line.js';

/** Where a rule runs: once per claim, once per diagnosis, or once per service line. */
export type Scope = 'claim' | 'diagnosis' | 'line';

/** The target a per-diagnosis or per-line fact is computed for. */
export type ScopeTarget<S extends Scope> = S extends 'diagnosis' ? DxFacts : S extends 'line' ? LineFacts : undefined;

/**
 * Everything known about one claim while it is checked. Built once per claim; fact providers
 * read from it and never change it.
 */
export interface ClaimContext {
  /** The claim as parsed by parseClaim. */
  readonly claim: Claim;
  readonly catalog: CodeSetCatalog;
  /** The release governing the claim date; undefined when no loaded release does. */
  readonly codeSet: CodeSet | undefined;
  /** ISO date that selects the release and the patient's age (claimDate). */
  readonly date: string;
  readonly tables: DataTables;
  /** The built-in facts. */
  readonly claimFacts: ClaimFacts;
  readonly dx: readonly DxFacts[];
  readonly lines: readonly LineFacts[];
  /**
   * The value of any registered fact for a target (memoised per claim and target): use it in a
   * provider to build on another provider's result.
   */
  fact(name: string, target?: DxFacts | LineFacts): unknown;
}

/**
 * A fact provider computes one named fact. Its result is attached under `name` and rules
 * reach it with `{ "fact": name, "path": "$.<field>" }`.
 *
 * - `claim` providers run once per claim and are visible to rules of every scope;
 * - `diagnosis` providers run once per diagnosis (target = that diagnosis' DxFacts) and are
 *   visible to diagnosis rules;
 * - `line` providers run once per service line (target = LineFacts) and are visible to line rules.
 *
 * Providers are computed lazily: only when a rule that names the fact is evaluated, and at
 * most once per claim and target.
 */
export interface FactProvider<S extends Scope = Scope, T = unknown> {
  readonly name: string;
  readonly scope: S;
  /** One sentence for the rule guide. */
  readonly description: string;
  /**
   * The fields rule paths and message placeholders may read (name → what it holds). A rule
   * naming a field not listed here is rejected when it is loaded.
   */
  readonly fields: Readonly<Record<string, string>>;
  compute(ctx: ClaimContext, target: ScopeTarget<S>): T;
  /**
   * For diagnosis providers whose answer is a fixed `none` for most codes: `applies` says, from
   * the diagnosis code, its release and the data tables alone (never the rest of the claim),
   * whether the answer can be anything but `none`. When it is false, `compute` must return
   * `none`. The evaluator then skips, per code, every rule that cannot hold on `none` (see
   * compile.ts, splitCodeOnly); test/engine/code-gates.test.ts holds providers to this.
   */
  readonly codeGate?: CodeGate<T>;
}

/** See {@link FactProvider.codeGate}. */
export interface CodeGate<T> {
  readonly none: T;
  applies(ctx: ClaimContext, dx: DxFacts): boolean;
}
