import { parseClaim, type InputError } from '../claim/parse.js';
import { MAX_STRING } from '../claim/schema.js';
import type { CodeSetCatalog } from '../codeset/types.js';
import { builtinDataDir, builtinRulesDir } from '../engine/builtin-paths.js';
import { chooseRules, type ActiveRuleChoice } from '../engine/config.js';
import { RuleLoadError, type LoadIssue } from '../engine/errors.js';
import { compileRules, evaluate, type EvaluationMode } from '../engine/evaluate.js';
import { summarize } from '../engine/findings.js';
import { CodeCache } from '../engine/facts/code-cache.js';
import { buildContext } from '../engine/facts/context.js';
import { factProviders } from '../engine/facts/registry.js';
import type { FactProvider } from '../engine/facts/types.js';
import { loadRules, readPackTables, type RuleSource } from '../engine/load-rules.js';
import { mergeTables, readTableDir } from '../engine/tables/load.js';
import type { DataTables } from '../engine/tables/types.js';
import type { Claim } from '../claim/schema.js';
import type { ClaimContext } from '../engine/facts/types.js';
import type { Finding, Report } from '../report/types.js';
import { checkOptions } from './options.js';
import type { RuleMeta, ValidateOptions, Validator, ValidatorOptions } from './types.js';
import { mapOrdered } from './validate-many.js';

/**
 * The id of an input that failed validation, echoed so the report can be matched to it — only
 * when it is one the claim schema would accept (a short string or a finite number): NaN and
 * Infinity do not survive JSON, and a 10 MB id has no place in an error report.
 */
function idOf(input: unknown): string | number | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const id = (input as { id?: unknown }).id;
  if (typeof id === 'string') return id.length <= MAX_STRING ? id : undefined;
  return typeof id === 'number' && Number.isFinite(id) ? plainId(id) : undefined;
}

/** -0 as 0: JSON has no -0, so a report must not depend on it. */
function plainId<T extends string | number>(id: T): T {
  return (typeof id === 'number' ? id + 0 : id) as T;
}

function failed(input: unknown, inputErrors: InputError[], inputWarnings?: InputError[]): Report {
  const report = {} as Report;
  const id = idOf(input);
  if (id !== undefined) report.id = id;
  report.release = null;
  report.findings = [];
  report.summary = { error: 0, warning: 0, info: 0 };
  report.inputErrors = inputErrors;
  if (inputWarnings && inputWarnings.length > 0) report.inputWarnings = inputWarnings;
  return report;
}

/** The report of a checked claim; keys in the documented order: id, release, notesFrom, findings, summary. */
function report(claim: Claim, ctx: ClaimContext, findings: Finding[], vo: ValidateOptions | undefined): Report {
  const out = {} as Report;
  if (claim.id !== undefined) out.id = plainId(claim.id);
  out.release = ctx.claimFacts.release;
  const prov = ctx.codeSet?.provenance;
  if (prov?.tabularBorrowed && prov.tabular) out.notesFrom = prov.tabular;
  out.findings = findings;
  out.summary = summarize(findings);
  if (vo?.inputWarnings && vo.inputWarnings.length > 0) out.inputWarnings = vo.inputWarnings;
  return out;
}

/** A bug in a rule or provider must not stop a batch: it is reported on the claim. */
function crashed(input: unknown, err: unknown, vo: ValidateOptions | undefined): Report {
  return failed(input, [{ path: '', message: `dxlint could not check this claim: ${(err as Error).message}` }], vo?.inputWarnings);
}

/**
 * Builds a validator: loads the code set (when `data` is given), the rules and data tables,
 * checks every rule file and the configuration (one RuleLoadError listing every problem),
 * and compiles the rules. Build it once and reuse it: it holds no per-claim state.
 *
 * @example
 * const validator = await createValidator({ data: '../shared/icd10cm', preset: 'recommended' });
 * const report = await validator.validate({ type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }] });
 */
export async function createValidator(options: ValidatorOptions): Promise<Validator> {
  const opts = checkOptions(options);
  let catalog = opts.catalog;
  if (!catalog) {
    const { loadCatalog } = await import('../codeset/index.js');
    catalog = await loadCatalog(opts.data);
  }
  return buildValidator(catalog, opts);
}

/** Like createValidator, for a catalog already loaded (synchronous). */
export function buildValidator(catalog: CodeSetCatalog, options: Omit<ValidatorOptions, 'catalog' | 'data'>): Validator {
  return buildChecker(catalog, options).validator;
}

