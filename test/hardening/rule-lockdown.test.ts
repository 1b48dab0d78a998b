/**
 * User rule files are data: nothing in a rule file can run code. json-rules-engine resolves
 * `path` with jsonpath-plus by default, whose filter and script expressions (`?(...)`, `(...)`)
 * evaluate JavaScript, and it accepts custom operators, shared `condition` references and
 * fact references in `value`. Every one of these is refused when the rule is loaded, with a
 * message naming the file and the field, and no payload ever runs: each payload would set a
 * global flag, which the tests check after loading and after validating claims.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/codeset/index.js';
import { RuleLoadError } from '../../src/engine/errors.js';
import { resolvePath } from '../../src/engine/path.js';
import { buildValidator } from '../../src/validator/index.js';
import { loadTestCatalog } from '../helpers/data.js';

const FLAG = '__dxlintPwned';
const flagged = () => (globalThis as Record<string, unknown>)[FLAG];
/** Sets the flag if evaluated by jsonpath-plus (or anything that runs it as JavaScript). */
const SCRIPT = `globalThis.${FLAG} = 1`;
const FILTER_PATH = `$..[?(@.constructor.constructor('${SCRIPT}')())]`;
const SCRIPT_PATH = `$[(@.constructor.constructor('${SCRIPT}')())]`;

let catalog: Catalog;
let dir: string;

beforeAll(async () => {
  catalog = await loadTestCatalog();
  dir = mkdtempSync(join(tmpdir(), 'dxlint-rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  expect(flagged(), 'a payload ran').toBeUndefined();
  delete (globalThis as Record<string, unknown>)[FLAG];
});

const claim = { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }, { code: 'J45.909' }] };

/** A valid pack rule: flags Z53 wherever it is. */
function baseRule(): Record<string, unknown> {
  return {
    id: 'pack-flags-z53',
    title: 'Z53 on the claim',
    severity: 'warning',
    guideline: 'test pack',
    scope: 'diagnosis',
    presets: ['recommended'],
    message: '{{dx.dotted}} is on the claim',
    conditions: { all: [{ fact: 'dx', path: '$.code', operator: 'equal', value: 'Z53' }] },
    docs: {
      description: 'Flags Z53.',
      details: 'A test rule.',
      invalid: { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }] },
      valid: { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'J45.909' }] },
    },
  };
}

/** Writes a rule to a pack folder and loads it; returns the RuleLoadError (or undefined). */
function loadPackFile(name: string, rule: unknown): { error: RuleLoadError | undefined; file: string } {
  const pack = join(dir, name);
  mkdirSync(pack, { recursive: true });
  const file = join(pack, 'rule.json');
  writeFileSync(file, typeof rule === 'string' ? rule : JSON.stringify(rule));
  try {
    buildValidator(catalog, { rulePacks: [pack] });
    return { error: undefined, file };
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    return { error: err, file };
  }
}

function expectRefused(name: string, rule: unknown, field: string, message: RegExp): void {
  const { error, file } = loadPackFile(name, rule);
  expect(error, `${name} was accepted`).toBeInstanceOf(RuleLoadError);
  const issue = error!.issues.find((i) => i.file === file && i.path === field);
  expect(issue, `no issue at ${field}: ${error!.message}`).toBeDefined();
  expect(issue!.message).toMatch(message);
  // The thrown message names the file and the field.
  expect(error!.message).toContain(file);
  if (field !== '') expect(error!.message).toContain(field);
}

describe('the pack rule itself', () => {
  it('loads and fires when it holds no payload (so the refusals below are about the payloads)', async () => {
    const pack = join(dir, 'good');
    mkdirSync(pack, { recursive: true });
    writeFileSync(join(pack, 'rule.json'), JSON.stringify(baseRule()));
    const v = buildValidator(catalog, { rulePacks: [pack] });
    const report = await v.validate(claim);
    expect(report.findings.filter((f) => f.ruleId === 'pack-flags-z53').map((f) => f.position)).toEqual([1]);
  });
});

