import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { RuleLoadError } from '../../src/engine/errors.js';
import { RuleEngine } from '../../src/engine/jre.js';
import { loadRules } from '../../src/engine/load-rules.js';
import { parsePath, readSegment, resolvePath } from '../../src/engine/path.js';
import { ClaimFacts, CLAIM_FIELDS } from '../../src/engine/facts/claim.js';
import { DX_FIELDS } from '../../src/engine/facts/dx.js';
import { LineFacts, LINE_FIELDS } from '../../src/engine/facts/line.js';
import { DxFacts } from '../../src/engine/facts/dx.js';
import { CodeCache } from '../../src/engine/facts/code-cache.js';
import { buildValidator } from '../../src/validator/create.js';
import type { Report } from '../../src/report/types.js';
import { baseRule } from './helpers.js';
import { smallCatalog } from './fake-codeset.js';

const catalog = smallCatalog();
const claim = (codes: string[], extra: Record<string, unknown> = {}) => ({
  type: 'professional',
  serviceDate: '2025-11-03',
  diagnoses: codes.map((code) => ({ code })),
  ...extra,
});

describe('the built-in rules on a tiny code set', () => {
  const v = buildValidator(catalog, {});

  it('finds the Z53 header with its 12 codes, in the stable order', async () => {
    const r = await v.validate(claim(['Z53', 'Z23', 'z23'], { id: 'c1' }));
    expect(r.id).toBe('c1');
    expect(r.release).toBe('fy2026-oct');
    expect(r.findings.map((f) => [f.ruleId, f.position, f.severity])).toEqual([
      ['code-not-billable', 1, 'error'],
      ['duplicate-diagnosis', 3, 'warning'],
    ]);
    expect(r.findings[0]!.suggestions).toHaveLength(12);
    expect(r.summary).toEqual({ error: 1, warning: 1, info: 0 });
    expect(Object.keys(r)).toEqual(['id', 'release', 'findings', 'summary']);
  });

  it('reports a missing release once, and judges nothing but the format', async () => {
    const r = await v.validate(claim(['Z53', '123'], { serviceDate: '2026-11-03' }));
    expect(r.release).toBeNull();
    expect(r.findings.map((f) => [f.ruleId, f.position])).toEqual([
      ['release-not-loaded', undefined],
      ['code-format', 2],
    ]);
  });

  it('turns bad input into inputErrors, never a throw', async () => {
    const r = await v.validate({ id: 7, type: 'dental', diagnoses: 'Z23' });
    expect(r).toMatchObject({ id: 7, release: null, findings: [], summary: { error: 0, warning: 0, info: 0 } });
    expect(r.inputErrors!.map((e) => e.path)).toEqual(expect.arrayContaining(['type', 'diagnoses']));
    expect((await v.validate(null)).inputErrors).toEqual([{ path: '', message: 'a claim must be a JSON object' }]);
  });

  it('echoes the id of a bad input only when it is a valid id (found by the fast-check property)', async () => {
    for (const id of [Number.NEGATIVE_INFINITY, Number.NaN, 'x'.repeat(201)]) {
      const r = await v.validate({ id, diagnoses: [] });
      expect(r.inputErrors!.length).toBeGreaterThan(0);
      expect('id' in r).toBe(false);
    }
    expect((await v.validate({ id: 'x'.repeat(200), diagnoses: [] })).id).toBe('x'.repeat(200));
    // JSON has no -0: the report says 0, valid claim or not.
    expect(Object.is((await v.validate({ id: -0, diagnoses: [] })).id, 0)).toBe(true);
    expect(Object.is((await v.validate(claim(['Z23'], { id: -0 }))).id, 0)).toBe(true);
  });
});

