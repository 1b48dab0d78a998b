import type { DxFacts } from './facts/dx.js';
import type { LineFacts } from './facts/line.js';
import type { ClaimContext } from './facts/types.js';
import { operators } from './operators/index.js';
import { FACT_GETTERS, parsePath, readPath, readSegment } from './path.js';
import type { Condition, TopLevelCondition } from './rule-schema.js';
import { CODE_ONLY_DX_FIELDS } from './facts/dx.js';
import { factProviders } from './facts/registry.js';

/** What a compiled condition is evaluated against: one claim and, below claim scope, one target. */
export interface Env {
  ctx: ClaimContext;
  target: DxFacts | LineFacts | undefined;
}

export type Predicate = (env: Env) => boolean;

/** Reads a named fact for an env: the target itself for dx/line, else the claim context. */
export function factGetter(name: string): (env: Env) => unknown {
  if (name === 'dx' || name === 'line') return (env) => env.target;
  if (name === 'claim') return (env) => env.ctx.claimFacts;
  return (env) => env.ctx.fact(name, env.target);
}

/**
 * Compiles prepared conditions into a synchronous predicate with json-rules-engine's
 * semantics for the subset rule files may use:
 * - `all` holds when every condition holds, `any` when one does, `not` negates (empty lists
 *   are rejected at load, so their special cases never arise);
 * - a leaf reads the fact; with a `path`, it follows the path only when the fact value is a
 *   non-null object, and otherwise compares the fact value itself (as the Almanac does);
 * - the operator is the very function registered with json-rules-engine, and only a result
 *   `=== true` counts (as in Rule.evaluate).
 * Evaluation order and short-circuiting differ from the engine's, which is harmless: facts and
 * operators are pure.
 */