describe('path expressions', () => {
  it('refuses a jsonpath filter expression in a condition path', () => {
    const rule = baseRule();
    rule.conditions = { all: [{ fact: 'dx', path: FILTER_PATH, operator: 'equal', value: 'Z53' }] };
    expectRefused('filter', rule, 'conditions.all[0].path', /may only hold names and array indexes/);
  });

  it('refuses a jsonpath script expression in a condition path', () => {
    const rule = baseRule();
    rule.conditions = { all: [{ fact: 'dx', path: SCRIPT_PATH, operator: 'equal', value: 'Z53' }] };
    expectRefused('script', rule, 'conditions.all[0].path', /must start with "\$\."|may only hold names/);
  });

  it('refuses recursive descent and prototype walks in a path', () => {
    for (const [name, path, msg] of [
      ['descent', '$..code', /may only hold names/],
      ['proto', '$.__proto__.polluted', /may only hold names|may not use "__proto__"/],
      ['ctor', '$.constructor.constructor', /may not use "constructor"/],
    ] as const) {
      const rule = baseRule();
      rule.conditions = { all: [{ fact: 'dx', path, operator: 'equal', value: 'Z53' }] };
      expectRefused(name, rule, 'conditions.all[0].path', msg);
    }
  });

  it('refuses expressions in params, suggestions and related fact references', () => {
    const withParam = { ...baseRule(), params: { what: { fact: 'dx', path: FILTER_PATH } }, message: '{{what}}' };
    expectRefused('param', withParam, 'params.what.path', /may only hold names/);
    expectRefused('suggestions', { ...baseRule(), suggestions: { fact: 'dx', path: FILTER_PATH } }, 'suggestions.path', /may only hold names/);
    expectRefused('related', { ...baseRule(), related: { fact: 'dx', path: SCRIPT_PATH } }, 'related.path', /must start|may only hold/);
  });

  it('refuses a message placeholder that walks to the Function constructor', () => {
    expectRefused('template', { ...baseRule(), message: '{{dx.constructor.constructor}}' }, 'message', /constructor/);
  });

  it('never evaluates an expression even if one reached the resolver the engine uses', () => {
    const fact = { code: 'Z53', nested: { code: 'Z53' } };
    expect(resolvePath(fact, FILTER_PATH)).toBeUndefined();
    expect(resolvePath(fact, SCRIPT_PATH)).toBeUndefined();
    expect(resolvePath(fact, '$.constructor')).toBeUndefined();
    expect(resolvePath(fact, '$.code')).toBe('Z53');
  });

  it('documents why: json-rules-engine with its default resolver evaluates filter expressions', async () => {
    // jsonpath-plus (json-rules-engine's default resolver) evaluates `?(...)` filters: since its
    // CVE-2024-21534 fix with a restricted evaluator, but still an expression language in a data
    // file. If an upgrade stops evaluating them this test says so (the lockdown stays).
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({
      conditions: { all: [{ fact: 'dx', path: '$.items[?(@.b == 1)].c', operator: 'contains', value: 'hit' }] },
      event: { type: 'fired' },
    });
    const { events } = await engine.run({ dx: { items: [{ b: 1, c: 'hit' }, { b: 2, c: 'miss' }] } });
    expect(events.map((e) => e.type)).toEqual(['fired']);
    // Our resolver treats the same path as no value at all.
    expect(resolvePath({ items: [{ b: 1, c: 'hit' }] }, '$.items[?(@.b == 1)].c')).toBeUndefined();
  });
});

