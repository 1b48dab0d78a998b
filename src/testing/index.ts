/**
 * RuleTester: unit tests for dxlint rules and rule packs, in the style of ESLint's RuleTester.
 * Works with vitest, jest, mocha and node:test (through `describe`/`it`), or with any runner
 * through `check()`, which returns a promise.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { RuleTester } from 'dxlint/testing';
 * RuleTester.describe = describe;
 * RuleTester.it = it;
 * const tester = new RuleTester({ data: './icd10cm' });
 * tester.run('acme-mri-requires-dx', './rules/acme-mri-requires-dx.json', { valid: [...], invalid: [...] });
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeSetCatalog } from '../codeset/types.js';
import { builtinDataDir } from '../engine/builtin-paths.js';
import type { EvaluationMode } from '../engine/evaluate.js';
import type { RuleInput } from '../engine/rule-schema.js';
import type { Finding, Related, Report, Severity } from '../report/types.js';
import { buildValidator } from '../validator/create.js';
import type { Validator } from '../validator/types.js';

/** One finding an invalid case must produce. */
export interface ExpectedFinding {
  /** Defaults to the id of the rule under test. */
  ruleId?: string;
  severity: Severity;
  /** 1-based diagnosis position; omit for a claim-level or line-level finding (then the finding must have none). */
  position?: number;
  /** 1-based service line; compared when given. */
  line?: number;
  /** Exact text, or a pattern the message must match. */
  message?: string | RegExp;
  /** The exact suggestions (dotted codes), compared when given. */
  suggestions?: string[];
  /** The number of suggestions before capping (the finding's suggestionsTotal), compared when given. */
  suggestionsTotal?: number;
  /** The exact related entries, compared when given. */
  related?: Related[];
}

/** A claim the rule must not fire on: the claim itself, or `{ name, claim }`. */
export type ValidCase = { name?: string; claim: unknown } | Record<string, unknown>;

/** A claim the rule must fire on, with the exact findings (in report order). */
export interface InvalidCase {
  name?: string;
  claim: unknown;
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

type Lazy<T> = T | Promise<T> | (() => T | Promise<T>);

export interface RuleTesterOptions {
  /** The code-set catalog (or a promise / function giving one, awaited on first use). Give this or `data`. */
  catalog?: Lazy<CodeSetCatalog>;
  /** Folder of the official release files, loaded with loadCatalog on first use. */
  data?: string;
  /** Load dxlint's built-in data tables (default true). */
  builtinTables?: boolean;
  /** Extra data-table folders. A rule file's own `data/` folder (next to it) is always loaded. */
  tables?: string[];
  /**
   * Evaluation mode. By default every case runs twice, in the default "compiled" mode and in
   * "reference" mode (json-rules-engine itself), and the two reports must be identical; give a
   * mode to run that one only.
   */
  mode?: EvaluationMode;
}

type DescribeFn = (name: string, fn: () => void) => unknown;
type ItFn = (name: string, fn: () => Promise<void>) => unknown;

/** Thrown (or rejected) when a case fails; the message holds the expected/actual diff. */
export class RuleTestError extends Error {
  override name = 'RuleTestError';
}

function isValidCaseObject(c: ValidCase): c is { name?: string; claim: unknown } {
  return c !== null && typeof c === 'object' && 'claim' in c && !('diagnoses' in c);
}

function describeExpected(e: ExpectedFinding, ruleId: string): string {
  const parts = [e.ruleId ?? ruleId, e.severity, e.position === undefined ? 'no position' : `position ${e.position}`];
  if (e.line !== undefined) parts.push(`line ${e.line}`);
  if (e.message !== undefined) parts.push(`message ${e.message instanceof RegExp ? String(e.message) : JSON.stringify(e.message)}`);
  if (e.suggestions) parts.push(`suggestions ${JSON.stringify(e.suggestions)}`);
  if (e.suggestionsTotal !== undefined) parts.push(`suggestionsTotal ${e.suggestionsTotal}`);
  if (e.related) parts.push(`related ${JSON.stringify(e.related)}`);
  return parts.join(', ');
}

function describeActual(f: Finding): string {
  const parts = [f.ruleId, f.severity, f.position === undefined ? 'no position' : `position ${f.position}`];
  if (f.line !== undefined) parts.push(`line ${f.line}`);
  parts.push(`message ${JSON.stringify(f.message)}`);
  if (f.suggestions) parts.push(`suggestions ${JSON.stringify(f.suggestions)}${f.suggestionsTotal ? ` of ${f.suggestionsTotal}` : ''}`);
  if (f.related) parts.push(`related ${JSON.stringify(f.related)}`);
  return parts.join(', ');
}

/** Why an actual finding does not match an expected one ("" when it does). */
function mismatch(e: ExpectedFinding, f: Finding, ruleId: string): string {
  const why: string[] = [];
  if (f.ruleId !== (e.ruleId ?? ruleId)) why.push(`ruleId ${f.ruleId} ≠ ${e.ruleId ?? ruleId}`);
  if (f.severity !== e.severity) why.push(`severity ${f.severity} ≠ ${e.severity}`);
  if (f.position !== e.position) why.push(`position ${f.position ?? 'none'} ≠ ${e.position ?? 'none'}`);
  if (e.line !== undefined && f.line !== e.line) why.push(`line ${f.line ?? 'none'} ≠ ${e.line}`);
  if (e.message instanceof RegExp ? !e.message.test(f.message) : e.message !== undefined && e.message !== f.message) {
    why.push('message differs');
  }
  if (e.suggestions && JSON.stringify(f.suggestions ?? []) !== JSON.stringify(e.suggestions)) why.push('suggestions differ');
  if (e.suggestionsTotal !== undefined && f.suggestionsTotal !== e.suggestionsTotal) {
    why.push(`suggestionsTotal ${f.suggestionsTotal ?? 'none'} ≠ ${e.suggestionsTotal}`);
  }
  if (e.related && JSON.stringify(f.related ?? []) !== JSON.stringify(e.related)) why.push('related differs');
  return why.join('; ');
}

function compare(report: Report, expected: readonly ExpectedFinding[], ruleId: string): string | undefined {
  if (report.inputErrors) {
    return `the claim is not valid input:\n${report.inputErrors.map((e) => `    ${e.message}`).join('\n')}`;
  }
  const actual = report.findings;
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`expected ${expected.length} finding(s), got ${actual.length}`);
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    const why = mismatch(expected[i]!, actual[i]!, ruleId);
    if (why) problems.push(`finding ${i + 1}: ${why}`);
  }
  if (problems.length === 0) return undefined;
  return [
    ...problems,
    '  expected:',
    ...(expected.length ? expected.map((e, i) => `    ${i + 1}. ${describeExpected(e, ruleId)}`) : ['    (no findings)']),
    '  actual:',
    ...(actual.length ? actual.map((f, i) => `    ${i + 1}. ${describeActual(f)}`) : ['    (no findings)']),
  ].join('\n');
}

