import { z } from 'zod';

/**
 * The rule file format (one JSON file per rule in `rules/`, or in a user's rule pack).
 * Validated with zod on load; anything not listed here is rejected (strict objects), so a
 * misspelt key is an error rather than a silently ignored field. See RULES-GUIDE.md.
 */

export const severitySchema = z.enum(['error', 'warning', 'info'], {
  error: 'must be "error", "warning" or "info"',
});
export const scopeSchema = z.enum(['claim', 'diagnosis', 'line'], {
  error: 'must be "claim", "diagnosis" or "line"',
});
/** Reporting settings (see the rule catalog): 837P, 837I outpatient, 837I inpatient. */
export const settingSchema = z.enum(['professional', 'outpatient', 'inpatient'], {
  error: 'must be "professional", "outpatient" or "inpatient"',
});
export const presetSchema = z.enum(['recommended', 'strict'], { error: 'must be "recommended" or "strict"' });

/** `{ "fact": "dx", "path": "$.fixes" }`: a value read from a fact. */
export const factRefSchema = z.strictObject({
  fact: z.string({ error: 'fact must be a string' }),
  path: z.string({ error: 'path must be a string such as "$.code"' }).optional(),
});

/** A condition leaf: `fact` (+ optional `path`) `operator` `value`, as in json-rules-engine. */
export interface LeafCondition {
  fact: string;
  path?: string | undefined;
  operator: string;
  value: unknown;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

const LEAF_KEYS = new Set(['fact', 'path', 'operator', 'value']);
const describeAllowed =
  'a condition is { "all": [...] }, { "any": [...] }, { "not": {...} } or { "fact", "path", "operator", "value" }';

/**
 * Checks the shape of a condition tree, adding one issue per problem at its exact path.
 * Written by hand rather than as a zod union so that a mistake deep in a tree is reported at
 * its own field ("conditions.all[1].any[0].operator") instead of as "invalid union".
 *
 * Empty `all`/`any` lists are rejected: json-rules-engine treats an empty `any` as true, which
 * is never what a rule author means. Shared-condition references (`{ "condition": "name" }`),
 * per-condition `params` and `priority` and fact references inside `value` are not part of
 * the format.
 */
function checkCondition(value: unknown, path: (string | number)[], ctx: z.RefinementCtx, top: boolean): void {
  const issue = (message: string, at: (string | number)[] = path) => ctx.addIssue({ code: 'custom', path: at, message });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issue(top ? 'conditions must be one { "all": [...] }, { "any": [...] } or { "not": {...} }' : describeAllowed);
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const bool = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (bool.length > 0) {
    if (keys.length !== 1) {
      issue(`a boolean condition has exactly one key ("all", "any" or "not"); found ${keys.map((k) => `"${k}"`).join(', ')}`);
      return;
    }
    const op = bool[0]!;
    const sub = obj[op];
    if (op === 'not') {
      if (Array.isArray(sub)) issue('"not" takes one condition, not an array', [...path, 'not']);
      else checkCondition(sub, [...path, 'not'], ctx, false);
      return;
    }
    if (!Array.isArray(sub)) return issue(`"${op}" must be an array of conditions`, [...path, op]);
    if (sub.length === 0) return issue(`"${op}" needs at least one condition`, [...path, op]);
    sub.forEach((c, i) => checkCondition(c, [...path, op, i], ctx, false));
    return;
  }
  if (top) return issue('conditions must be one { "all": [...] }, { "any": [...] } or { "not": {...} }');
  if ('condition' in obj) return issue('shared-condition references ("condition") are not supported; write the condition out');
  for (const k of keys) if (!LEAF_KEYS.has(k)) issue(`unknown key "${k}" in a condition (allowed: fact, path, operator, value)`, [...path, k]);
  if (typeof obj.fact !== 'string') issue('fact must be a string', [...path, 'fact']);
  if (obj.path !== undefined && typeof obj.path !== 'string') issue('path must be a string such as "$.code"', [...path, 'path']);
  if (typeof obj.operator !== 'string') issue('operator must be a string', [...path, 'operator']);
  if (!('value' in obj)) issue('a condition needs a value (json-rules-engine requires one)', [...path, 'value']);
  else if (obj.value !== null && typeof obj.value === 'object' && !Array.isArray(obj.value) && 'fact' in obj.value) {
    issue('comparing with another fact ({ "fact": ... } as value) is not supported', [...path, 'value']);
  }
}

export const conditionSchema = z.unknown().superRefine((v, ctx) => checkCondition(v, [], ctx, false)) as unknown as z.ZodType<Condition>;

export const topLevelConditionSchema = z
  .unknown()
  .superRefine((v, ctx) => checkCondition(v, [], ctx, true)) as unknown as z.ZodType<TopLevelCondition>;

const text = (what: string) => z.string({ error: `${what} must be a string` }).trim().min(1, `${what} may not be empty`);

/** A per-case override: the first case whose `when` holds gives the finding's severity/message. */
export const caseSchema = z.strictObject({
  when: topLevelConditionSchema,
  severity: severitySchema.optional(),
  message: text('message').optional(),
});

export const docsSchema = z.strictObject({
  /** What the rule checks, in a sentence. */
  description: text('docs.description'),
  /** Why it matters, the exceptions, what was confirmed of the guideline text and what not. */
  details: text('docs.details'),
  /** A claim the rule fires on. */
  invalid: z.record(z.string(), z.unknown(), { error: 'docs.invalid must be a claim (a JSON object)' }),
  /** A near-miss claim it does not fire on. */
  valid: z.record(z.string(), z.unknown(), { error: 'docs.valid must be a claim (a JSON object)' }),
});

export const paramNameSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'a param name is camelCase letters and digits (e.g. "count")');

export const ruleFileSchema = z.strictObject({
  /** For editors that validate against a JSON schema; ignored. */
  $schema: z.string().optional(),
  id: z.string({ error: 'id must be a string' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case (e.g. "code-not-billable")'),
  title: text('title'),
  severity: severitySchema,
  guideline: text('guideline'),
  scope: scopeSchema,
  settings: z.array(settingSchema).min(1, 'settings, when given, lists at least one setting').optional(),
  presets: z.array(presetSchema),
  message: text('message'),
  params: z.record(paramNameSchema, z.union([factRefSchema, z.string(), z.number(), z.boolean()])).optional(),
  suggestions: factRefSchema.optional(),
  related: factRefSchema.optional(),
  cases: z.array(caseSchema).min(1, 'cases, when given, lists at least one case').optional(),
  docs: docsSchema,
  conditions: topLevelConditionSchema,
});

/** A rule file as written. */
export type RuleFile = z.output<typeof ruleFileSchema>;
export type RuleInput = z.input<typeof ruleFileSchema>;
export type Severity = z.output<typeof severitySchema>;
export type Preset = z.output<typeof presetSchema>;
export type Setting = z.output<typeof settingSchema>;