describe('operators, shared conditions and fact values', () => {
  it('refuses an unknown operator, including json-rules-engine decorators', () => {
    for (const op of ['eval', 'everyFact:equal', 'not:equal', 'constructor', '__proto__']) {
      const rule = baseRule();
      rule.conditions = { all: [{ fact: 'dx', path: '$.code', operator: op, value: 'Z53' }] };
      expectRefused(`op-${op.replace(/\W/g, '')}`, rule, 'conditions.all[0].operator', /unknown operator/);
    }
  });

  it('refuses a shared-condition reference', () => {
    const rule = baseRule();
    rule.conditions = { all: [{ condition: 'sharedPayload' }] };
    expectRefused('condition-ref', rule, 'conditions.all[0]', /shared-condition references/);
  });

  it('refuses a fact reference as a value', () => {
    const rule = baseRule();
    rule.conditions = { all: [{ fact: 'dx', path: '$.code', operator: 'equal', value: { fact: 'dx', path: FILTER_PATH } }] };
    expectRefused('fact-value', rule, 'conditions.all[0].value', /comparing with another fact/);
  });

  it('refuses extra keys: engine options, callbacks, priorities, per-condition params', () => {
    // zod reports an unknown top-level key at the root, naming the key.
    expectRefused('top-extra', { ...baseRule(), onSuccess: `function () { ${SCRIPT} }` }, '', /Unrecognized key: "onSuccess"/);
    expectRefused('top-decorators', { ...baseRule(), decorators: ['everyFact'] }, '', /Unrecognized key: "decorators"/);
    const rule = baseRule();
    rule.conditions = { all: [{ fact: 'dx', path: '$.code', operator: 'equal', value: 'Z53', priority: 1, params: { x: 1 } }] };
    expectRefused('leaf-extra', rule, 'conditions.all[0].priority', /unknown key "priority"/);
  });

  it('refuses an unknown fact (a rule file cannot add facts)', () => {
    const rule = baseRule();
    rule.conditions = { all: [{ fact: 'process', path: '$.env', operator: 'equal', value: 'x' }] };
    expectRefused('fact', rule, 'conditions.all[0].fact', /no fact "process"/);
  });

  it('names the file of a rule file that is not JSON, or JSON with a __proto__ key', () => {
    const { error, file } = loadPackFile('not-json', '{ "id": "x", ');
    expect(error?.message).toContain(file);
    expect(error?.issues[0]?.message).toMatch(/not valid JSON/);
    const proto = `{"__proto__": {"polluted": 1}, ${JSON.stringify(baseRule()).slice(1)}`;
    const loaded = loadPackFile('proto', proto);
    // Either refused (naming the key) or loaded with the key ignored; never a polluted prototype.
    if (loaded.error) expect(loaded.error.message).toContain(loaded.file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rule ids that are Object.prototype names', () => {
  it('a pack rule with id "constructor" follows its presets and severity like any other', async () => {
    const rule = { ...baseRule(), id: 'constructor', presets: ['strict'] };
    // Not in the default preset: off.
    const off = await buildValidator(catalog, { rulePacks: [rule as never] }).validate(claim);
    expect(off.findings.map((f) => f.ruleId)).not.toContain('constructor');
    expect(Object.keys(off.summary).sort()).toEqual(['error', 'info', 'warning']);
    // Turned on by configuration (as read from a JSON config file): the configured severity, and
    // a summary with the three keys only.
    const on = await buildValidator(catalog, { rulePacks: [rule as never], rules: JSON.parse('{"constructor": "info"}') }).validate(claim);
    expect(on.findings.filter((f) => f.ruleId === 'constructor').map((f) => f.severity)).toEqual(['info']);
    expect(Object.keys(on.summary).sort()).toEqual(['error', 'info', 'warning']);
    // With `only`, too.
    const only = await buildValidator(catalog, { rulePacks: [rule as never], only: ['constructor'], rules: {} }).validate(claim);
    expect(only.findings.map((f) => [f.ruleId, f.severity])).toEqual([['constructor', 'warning']]);
  });
});

describe('running claims through a validator with user packs', () => {
  it('never runs a payload while validating', async () => {
    const v = buildValidator(catalog, { rulePacks: [baseRule() as never] });
    for (const c of [claim, { ...claim, diagnoses: [{ code: FILTER_PATH }] }, { ...claim, id: SCRIPT }]) {
      const report = await v.validate(c);
      expect(Array.isArray(report.findings)).toBe(true);
    }
  });
});
