import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseClaim } from '../claim/parse.js';
import { RuleLoadError, zodIssues, type LoadIssue } from './errors.js';
import { providersForScope } from './facts/registry.js';
import type { FactProvider } from './facts/types.js';
import { operators as allOperators, type OperatorSpec } from './operators/index.js';
import { parsePath } from './path.js';
import { ruleFileSchema, type Condition, type RuleFile, type RuleInput, type Severity, type TopLevelCondition } from './rule-schema.js';
import { readTableDir } from './tables/load.js';
import type { DataTable, DataTables } from './tables/types.js';
import { parseTemplate, type TemplatePart } from './template.js';

/** A value read from a fact when the rule fires: `{ fact, path }` as json-rules-engine takes it. */
export interface FactRef {
  fact: string;
  path?: string;
}

/** A rule file checked against the facts, operators and tables, with its values prepared. */
export interface LoadedRule {
  /** File it came from; "" for a rule object passed in code. */
  readonly file: string;
  /** The rule as written (validated). */
  readonly rule: RuleFile;
  /** The conditions with operator values prepared (code lists parsed once). */
  readonly conditions: TopLevelCondition;
  readonly cases: readonly { when: TopLevelCondition; severity?: Severity; message?: TemplatePart[] }[];
  readonly message: TemplatePart[];
  /**
   * Event params: every placeholder of the message(s), the rule's own params, and the reserved
   * `$suggestions` / `$related`. json-rules-engine resolves the fact references when it fires.
   */
  readonly params: Readonly<Record<string, FactRef | string | number | boolean>>;
  /** Facts the rule names anywhere (conditions, cases, params). */
  readonly facts: ReadonlySet<string>;
}

/** Where rules come from: a file or folder path, or a rule object. */
export type RuleSource = string | RuleInput;

export interface LoadContext {
  tables: DataTables;
  providers?: readonly FactProvider[];
}