interface Prepared {
  id: string;
  rule: RuleInput & { docs?: { invalid?: unknown; valid?: unknown } };
  validator: Validator;
  /** json-rules-engine itself, when no mode was chosen: its report must equal the validator's. */
  reference: Validator | undefined;
}

/** The validator's report; with a reference validator, also proves both evaluations agree. */
async function evaluate(p: Prepared, claim: unknown): Promise<Report> {
  const report = await p.validator.validate(claim);
  if (p.reference) {
    const expected = JSON.stringify(await p.reference.validate(claim));
    if (JSON.stringify(report) !== expected) {
      throw new RuleTestError(
        `the compiled evaluation and json-rules-engine (reference mode) disagree:\n  compiled:  ${JSON.stringify(report)}\n  reference: ${expected}`,
      );
    }
  }
  return report;
}

interface Case {
  title: string;
  run: (p: Prepared) => Promise<void>;
}

/**
 * Runs one rule alone (whatever its presets) against valid and invalid claims. The rule's own
 * `docs.invalid` claim must fire and `docs.valid` must not: both are added as cases, so a
 * rule's documentation cannot drift from what it does.
 */
export class RuleTester {
  /** The `describe` of your test runner; defaults to `globalThis.describe`. */
  static describe: DescribeFn | undefined;
  /** The `it` of your test runner; defaults to `globalThis.it`. */
  static it: ItFn | undefined;

  readonly #options: RuleTesterOptions;
  #catalog: Promise<CodeSetCatalog> | undefined;

  constructor(options: RuleTesterOptions) {
    if (!options || (options.catalog === undefined && options.data === undefined)) {
      throw new TypeError('RuleTester needs { catalog } (a CodeSetCatalog) or { data } (the folder of the release files)');
    }
    this.#options = options;
  }

