import type { Finding } from '../report/types.js';
import { compileConditions, factGetter, splitCodeOnly, type Env, type Predicate } from './compile.js';
import { DxFacts as DxFactsClass } from './facts/dx.js';
import type { ActiveRuleChoice } from './config.js';
import type { DxFacts } from './facts/dx.js';
import type { LineFacts } from './facts/line.js';
import type { ClaimContext } from './facts/types.js';
import { makeFinding, sortFindings, toRelated, toSuggestions } from './findings.js';
import { RuleEngine, type RuleRun } from './jre.js';
import type { FactRef, LoadedRule } from './load-rules.js';
import { parsePath, readPath } from './path.js';
import type { Scope } from './facts/types.js';
import type { Setting, Severity } from './rule-schema.js';
import { renderTemplate } from './template.js';

/**
 * How rules are evaluated (every mode gives the same reports; the tests hold them to it):
 * - `compiled` (default): each rule's conditions are compiled into a synchronous predicate with
 *   json-rules-engine's semantics; when it holds, the finding is made directly: the first case
 *   whose compiled `when` holds, the event params resolved as json-rules-engine resolves them
 *   (`{ fact, path }` read with the same path rule), the same message/related/suggestions code.
 *   No promise, no engine, nothing allocated for a rule that does not fire.
 * - `fast`: the compiled predicate pre-filters; rules whose predicate holds run through
 *   json-rules-engine, which makes the finding (event, params, case).
 * - `reference`: every rule runs through json-rules-engine for every target, no pre-filter.
 *   The naive baseline for benchmarks and the oracle of the equivalence tests.
 */
export type EvaluationMode = 'compiled' | 'fast' | 'reference';

/** How one event param is worked out when the rule fires (json-rules-engine's Almanac.getValue). */
type ParamReader = (env: Env) => unknown;

function paramReader(value: unknown): ParamReader {
  if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, 'fact')) return () => value;
  const ref = value as FactRef;
  const get = factGetter(ref.fact);
  // Almanac.factValue: with a path, follow it only when the fact value is a non-null object.
  if (!ref.path) return get;
  const segments = parsePath(ref.path);
  if (!Array.isArray(segments)) return () => undefined; // rejected at load; resolvePath's answer
  return (env) => {
    const v = get(env);
    return v !== null && typeof v === 'object' ? readPath(v, segments) : v;
  };
}

/** A rule ready to run. */
export class CompiledRule {
  readonly loaded: LoadedRule;
  readonly id: string;
  readonly scope: Scope;
  readonly settings: ReadonlySet<Setting> | undefined;
  readonly severity: Severity;
  readonly severityOverride: Severity | undefined;
  readonly predicate: Predicate;
  /**
   * Diagnosis rules: the part of the conditions that depends on the code alone (remembered per
   * code, see {@link evaluate}) and the rest; the rule holds exactly when both hold.
   */
  readonly gate: Predicate | undefined;
  readonly rest: Predicate;
  readonly engine: RuleEngine;
  readonly #facts: [string, (env: Env) => unknown][];
  /** For the compiled mode: the cases' predicates and the event params' readers. */
  readonly #cases: Predicate[];
  readonly #params: [string, ParamReader][];

  constructor(choice: ActiveRuleChoice) {
    const { loaded } = choice;
    this.loaded = loaded;
    this.id = loaded.rule.id;
    this.scope = loaded.rule.scope;
    this.settings = loaded.rule.settings ? new Set(loaded.rule.settings) : undefined;
    this.severity = loaded.rule.severity;
    this.severityOverride = choice.severityOverride;
    this.predicate = compileConditions(loaded.conditions);
    const split = this.scope === 'diagnosis' ? splitCodeOnly(loaded.conditions) : undefined;
    this.gate = split?.gate;
    this.rest = split?.rest ?? this.predicate;
    this.engine = new RuleEngine(loaded);
    this.#facts = [...loaded.facts].map((name) => [name, factGetter(name)]);
    this.#cases = loaded.cases.map((c) => compileConditions(c.when));
    this.#params = Object.entries(loaded.params).map(([name, value]) => [name, paramReader(value)]);
  }