describe('configuration', () => {
  it('turns a rule off, overrides a severity (beating per-case severities) and rejects unknown ids', async () => {
    const off = buildValidator(catalog, { rules: { 'code-not-billable': 'off' } });
    expect((await off.validate(claim(['Z53']))).findings).toEqual([]);
    expect(off.rules.find((r) => r.id === 'code-not-billable')!.enabled).toBe(false);

    const info = buildValidator(catalog, { rules: { 'poa-invalid': 'info' } });
    const inst = { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [{ code: 'I10', poa: 'y' }, { code: 'E11.9', poa: 'X' }] };
    expect((await info.validate(inst)).findings.map((f) => f.severity)).toEqual(['info', 'info']);

    expect(() => buildValidator(catalog, { rules: { 'code-not-billabel': 'off' } })).toThrow(/configuration: rules.code-not-billabel: no rule "code-not-billabel"/);
    expect(() => buildValidator(catalog, { preset: 'lenient' as never })).toThrow(RuleLoadError);
  });

  it('runs a strict-only rule in strict, or when given a severity; a pack rule with presets []', async () => {
    const strictOnly = baseRule({ id: 'strict-only', presets: ['strict'] });
    const optIn = baseRule({ id: 'opt-in', presets: [] });
    const packs = [strictOnly, optIn] as never[];
    const rec = buildValidator(catalog, { builtinRules: false, rulePacks: packs });
    expect((await rec.validate(claim(['Z53']))).findings).toEqual([]);
    const strict = buildValidator(catalog, { builtinRules: false, rulePacks: packs, preset: 'strict' });
    expect((await strict.validate(claim(['Z53']))).findings.map((f) => f.ruleId)).toEqual(['strict-only']);
    const on = buildValidator(catalog, { builtinRules: false, rulePacks: packs, rules: { 'opt-in': 'warning' } });
    expect((await on.validate(claim(['Z53']))).findings.map((f) => [f.ruleId, f.severity])).toEqual([['opt-in', 'warning']]);
  });

  it('applies a rule only in its settings', async () => {
    const rule = baseRule({ id: 'inpatient-only', settings: ['inpatient'] });
    const v = buildValidator(catalog, { builtinRules: false, rulePacks: [rule as never] });
    expect((await v.validate(claim(['Z53']))).findings).toEqual([]);
    const ip = { type: 'institutional', setting: 'inpatient', statementThrough: '2025-11-03', diagnoses: [{ code: 'Z53' }] };
    expect((await v.validate(ip)).findings.map((f) => f.ruleId)).toEqual(['inpatient-only']);
  });
});

describe('rule features', () => {
  it('fills params from facts and literals, and picks the first matching case', async () => {
    const rule = baseRule({
      id: 'with-params',
      params: { count: { fact: 'dx', path: '$.fixCount' }, word: 'codes' },
      message: '{{dx.dotted}}: {{count}} {{word}} on {{claim.date}}',
      cases: [
        { when: { all: [{ fact: 'dx', path: '$.code', operator: 'codeIn', value: ['Z00.1-'] }] }, severity: 'warning', message: 'child exam {{dx.dotted}}' },
        { when: { all: [{ fact: 'dx', path: '$.code', operator: 'codeIn', value: ['Z00'] }] }, severity: 'info' },
      ],
      related: { fact: 'dx', path: '$.related' },
    });
    const v = buildValidator(catalog, { builtinRules: false, rulePacks: [rule as never] });
    const r = await v.validate(claim(['Z53', 'Z00.12', 'Z00.0']));
    expect(r.findings.map((f) => [f.position, f.severity, f.message])).toEqual([
      [1, 'error', 'Z53: 12 codes on 2025-11-03'],
      [2, 'warning', 'child exam Z00.12'],
      [3, 'info', 'Z00.0: 2 codes on 2025-11-03'],
    ]);
    expect(r.findings.every((f) => f.related === undefined)).toBe(true);
  });
});

describe('fast mode equals reference mode', () => {
  const fast = buildValidator(catalog, { preset: 'strict' });
  const ref = buildValidator(catalog, { preset: 'strict', mode: 'reference' });
  const claims = [
    claim(['Z53', 'Z23', 'z23', 'S52.521', 'W21.89A', 'T78.1XXA', 'V73.89', '4019', 'Z00.12']),
    claim(['T78.1XXA', 'E11.A', 'T78.1'], { serviceDate: '2025-03-01', patient: { birthDate: '2030-01-01' } }),
    { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [{ code: 'I10', poa: 'y' }, { code: 'E11.9', poa: 'Q' }], lines: [{ procedureCode: '90471' }] },
    claim(['Z00.129', 'Z23'], { lines: [{ procedureCode: '90460', diagnosisPointers: [1, 1, 5] }, { procedureCode: '90471', diagnosisPointers: [2] }] }),
    claim([]),
  ];
  it('gives identical reports on hand-made claims', async () => {
    for (const c of claims) expect(await fast.validate(c)).toEqual(await ref.validate(c));
  });
});

describe('path resolution never leaves the data', () => {
  it('rejects non-simple paths at load and reads only own fields or exposed getters', () => {
    for (const bad of ['$..code', '$[0]', '$.a[?(@.b)]', '$.constructor', '$.__proto__.x', 'code', '$.a.prototype']) {
      expect(Array.isArray(parsePath(bad))).toBe(false);
    }
    expect(resolvePath({ a: { b: 1 } }, '$.a.b')).toBe(1);
    expect(resolvePath({}, '$.toString')).toBeUndefined();
    expect(resolvePath({ a: [5, 6] }, '$.a.1')).toBe(6);
    const dx = new DxFacts(1, { code: 'Z53' }, new CodeCache(catalog).get(catalog.forDate('2025-11-03'), 'Z53'));
    expect(resolvePath(dx, '$.fixCount')).toBe(12);
    expect(resolvePath(dx, '$.fixCountText')).toBe('12 billable codes');
  });
});