export function compileConditions(c: TopLevelCondition | Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(compileConditions);
    if (parts.length === 1) return parts[0]!;
    return (env) => {
      for (const p of parts) if (!p(env)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileConditions);
    if (parts.length === 1) return parts[0]!;
    return (env) => {
      for (const p of parts) if (p(env)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compileConditions(c.not);
    return (env) => !inner(env);
  }
  const op = operators.get(c.operator);
  if (!op) throw new Error(`unknown operator "${c.operator}" (the rule should have been rejected at load)`);
  const evaluate = specialized(c.operator, c.value) ?? ((lhs: unknown) => op.evaluate(lhs, c.value) === true);
  const get = factGetter(c.fact);
  if (c.path === undefined) return (env) => evaluate(get(env));
  const segments = parsePath(c.path);
  if (!Array.isArray(segments)) throw new Error(segments.error);
  const [head, ...rest] = segments as [string, ...string[]];
  // The built-in facts are always fact-class objects (DxFacts, LineFacts, ClaimFacts) in their
  // scopes: the first segment was checked against the class's declared fields at load, and
  // every declared field is an own property or an exposed getter, so a direct read equals
  // readSegment's.
  const factClass = c.fact === 'dx' || c.fact === 'line' || c.fact === 'claim';
  if (factClass && rest.length === 0) {
    return (env) => {
      const fact = get(env);
      return evaluate(fact !== null && typeof fact === 'object' ? (fact as Record<string, unknown>)[head] : fact);
    };
  }
  return (env) => {
    const fact = get(env);
    let lhs: unknown = fact;
    if (fact !== null && typeof fact === 'object') {
      lhs = FACT_GETTERS in fact ? (fact as Record<string, unknown>)[head] : readSegment(fact, head);
      if (rest.length > 0 && lhs !== undefined) lhs = readPath(lhs, rest);
    }
    return evaluate(lhs);
  };
}

/**
 * json-rules-engine's own operators written out for one value, with the same results: its
 * callback after its fact-value validator (none for equal/notEqual/in/notIn; for the number
 * comparisons `Number.parseFloat(x).toString() !== 'NaN'`, which for a number is "not NaN").
 * Anything else goes through the registered operator itself.
 */
function specialized(name: string, value: unknown): ((lhs: unknown) => boolean) | undefined {
  switch (name) {
    case 'equal':
      return (lhs) => lhs === value;
    case 'notEqual':
      return (lhs) => lhs !== value;
    case 'in':
      return Array.isArray(value) ? (lhs) => value.indexOf(lhs) > -1 : undefined;
    case 'notIn':
      return Array.isArray(value) ? (lhs) => value.indexOf(lhs) === -1 : undefined;
    case 'greaterThan':
    case 'greaterThanInclusive':
    case 'lessThan':
    case 'lessThanInclusive': {
      const op = operators.get(name)!;
      if (typeof value !== 'number') return undefined;
      const cmp =
        name === 'greaterThan'
          ? (x: number) => x > value
          : name === 'greaterThanInclusive'
            ? (x: number) => x >= value
            : name === 'lessThan'
              ? (x: number) => x < value
              : (x: number) => x <= value;
      return (lhs) => (typeof lhs === 'number' ? !Number.isNaN(lhs) && cmp(lhs) : op.evaluate(lhs, value) === true);
    }
    default:
      return undefined;
  }
}

/** True when a condition reads only `dx` fields that depend on the code alone (CODE_ONLY_DX_FIELDS). */
export function isCodeOnly(c: Condition | TopLevelCondition): boolean {
  if ('all' in c) return c.all.every(isCodeOnly);
  if ('any' in c) return c.any.every(isCodeOnly);
  if ('not' in c) return isCodeOnly(c.not);
  if (c.fact !== 'dx' || c.path === undefined) return false;
  const segments = parsePath(c.path);
  return Array.isArray(segments) && CODE_ONLY_DX_FIELDS.has(segments[0]!);
}

/** The fact names a condition reads. */
function factsOf(c: Condition | TopLevelCondition, into = new Set<string>()): Set<string> {
  if ('all' in c) for (const p of c.all) factsOf(p, into);
  else if ('any' in c) for (const p of c.any) factsOf(p, into);
  else if ('not' in c) factsOf(c.not, into);
  else into.add(c.fact);
  return into;
}

/**
 * A code-only gate implied by a condition on one provider's fact: when the provider declares a
 * code gate and the condition is false on the provider's `none` answer, the condition can only
 * hold where the provider's gate holds (e.g. `ageConflict.conflict == true` needs an age row
 * for the code). Undefined when the condition reads other facts or holds on `none`.
 */
function providerGate(c: Condition | TopLevelCondition): Predicate | undefined {
  const facts = factsOf(c);
  if (facts.size !== 1) return undefined;
  const [name] = facts as unknown as [string];
  const provider = factProviders.find((p) => p.name === name);
  const gate = provider?.scope === 'diagnosis' ? provider.codeGate : undefined;
  if (!gate) return undefined;
  const onNone = compileConditions(c)({ ctx: { fact: () => gate.none } as unknown as ClaimContext, target: undefined });
  if (onNone) return undefined;
  return (env) => gate.applies(env.ctx, env.target as DxFacts);
}

/**
 * Splits a diagnosis rule's top-level `all` into the parts that depend on the code alone (the
 * gate: one answer per code and release, worth remembering) and the rest. The gate holds the
 * code-only conditions and the code gates of the providers the other conditions need (see
 * providerGate); the rest holds every condition that is not code-only. The rule holds exactly
 * when the gate and the rest both hold. Undefined when there is no gate (or the top level is
 * not an `all`).
 */
export function splitCodeOnly(c: TopLevelCondition): { gate: Predicate; rest: Predicate } | undefined {
  if (!('all' in c)) return undefined;
  const codeOnly = c.all.filter(isCodeOnly);
  const rest = c.all.filter((p) => !isCodeOnly(p));
  const implied = rest.map(providerGate).filter((g): g is Predicate => g !== undefined);
  if (codeOnly.length === 0 && implied.length === 0) return undefined;
  const parts = codeOnly.length > 0 ? [compileConditions({ all: codeOnly }), ...implied] : implied;
  const gate: Predicate = parts.length === 1 ? parts[0]! : (env) => parts.every((p) => p(env));
  const always: Predicate = () => true;
  return { gate, rest: rest.length > 0 ? compileConditions({ all: rest }) : always };
}