/** Reads the rule sources: files, folders (their `*.json`, not recursive) and objects. */
export function readRuleSources(sources: readonly RuleSource[], issues: LoadIssue[]): { file: string; json: unknown }[] {
  const out: { file: string; json: unknown }[] = [];
  for (const source of sources) {
    if (typeof source !== 'string') {
      out.push({ file: '', json: source });
      continue;
    }
    let files: string[];
    try {
      files = statSync(source).isDirectory()
        ? readdirSync(source).filter((n) => n.endsWith('.json')).sort().map((n) => path.join(source, n))
        : [source];
    } catch (err) {
      issues.push({ file: source, path: '', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    for (const file of files) {
      try {
        out.push({ file, json: JSON.parse(readFileSync(file, 'utf8')) });
      } catch (err) {
        issues.push({ file, path: '', message: `not valid JSON: ${(err as Error).message}` });
      }
    }
  }
  return out;
}

/** The tables a rule pack ships: `data/*.json` inside each folder source. */
export function readPackTables(sources: readonly RuleSource[], issues: LoadIssue[]): DataTable[] {
  const out: DataTable[] = [];
  for (const s of sources) {
    if (typeof s !== 'string') continue;
    try {
      if (statSync(s).isDirectory()) out.push(...readTableDir(path.join(s, 'data'), issues));
    } catch {
      // reported by readRuleSources
    }
  }
  return out;
}

/** Checks and prepares one rule; problems are added to `issues` (undefined returned then). */
export function loadRule(json: unknown, file: string, lc: LoadContext, issues: LoadIssue[]): LoadedRule | undefined {
  const parsed = ruleFileSchema.safeParse(json);
  if (!parsed.success) {
    issues.push(...zodIssues(file, parsed.error));
    return undefined;
  }
  const rule = parsed.data;
  const before = issues.length;
  const add = (at: string, message: string) => issues.push({ file, path: at, message });
  const providers = providersForScope(rule.scope, lc.providers);
  const facts = new Set<string>();

  const checkFactRef = (ref: { fact: string; path?: string | undefined }, at: string): void => {
    const provider = providers.get(ref.fact);
    if (!provider) {
      add(`${at}.fact`, `no fact "${ref.fact}" for a ${rule.scope} rule; available: ${[...providers.keys()].join(', ')}`);
      return;
    }
    facts.add(ref.fact);
    if (ref.path === undefined) return;
    const segments = parsePath(ref.path);
    if (!Array.isArray(segments)) return void add(`${at}.path`, segments.error);
    if (!Object.prototype.hasOwnProperty.call(provider.fields, segments[0]!)) {
      add(`${at}.path`, `fact "${ref.fact}" has no field "${segments[0]}"; fields: ${Object.keys(provider.fields).join(', ')}`);
    }
  };

  const prepare = (c: Condition, at: string): Condition => {
    if ('all' in c) return { all: c.all.map((s, i) => prepare(s, `${at}.all[${i}]`)) };
    if ('any' in c) return { any: c.any.map((s, i) => prepare(s, `${at}.any[${i}]`)) };
    if ('not' in c) return { not: prepare(c.not, `${at}.not`) };
    checkFactRef(c, at);
    const op: OperatorSpec | undefined = allOperators.get(c.operator);
    if (!op) {
      add(`${at}.operator`, `unknown operator "${c.operator}"; use one of ${[...allOperators.keys()].join(', ')}`);
      return c;
    }
    const p = op.prepare(c.value, lc.tables);
    if ('error' in p) {
      add(`${at}.value`, `${p.error} (operator ${op.name} takes ${op.valueHelp})`);
      return c;
    }
    const out: Condition = { fact: c.fact, operator: c.operator, value: p.value };
    if (c.path !== undefined) out.path = c.path;
    return out;
  };

  const conditions = prepare(rule.conditions, 'conditions') as TopLevelCondition;

  const params: Record<string, FactRef | string | number | boolean> = {};
  for (const [name, value] of Object.entries(rule.params ?? {})) {
    if (typeof value === 'object') {
      checkFactRef(value, `params.${name}`);
      params[name] = value.path === undefined ? { fact: value.fact } : { fact: value.fact, path: value.path };
    } else params[name] = value;
  }
  for (const key of ['suggestions', 'related'] as const) {
    const ref = rule[key];
    if (!ref) continue;
    checkFactRef(ref, key);
    params[`$${key}`] = ref.path === undefined ? { fact: ref.fact } : { fact: ref.fact, path: ref.path };
  }

  const template = (text: string, at: string): TemplatePart[] => {
    const parts = parseTemplate(text);
    if (!Array.isArray(parts)) {
      add(at, parts.error);
      return [{ text }];
    }
    for (const part of parts) {
      if (!('name' in part)) continue;
      const [head, ...rest] = part.name.split('.');
      if (rest.length === 0) {
        if (!(head! in (rule.params ?? {}))) add(at, `placeholder "{{${part.name}}}" is not one of the rule's params${rule.params ? ` (${Object.keys(rule.params).join(', ')})` : ''}; for a fact field write "{{fact.field}}"`);
        continue;
      }
      const ref = { fact: head!, path: `$.${rest.join('.')}` };
      const n = issues.length;
      checkFactRef(ref, at);
      // Report the placeholder rather than a ".fact"/".path" sub-field the message does not have.
      for (const issue of issues.slice(n)) {
        issue.path = at;
        issue.message = `placeholder "{{${part.name}}}": ${issue.message}`;
      }
      params[part.name] = ref;
    }
    return parts;
  };

  const message = template(rule.message, 'message');
  const cases = (rule.cases ?? []).map((c, i) => {
    const when = prepare(c.when, `cases[${i}].when`) as TopLevelCondition;
    const out: LoadedRule['cases'][number] = { when };
    if (c.severity) out.severity = c.severity;
    if (c.message) out.message = template(c.message, `cases[${i}].message`);
    return out;
  });

  for (const which of ['invalid', 'valid'] as const) {
    const result = parseClaim(rule.docs[which]);
    if (!result.ok) for (const e of result.errors) add(`docs.${which}${e.path ? `.${e.path}` : ''}`, e.message.replace(/^[^:]*: /, ''));
  }

  if (issues.length > before) return undefined;
  return Object.freeze({ file, rule, conditions, cases, message, params, facts });
}

/**
 * Loads rules from files, folders and objects. Every problem in every file is collected and
 * thrown together as one RuleLoadError (file, field, what is wrong). Two rules with one id
 * are an error naming both files.
 */
export function loadRules(sources: readonly RuleSource[], lc: LoadContext): LoadedRule[] {
  const issues: LoadIssue[] = [];
  const out: LoadedRule[] = [];
  const byId = new Map<string, string>();
  for (const { file, json } of readRuleSources(sources, issues)) {
    const loaded = loadRule(json, file, lc, issues);
    if (!loaded) continue;
    const prev = byId.get(loaded.rule.id);
    if (prev !== undefined) {
      issues.push({ file, path: 'id', message: `rule id "${loaded.rule.id}" is already used by ${prev || 'a rule object'}` });
      continue;
    }
    byId.set(loaded.rule.id, file);
    out.push(loaded);
  }
  // Sorted by file (stable within a file) so the report reads file by file.
  if (issues.length > 0) throw new RuleLoadError(issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
  return out;
}
