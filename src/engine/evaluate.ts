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

/** Compiles the chosen rules (once per validator). */
export function compileRules(choices: readonly ActiveRuleChoice[]): CompiledRule[] {
  return choices.map((c) => new CompiledRule(c));
}

/** Gate answers are packed 30 to a number (small integers stay unboxed in V8). */
const GATE_BITS = 30;

/**
 * The gates of a rule list for one code, packed: bit (i % 30) of word ⌊i / 30⌋ is set when
 * rule i has no gate or its gate holds for the code. Kept with the code's shared facts (a
 * code's gate answers never change), so a claim of known codes skips every rule whose
 * code-only part fails (a clean code fails the gates of code-format, code-not-billable,
 * first-listed-only…) without evaluating it.
 */
function gatesFor(rules: readonly CompiledRule[], env: Env): readonly number[] {
  return DxFactsClass.shared(env.target as DxFacts).gates(rules, () => {
    const words: number[] = new Array<number>(Math.ceil(rules.length / GATE_BITS)).fill(0);
    for (let i = 0; i < rules.length; i++) {
      const g = rules[i]!.gate;
      if (g === undefined || g(env)) words[(i / GATE_BITS) | 0]! |= 1 << i % GATE_BITS;
    }
    return words;
  });
}

/** Whether rule `i`'s gate holds in packed gate words. */
function gateHolds(words: readonly number[], i: number): boolean {
  return (words[(i / GATE_BITS) | 0]! & (1 << i % GATE_BITS)) !== 0;
}

/**
 * Runs the rules on one claim's context and returns its findings in the stable order.
 * Returns a plain array (not a promise) in the compiled mode, and in the fast mode when no
 * rule's pre-filter holds (the common case for a clean claim).
 */
export function evaluate(rules: readonly CompiledRule[], ctx: ClaimContext, mode: EvaluationMode = 'compiled'): Finding[] | Promise<Finding[]> {
  const reporting = ctx.claimFacts.reporting;
  const compiled = mode === 'compiled';
  const reference = mode === 'reference';
  let found: Finding[] | undefined;
  let pending: { rule: CompiledRule; env: Env }[] | undefined;
  // One env per target, shared by every rule of that scope (no allocation per rule).
  const claimEnvs: Env[] = [{ ctx, target: undefined }];
  const dxEnvs: Env[] = ctx.dx.map((target) => ({ ctx, target }));
  const lineEnvs: Env[] = ctx.lines.map((target) => ({ ctx, target }));
  const dxGates = reference ? [] : dxEnvs.map((env) => gatesFor(rules, env));
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    if (rule.settings && !rule.settings.has(reporting)) continue;
    const envs = rule.scope === 'diagnosis' ? dxEnvs : rule.scope === 'line' ? lineEnvs : claimEnvs;
    for (let t = 0; t < envs.length; t++) {
      const env = envs[t]!;
      if (reference) {
        (pending ??= []).push({ rule, env });
        continue;
      }
      // A diagnosis rule holds when its gate (remembered for the code) and the rest hold.
      const holds = rule.gate ? gateHolds(dxGates[t]!, r) && rule.rest(env) : rule.predicate(env);
      if (!holds) continue;
      if (compiled) (found ??= []).push(rule.finding(rule.direct(env), env.target));
      else (pending ??= []).push({ rule, env });
    }
  }
  if (compiled) return found ? sortFindings(found) : [];
  if (!pending) return [];
  return Promise.all(
    pending.map(async ({ rule, env }) => {
      const run = await rule.engine.run(rule.runtimeFacts(env));
      return run.fired ? rule.finding(run, env.target) : undefined;
    }),
  ).then((results) => sortFindings(results.filter((f): f is Finding => f !== undefined)));
}
