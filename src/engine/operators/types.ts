import type { DataTables } from '../tables/types.js';

/** What `prepare` returns: the value the operator will receive, or why the JSON value is wrong. */
export type Prepared = { value: unknown } | { error: string };

/**
 * An operator rule conditions may use. The same `evaluate` function is registered with
 * json-rules-engine and called by the compiled pre-filter, so both agree by construction.
 */
export interface OperatorSpec {
  readonly name: string;
  /** One sentence for the rule guide. */
  readonly description: string;
  /** The shape of the condition's `value`, for the guide and for error messages. */
  readonly valueHelp: string;
  /**
   * Checks the JSON `value` once, when the rule is loaded, and turns it into what `evaluate`
   * receives (e.g. parsed code references), so nothing is parsed per claim.
   */
  prepare(value: unknown, tables: DataTables): Prepared;
  /** (fact value, prepared value) → result; must return a boolean and never throw. */
  evaluate(factValue: unknown, value: unknown): boolean;
}