/**
 * A validator and its synchronous core (internal: the batch worker checks a chunk in one go
 * with it, instead of one promise per claim). `check` returns the report itself, or a promise
 * in the modes that run json-rules-engine; it never throws.
 */
export interface Checker {
  validator: Validator;
  check(input: unknown): Report | Promise<Report>;
}

/** See {@link buildValidator}. */
export function buildChecker(catalog: CodeSetCatalog, options: Omit<ValidatorOptions, 'catalog' | 'data'>): Checker {
  const opts = checkOptions(options);
  const builtin = opts.builtinRules !== false;
  const packs: RuleSource[] = opts.rulePacks ?? [];
  const issues: LoadIssue[] = [];
  const tables: DataTables = mergeTables(
    [
      builtin ? readTableDir(builtinDataDir(), issues) : [],
      readPackTables(packs, issues),
      ...(opts.tables ?? []).map((d) => readTableDir(d, issues)),
    ],
    issues,
  );
  if (issues.length > 0) throw new RuleLoadError(issues);
  const loaded = loadRules([...(builtin ? [builtinRulesDir()] : []), ...packs], { tables });

  let choices: ActiveRuleChoice[];
  if (opts.only) {
    const ids = new Set(loaded.map((l) => l.rule.id));
    const unknown = opts.only.filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw new RuleLoadError(unknown.map((id) => ({ file: 'options', path: 'only', message: `no rule "${id}" is loaded` })));
    }
    choices = loaded
      .filter((l) => opts.only!.includes(l.rule.id))
      .map((l) => {
        const setting = opts.rules && Object.hasOwn(opts.rules, l.rule.id) ? opts.rules[l.rule.id] : undefined;
        return { loaded: l, severityOverride: setting === undefined || setting === 'off' ? undefined : setting };
      });
  } else {
    choices = chooseRules(loaded, { ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.rules ? { rules: opts.rules } : {}) });
  }
  const compiled = compileRules(choices);
  const mode: EvaluationMode = opts.mode ?? 'compiled';
  const providers = new Map<string, FactProvider>(factProviders.map((p) => [p.name, p]));
  // What this validator has worked out per code (bounded; see CodeCache).
  const codes = new CodeCache(catalog);

  const chosen = new Map(choices.map((c) => [c.loaded.rule.id, c]));
  const rules: RuleMeta[] = loaded
    .map((l): RuleMeta => {
      const c = chosen.get(l.rule.id);
      return {
        id: l.rule.id,
        title: l.rule.title,
        severity: c?.severityOverride ?? l.rule.severity,
        guideline: l.rule.guideline,
        scope: l.rule.scope,
        settings: l.rule.settings,
        presets: l.rule.presets,
        enabled: c !== undefined,
        description: l.rule.docs.description,
        details: l.rule.docs.details,
        file: l.file,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  /** The report of one claim; a promise only in the modes that run json-rules-engine. Never throws. */
  const check = (input: unknown, vo?: ValidateOptions): Report | Promise<Report> => {
    try {
      const parsed = parseClaim(input);
      if (!parsed.ok) return failed(input, parsed.errors, vo?.inputWarnings);
      const ctx = buildContext(parsed.claim, codes, tables, providers);
      const findings = evaluate(compiled, ctx, mode);
      const done = (f: Finding[]) => report(parsed.claim, ctx, f, vo);
      return Array.isArray(findings) ? done(findings) : findings.then(done, (err: unknown) => crashed(input, err, vo));
    } catch (err) {
      return crashed(input, err, vo);
    }
  };
  // Always a promise (the API is asynchronous), but no extra turn of the event loop when the
  // report is ready at once, as it is in the default compiled mode.
  const validate = (input: unknown, vo?: ValidateOptions): Promise<Report> => {
    const r = check(input, vo);
    return r instanceof Promise ? r : Promise.resolve(r);
  };

  const validator: Validator = Object.freeze({
    rules,
    catalog,
    validate,
    validateMany: (inputs: Iterable<unknown> | AsyncIterable<unknown>, mo?: { concurrency?: number }) =>
      mapOrdered(inputs, (i) => validate(i), Math.max(1, Math.floor(mo?.concurrency ?? 16))),
  });
  return { validator, check: (input) => check(input) };
}