  #loadCatalog(): Promise<CodeSetCatalog> {
    this.#catalog ??= (async () => {
      const c = this.#options.catalog;
      if (c !== undefined) return typeof c === 'function' ? await c() : await c;
      const { loadCatalog } = await import('../codeset/index.js');
      return loadCatalog(this.#options.data);
    })();
    return this.#catalog;
  }

  async #prepare(rule: string | RuleInput): Promise<Prepared> {
    const catalog = await this.#loadCatalog();
    const json = (typeof rule === 'string' ? JSON.parse(readFileSync(rule, 'utf8')) : rule) as Prepared['rule'];
    const tables = [...(this.#options.tables ?? [])];
    if (this.#options.builtinTables !== false) tables.unshift(builtinDataDir());
    if (typeof rule === 'string') {
      const own = path.join(path.dirname(path.resolve(rule)), 'data');
      if (existsSync(own) && path.resolve(own) !== path.resolve(builtinDataDir())) tables.push(own);
    }
    const options = { builtinRules: false, rulePacks: [rule], tables, only: [String(json.id)] };
    const mode = this.#options.mode;
    const validator = buildValidator(catalog, mode ? { ...options, mode } : options);
    const reference = mode ? undefined : buildValidator(catalog, { ...options, mode: 'reference' });
    return { id: String(json.id), rule: json, validator, reference };
  }

  #cases(tests: RuleTests): { valid: Case[]; invalid: Case[] } {
    const validCases: Case[] = tests.valid.map((c, i) => {
      const named = isValidCaseObject(c);
      const claim = named ? c.claim : c;
      return {
        title: named && c.name ? c.name : `valid #${i + 1}`,
        run: async (p) => {
          const failure = compare(await evaluate(p, claim), [], p.id);
          if (failure) throw new RuleTestError(failure);
        },
      };
    });
    validCases.push({
      title: 'docs.valid does not fire',
      run: async (p) => {
        const failure = compare(await evaluate(p, p.rule.docs?.valid), [], p.id);
        if (failure) throw new RuleTestError(`docs.valid: ${failure}`);
      },
    });
    const invalidCases: Case[] = tests.invalid.map((c, i) => ({
      title: c.name ?? `invalid #${i + 1}`,
      run: async (p) => {
        if (!Array.isArray(c.findings) || c.findings.length === 0) {
          throw new RuleTestError('an invalid case must list the findings it expects (findings: [...])');
        }
        const failure = compare(await evaluate(p, c.claim), c.findings, p.id);
        if (failure) throw new RuleTestError(failure);
      },
    }));
    invalidCases.push({
      title: 'docs.invalid fires',
      run: async (p) => {
        const report = await evaluate(p, p.rule.docs?.invalid);
        if (report.inputErrors) throw new RuleTestError(`docs.invalid: ${compare(report, [], p.id)}`);
        if (!report.findings.some((f) => f.ruleId === p.id)) {
          throw new RuleTestError('docs.invalid: the rule does not fire on its own failing example (no findings)');
        }
      },
    });
    return { valid: validCases, invalid: invalidCases };
  }

  /**
   * Registers the cases with the test runner: `describe(name)` → `describe('valid')` /
   * `describe('invalid')` → one `it` per case. Set RuleTester.describe / RuleTester.it first
   * unless your runner defines them globally.
   */
  run(name: string, rule: string | RuleInput, tests: RuleTests): void {
    const g = globalThis as { describe?: DescribeFn; it?: ItFn };
    const describe = RuleTester.describe ?? g.describe;
    const it = RuleTester.it ?? g.it;
    if (typeof describe !== 'function' || typeof it !== 'function') {
      throw new TypeError(
        'RuleTester.run needs describe/it: set RuleTester.describe and RuleTester.it (e.g. from vitest or node:test), or call tester.check()',
      );
    }
    const cases = this.#cases(tests);
    let prepared: Promise<Prepared> | undefined;
    const once = () => (prepared ??= this.#prepare(rule));
    describe(name, () => {
      describe('valid', () => {
        for (const c of cases.valid) it(c.title, async () => c.run(await once()));
      });
      describe('invalid', () => {
        for (const c of cases.invalid) it(c.title, async () => c.run(await once()));
      });
    });
  }

  /**
   * Runs every case and resolves when all pass; otherwise rejects with one RuleTestError
   * listing each failing case with its expected/actual findings. For runners without
   * describe/it.
   */
  async check(rule: string | RuleInput, tests: RuleTests): Promise<void> {
    const p = await this.#prepare(rule);
    const cases = this.#cases(tests);
    const failures: string[] = [];
    for (const [group, list] of [['valid', cases.valid], ['invalid', cases.invalid]] as const) {
      for (const c of list) {
        try {
          await c.run(p);
        } catch (err) {
          failures.push(`${group} › ${c.title}: ${(err as Error).message}`);
        }
      }
    }
    if (failures.length > 0) throw new RuleTestError(`rule ${p.id}: ${failures.length} case(s) failed\n${failures.join('\n')}`);
  }
}