  /**
   * What json-rules-engine's run would say for a target whose predicate holds (compiled mode):
   * the first case whose `when` holds and the resolved event params.
   */
  direct(env: Env): RuleRun {
    let caseIndex = -1;
    for (let i = 0; i < this.#cases.length; i++) {
      if (this.#cases[i]!(env)) {
        caseIndex = i;
        break;
      }
    }
    const params: Record<string, unknown> = {};
    for (const [name, read] of this.#params) params[name] = read(env);
    return { fired: true, caseIndex, params };
  }

  /** The runtime facts json-rules-engine needs for this rule on a target. */
  runtimeFacts(env: Env): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, get] of this.#facts) out[name] = get(env);
    return out;
  }

  /** Turns a json-rules-engine result into a finding. */
  finding(run: RuleRun, target: DxFacts | LineFacts | undefined): Finding {
    const rule = this.loaded.rule;
    const chosen = run.caseIndex >= 0 ? this.loaded.cases[run.caseIndex] : undefined;
    const severity = this.severityOverride ?? chosen?.severity ?? this.severity;
    const message = renderTemplate(chosen?.message ?? this.loaded.message, run.params);
    const dx = this.scope === 'diagnosis' ? (target as DxFacts) : undefined;
    const line = this.scope === 'line' ? (target as LineFacts) : undefined;
    return makeFinding({
      ruleId: rule.id,
      severity,
      message,
      position: dx?.position,
      code: dx?.dotted,
      line: line?.number,
      related: toRelated(run.params.$related),
      guideline: rule.guideline,
      ...toSuggestions(run.params.$suggestions),
    });
  }
}

/** Gate answers are packed 30 to a number (small integers stay unboxed in V8). */
const GATE_BITS = 30;

/** Bits 0…count-1 packed GATE_BITS to a word: bit i set when `test(i)` holds. */
function packBits(count: number, test: (i: number) => boolean): number[] {
  const words = new Array<number>(Math.ceil(count / GATE_BITS)).fill(0);
  for (let i = 0; i < count; i++) if (test(i)) words[(i / GATE_BITS) | 0]! |= 1 << i % GATE_BITS;
  return words;
}

/** The rules that run for one reporting setting (professional, outpatient, inpatient). */
interface Plan {
  claim: CompiledRule[];
  line: CompiledRule[];
  /** Bit i set: diagnosis rule i runs (packed like the gates). */
  dxMask: number[];
}

/**
 * The chosen rules, compiled once per validator, with what evaluation needs laid out ahead:
 * the rules of each scope, and for diagnosis rules the per-code gates (see {@link gatesFor}).
 */
export class RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Diagnosis rules in order; bit i of a code's gate words belongs to dx[i]. */
  readonly dx: readonly CompiledRule[];
  readonly #plans = new Map<string, Plan>();
  /** Gate words already made, shared: most codes have one of a few patterns. */
  readonly #patterns = new Map<string, readonly number[]>();

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    this.dx = rules.filter((r) => r.scope === 'diagnosis');
  }

  /** One shared, frozen copy of each gate pattern (per code, only a reference is kept). */
  intern(words: number[]): readonly number[] {
    const key = words.join(',');
    const kept = this.#patterns.get(key);
    if (kept) return kept;
    // A handful in practice; the cap only guards against rule sets with very many patterns.
    if (this.#patterns.size < 4096) this.#patterns.set(key, Object.freeze(words));
    return words;
  }

  /** The plan for a reporting setting (a handful of values, so kept). */
  plan(reporting: string): Plan {
    let plan = this.#plans.get(reporting);
    if (plan) return plan;
    const runs = (r: CompiledRule) => !r.settings || r.settings.has(reporting as Setting);
    plan = {
      claim: this.rules.filter((r) => r.scope === 'claim' && runs(r)),
      line: this.rules.filter((r) => r.scope === 'line' && runs(r)),
      dxMask: packBits(this.dx.length, (i) => runs(this.dx[i]!)),
    };
    this.#plans.set(reporting, plan);
    return plan;
  }
}