describe('fact classes', () => {
  it('expose every declared field as an own property or a getter (the fast path reads them directly)', () => {
    const cs = catalog.forDate('2025-11-03');
    const ctxClaim = { type: 'professional' as const, serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }], lines: [{ diagnosisPointers: [1] }] };
    const dx = new DxFacts(1, { code: 'Z53' }, new CodeCache(catalog).get(cs, 'Z53'));
    const line = new LineFacts(1, { diagnosisPointers: [1] }, [dx]);
    const claimFacts = new ClaimFacts(ctxClaim, '2025-11-03', cs, [dx]);
    for (const [obj, fields] of [[dx, DX_FIELDS], [line, LINE_FIELDS], [claimFacts, CLAIM_FIELDS]] as const) {
      for (const field of Object.keys(fields)) {
        const own = Object.prototype.hasOwnProperty.call(obj, field);
        const getter = typeof Object.getOwnPropertyDescriptor(Object.getPrototypeOf(obj), field)?.get === 'function';
        expect(own || getter, `${obj.constructor.name}.${field}`).toBe(true);
        expect(readSegment(obj, field)).toEqual((obj as unknown as Record<string, unknown>)[field]);
      }
    }
  });
});

describe('json-rules-engine concurrency', () => {
  const rule = {
    conditions: { all: [{ fact: 'x', operator: 'equal', value: 1 }, { fact: 'y', operator: 'equal', value: 1 }] },
    event: { type: 'fire' },
  };

  /** Starts run B `offset` microtasks after run A; returns how many of the two lost their event. */
  async function lost(run: () => Promise<boolean>, offset: number): Promise<number> {
    const a = run();
    const b = (async () => {
      for (let k = 0; k < offset; k++) await null;
      return run();
    })();
    return (await a ? 0 : 1) + (await b ? 0 : 1);
  }

  it('one shared Engine can drop a concurrent run (why RuleEngine pools engines)', async () => {
    const engine = new Engine([rule]);
    let dropped = 0;
    for (let offset = 0; offset < 60; offset++) {
      dropped += await lost(async () => (await engine.run({ x: 1, y: 1 })).events.length === 1, offset);
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('RuleEngine never drops a run', async () => {
    const [loaded] = loadRules(
      [baseRule({ conditions: { all: [{ fact: 'dx', path: '$.status', operator: 'equal', value: 'header' }, { fact: 'claim', path: '$.dxCount', operator: 'equal', value: 1 }] } }) as never],
      { tables: new Map() },
    );
    const re = new RuleEngine(loaded!);
    const facts = { dx: { status: 'header', dotted: 'Z53' }, claim: { dxCount: 1 } };
    let dropped = 0;
    for (let offset = 0; offset < 60; offset++) dropped += await lost(async () => (await re.run(facts)).fired, offset);
    expect(dropped).toBe(0);
  });
});

describe('validateMany', () => {
  const v = buildValidator(catalog, {});

  it('keeps input order, survives bad claims and holds at most `concurrency` claims', async () => {
    let pulled = 0;
    let yielded = 0;
    let maxAhead = 0;
    function* inputs() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - yielded);
        yield i % 7 === 3 ? { id: i, type: 'bad' } : claim(i % 2 ? ['Z53'] : ['I10'], { id: i });
      }
    }
    const out: Report[] = [];
    for await (const r of v.validateMany(inputs(), { concurrency: 4 })) {
      yielded++;
      out.push(r);
    }
    expect(out.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(out.filter((r) => r.inputErrors).map((r) => r.id)).toEqual([3, 10, 17, 24, 31, 38, 45]);
    expect(out[1]!.findings.map((f) => f.ruleId)).toEqual(['code-not-billable']);
    expect(maxAhead).toBeLessThanOrEqual(4);
  });

  it('accepts an async iterable', async () => {
    async function* inputs() {
      yield claim(['Z53'], { id: 'a' });
      yield claim(['I10'], { id: 'b' });
    }
    const ids: unknown[] = [];
    for await (const r of v.validateMany(inputs())) ids.push(r.id);
    expect(ids).toEqual(['a', 'b']);
  });
});
