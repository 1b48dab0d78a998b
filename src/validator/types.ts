import type { InputError } from '../claim/parse.js';
import type { CodeSetCatalog } from '../codeset/types.js';
import type { RuleSetting } from '../engine/config.js';
import type { EvaluationMode } from '../engine/evaluate.js';
import type { Scope } from '../engine/facts/types.js';
import type { RuleSource } from '../engine/load-rules.js';
import type { Preset, Setting, Severity } from '../engine/rule-schema.js';
import type { Report } from '../report/types.js';

/**
 * Options of {@link createValidator}. Everything but `catalog` is plain data, so a worker
 * thread can build the same validator from options posted to it (pass `data`, not `catalog`).
 */
export interface ValidatorOptions {
  /** A loaded code-set catalog (e.g. from loadCatalog). Give this or `data`. */
  catalog?: CodeSetCatalog;
  /** Folder of the official release files (or `DXLINT_DATA`), loaded with loadCatalog. */
  data?: string;
  /** Which rules run by default: "recommended" (default) or "strict". */
  preset?: Preset;
  /** Rule id → "off" | "error" | "warning" | "info". A severity also turns on a rule outside its preset. */
  rules?: Record<string, RuleSetting>;
  /** Extra rule files or folders (payer packs); a folder's `data/*.json` are its data tables. Rule objects are accepted too. */
  rulePacks?: RuleSource[];
  /** Include the built-in rules and data tables (default true). */
  builtinRules?: boolean;
  /** Extra folders of data tables. */
  tables?: string[];
  /** Run exactly these rule ids, whatever the preset (used by the rule tester). */
  only?: string[];
  /**
   * "compiled" (default): compiled predicates make the findings; "fast": compiled pre-filter,
   * then json-rules-engine makes the finding; "reference": json-rules-engine for everything.
   * All three give the same reports.
   */
  mode?: EvaluationMode;
}

/** A rule as the validator knows it (for listings and documentation). */
export interface RuleMeta {
  id: string;
  title: string;
  /** The severity findings get by default (after a configured override). */
  severity: Severity;
  guideline: string;
  scope: Scope;
  /** Settings the rule is limited to; undefined = all. */
  settings: Setting[] | undefined;
  presets: Preset[];
  /** Whether it runs with this validator's configuration. */
  enabled: boolean;
  description: string;
  details: string;
  /** File it was loaded from ("" for a rule object). */
  file: string;
}

export interface ValidateOptions {
  /** Notices from an adapter (FHIR, 837) to carry into the report. */
  inputWarnings?: InputError[];
}

export interface ValidateManyOptions {
  /** Claims in flight at once (default 16). Reports still come out in input order. */
  concurrency?: number;
}

export interface Validator {
  /** Every loaded rule, enabled or not, in id order. */
  readonly rules: readonly RuleMeta[];
  readonly catalog: CodeSetCatalog;
  /** Checks one claim. Never rejects: bad input gives a report with `inputErrors`. */
  validate(input: unknown, options?: ValidateOptions): Promise<Report>;
  /**
   * Checks many claims: any iterable or async iterable in, reports out in input order, with at
   * most `concurrency` claims held at a time.
   */
  validateMany(inputs: Iterable<unknown> | AsyncIterable<unknown>, options?: ValidateManyOptions): AsyncIterable<Report>;
}