/** Compiles the chosen rules (once per validator). */
export function compileRules(choices: readonly ActiveRuleChoice[]): RuleSet {
  return new RuleSet(choices.map((c) => new CompiledRule(c)));
}

/**
 * The gates of a rule set's diagnosis rules for one code, packed: bit (i % 30) of word
 * ⌊i / 30⌋ is set when diagnosis rule i has no gate or its gate holds for the code. Kept with
 * the code's shared facts (a code's gate answers never change), so a claim of known codes
 * skips every rule whose code-only part fails (a clean code fails the gates of code-format,
 * code-not-billable, first-listed-only, age-conflict…) without evaluating it.
 */
function gatesFor(set: RuleSet, env: Env): readonly number[] {
  return DxFactsClass.shared(env.target as DxFacts).gates(set, computeGates, env);
}

function computeGates(set: RuleSet, env: Env): readonly number[] {
  return set.intern(
    packBits(set.dx.length, (i) => {
      const g = set.dx[i]!.gate;
      return g === undefined || g(env);
    }),
  );
}

/**
 * Runs the rules on one claim's context and returns its findings in the stable order.
 * Returns a plain array (not a promise) in the compiled mode, and in the fast mode when no
 * rule's pre-filter holds (the common case for a clean claim).
 */
export function evaluate(set: RuleSet, ctx: ClaimContext, mode: EvaluationMode = 'compiled'): Finding[] | Promise<Finding[]> {
  if (mode === 'reference') return viaEngine(referenceRuns(set, ctx));
  const compiled = mode === 'compiled';
  const plan = set.plan(ctx.claimFacts.reporting);
  let found: Finding[] | undefined;
  let pending: { rule: CompiledRule; env: Env }[] | undefined;
  const hit = (rule: CompiledRule, env: Env) => {
    if (compiled) (found ??= []).push(rule.finding(rule.direct(env), env.target));
    else (pending ??= []).push({ rule, env });
  };
  const claimEnv: Env = { ctx, target: undefined };
  for (const rule of plan.claim) if (rule.predicate(claimEnv)) hit(rule, claimEnv);
  // Per diagnosis, only the rules whose bit is set in both its gates and the plan run: a
  // clean code leaves a few of them.
  const dxRules = set.dx;
  for (const target of ctx.dx) {
    const env: Env = { ctx, target };
    const gates = gatesFor(set, env);
    for (let w = 0; w < gates.length; w++) {
      let bits = gates[w]! & plan.dxMask[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const rule = dxRules[w * GATE_BITS + 31 - Math.clz32(low)]!;
        if (rule.rest(env)) hit(rule, env);
      }
    }
  }
  for (const target of ctx.lines) {
    const env: Env = { ctx, target };
    for (const rule of plan.line) if (rule.predicate(env)) hit(rule, env);
  }
  if (compiled) return found ? sortFindings(found) : [];
  return pending ? viaEngine(pending) : [];
}

/** Every rule on every target of its scope, for the reference mode (no pre-filter, no gates). */
function referenceRuns(set: RuleSet, ctx: ClaimContext): { rule: CompiledRule; env: Env }[] {
  const reporting = ctx.claimFacts.reporting;
  const runs: { rule: CompiledRule; env: Env }[] = [];
  for (const rule of set.rules) {
    if (rule.settings && !rule.settings.has(reporting)) continue;
    const targets = rule.scope === 'diagnosis' ? ctx.dx : rule.scope === 'line' ? ctx.lines : [undefined];
    for (const target of targets) runs.push({ rule, env: { ctx, target } });
  }
  return runs;
}

/** Runs rules through json-rules-engine, which decides and makes the findings. */
function viaEngine(runs: { rule: CompiledRule; env: Env }[]): Promise<Finding[]> {
  return Promise.all(
    runs.map(async ({ rule, env }) => {
      const run = await rule.engine.run(rule.runtimeFacts(env));
      return run.fired ? rule.finding(run, env.target) : undefined;
    }),
  ).then((results) => sortFindings(results.filter((f): f is Finding => f !== undefined)));
}
