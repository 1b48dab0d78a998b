import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/claim/parse.js';
import type { Catalog } from '../../src/codeset/index.js';
import { isCodeOnly, splitCodeOnly, type Env } from '../../src/engine/compile.js';
import { buildContext } from '../../src/engine/facts/context.js';
import { CodeCache } from '../../src/engine/facts/code-cache.js';
import { CODE_ONLY_DX_FIELDS, DxFacts } from '../../src/engine/facts/dx.js';
import { factProviders } from '../../src/engine/facts/registry.js';
import { readTableDir } from '../../src/engine/tables/load.js';
import { builtinDataDir } from '../../src/engine/builtin-paths.js';
import { mergeTables } from '../../src/engine/tables/load.js';
import type { Condition } from '../../src/engine/rule-schema.js';
import { buildValidator } from '../../src/validator/index.js';
import type { RuleSource } from '../../src/engine/load-rules.js';
import { baseRule } from './helpers.js';
import { loadTestCatalog } from '../helpers/data.js';

/**
 * The evaluator remembers, per code, the answer of the part of a diagnosis rule that reads
 * only code-level `dx` fields (the gate). That is sound only if those fields really depend on
 * the code as written and the release alone, never on the claim.
 */

const leaf = (path: string, fact = 'dx'): Condition => ({ fact, path, operator: 'equal', value: 1 });

describe('which conditions depend on the code alone', () => {
  it('dx fields of the code, and all/any/not made only of them', () => {
    expect(isCodeOnly(leaf('$.status'))).toBe(true);
    expect(isCodeOnly(leaf('$.fixes.0'))).toBe(true);
    expect(isCodeOnly(leaf('$.position'))).toBe(false);
    expect(isCodeOnly(leaf('$.qualifier'))).toBe(false);
    expect(isCodeOnly(leaf('$.duplicateOf'))).toBe(false);
    expect(isCodeOnly(leaf('$.status', 'claim'))).toBe(false);
    expect(isCodeOnly(leaf('$.is', 'manifestation'))).toBe(false);
    expect(isCodeOnly({ any: [leaf('$.code'), { not: leaf('$.billable') }] })).toBe(true);
    expect(isCodeOnly({ any: [leaf('$.code'), leaf('$.first')] })).toBe(false);
  });

  it('splits a top-level all into gate and rest; nothing to split otherwise', () => {
    const env = {} as Env;
    expect(splitCodeOnly({ any: [leaf('$.code')] })).toBeUndefined();
    expect(splitCodeOnly({ all: [leaf('$.first')] })).toBeUndefined();
    const split = splitCodeOnly({ all: [leaf('$.status')] })!;
    expect(split.rest(env)).toBe(true);
  });
});

describe('code-only dx fields are the same for a code wherever it stands', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadTestCatalog();
  });

  const codes = ['Z53', 'Z00.129', 'z00129', ' E11.9 ', 'S52.521', 'W21.89A', 'B88.0', 'E11.A', 'O80', 'Z23', 'QA0', '123', '', 'Z0O.129', 'I10'];
  const diagnosis = fc.record(
    { code: fc.constantFrom(...codes), poa: fc.constantFrom(undefined, 'Y', 'n'), qualifier: fc.constantFrom(undefined, 'principal', 'admitting', 'external-cause') },
    { requiredKeys: ['code'] },
  );
  const claimArb = fc.record({
    type: fc.constantFrom('professional', 'institutional'),
    date: fc.constantFrom('2024-10-15', '2025-05-01', '2025-11-03', '2026-11-03'),
    birthDate: fc.constantFrom('1950-01-01', '2025-10-30'),
    sex: fc.constantFrom('F', 'M'),
    diagnoses: fc.array(diagnosis, { minLength: 1, maxLength: 8 }),
    lines: fc.array(fc.record({ procedureCode: fc.constant('99213'), diagnosisPointers: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }) }), { maxLength: 2 }),
  });

  it('on random claims: every DxFacts of a code in a release reads alike on these fields', () => {
    const tables = mergeTables([readTableDir(builtinDataDir(), [])], []);
    const providers = new Map(factProviders.map((p) => [p.name, p]));
    const seen = new Map<string, Record<string, string>>();
    fc.assert(
      fc.property(claimArb, (c) => {
        const parsed = parseClaim({
          type: c.type,
          [c.type === 'institutional' ? 'statementThrough' : 'serviceDate']: c.date,
          patient: { birthDate: c.birthDate, sex: c.sex },
          diagnoses: c.diagnoses,
          lines: c.lines,
        });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // A fresh cache per claim: each claim's code facts are worked out anew, so equal
        // answers across claims are not just the same memoised object.
        const ctx = buildContext(parsed.claim, new CodeCache(catalog), tables, providers);
        for (const dx of ctx.dx) {
          const key = `${ctx.codeSet?.release.id}|${dx.raw}`;
          const values: Record<string, string> = {};
          for (const f of CODE_ONLY_DX_FIELDS) values[f] = JSON.stringify((dx as unknown as Record<string, unknown>)[f]) ?? 'undefined';
          const before = seen.get(key);
          if (before) expect(values, key).toEqual(before);
          else seen.set(key, values);
          expect(DxFacts.shared(dx).code).toBe(dx.code);
        }
      }),
      { numRuns: 300, seed: 77 },
    );
    expect(seen.size).toBeGreaterThan(30);
  });
});

describe('remembered gates', () => {
  it('belong to one validator: two rule sets with different code lists answer each by its own', async () => {
    const catalog = await loadTestCatalog();
    const rule = (code: string) =>
      baseRule({
        id: 'pack-code',
        message: '{{dx.dotted}} is listed',
        conditions: { all: [{ fact: 'dx', path: '$.code', operator: 'codeIn', value: [code] }, { fact: 'dx', path: '$.first', operator: 'equal', value: true }] },
      });
    const a = buildValidator(catalog, { builtinRules: false, rulePacks: [rule('Z23') as RuleSource] });
    const b = buildValidator(catalog, { builtinRules: false, rulePacks: [rule('I10') as RuleSource] });
    const claim = (codes: string[]) => ({ type: 'professional', serviceDate: '2025-11-03', diagnoses: codes.map((code) => ({ code })) });
    for (let i = 0; i < 2; i++) {
      expect((await a.validate(claim(['Z23', 'I10']))).findings.map((f) => f.code)).toEqual(['Z23']);
      expect((await b.validate(claim(['Z23', 'I10']))).findings.map((f) => f.code)).toEqual([]);
      expect((await b.validate(claim(['I10', 'Z23']))).findings.map((f) => f.code)).toEqual(['I10']);
      // The gate holds for Z23 but the rest (first) does not at position 2.
      expect((await a.validate(claim(['I10', 'Z23']))).findings.map((f) => f.code)).toEqual([]);
    }
  });
});

describe('provider code gates', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadTestCatalog();
  });

  it('a condition on one gated provider adds its gate only when the condition fails on `none`', () => {
    const env = {} as Env;
    // conflict == true is false on NONE: gated. conflict == false holds on NONE: not gated.
    expect(splitCodeOnly({ all: [leaf('$.first'), { fact: 'ageConflict', path: '$.conflict', operator: 'equal', value: true }] })).toBeDefined();
    expect(splitCodeOnly({ all: [leaf('$.first'), { fact: 'ageConflict', path: '$.conflict', operator: 'equal', value: false }] })).toBeUndefined();
    // excludes1 has no code gate (a pair is reported whichever side has the note).
    expect(splitCodeOnly({ all: [{ fact: 'excludes1', path: '$.count', operator: 'greaterThan', value: 0 }] })).toBeUndefined();
    // Mixed facts in one condition: no gate from it.
    expect(splitCodeOnly({ all: [{ any: [leaf('$.first'), { fact: 'sequela', path: '$.is', operator: 'equal', value: true }] }] })).toBeUndefined();
    expect(splitCodeOnly({ all: [leaf('$.status')] })!.rest(env)).toBe(true);
  });

  it('wherever `applies` is false, compute gives `none`, on random claims over codes the gates are about', () => {
    const issues: never[] = [];
    const tables = mergeTables([readTableDir(builtinDataDir(), issues)], issues);
    const providers = new Map(factProviders.map((p) => [p.name, p]));
    const gated = factProviders.filter((p) => p.codeGate);
    expect(gated.map((p) => p.name).sort()).toEqual(['ageConflict', 'codeFirst', 'manifestation', 'secondaryOnly', 'sequela', 'sexConflict']);
    // Codes where the gates hold and where they do not: table rows, manifestations, code-first
    // notes, sequelae, and plain codes beside them.
    const codes = ['P07.01', 'Z00.110', 'N40.0', 'O80', 'C61', 'G63', 'E11.42', 'F02.80', 'R65.20', 'S52.521S', 'T78.1XXS', 'I69.351', 'Z23', 'I10', 'E11.9', 'Z53', 'QA0', 'M21.249', 'Z38.00', 'B95.0'];
    const claimArb = fc.record({
      date: fc.constantFrom('2025-05-01', '2025-11-03'),
      birthDate: fc.constantFrom('1950-01-01', '2025-10-30', '2010-06-01'),
      sex: fc.constantFrom('F', 'M', 'U'),
      diagnoses: fc.array(
        fc.record({ code: fc.constantFrom(...codes), qualifier: fc.constantFrom(undefined, 'principal', 'admitting') }, { requiredKeys: ['code'] }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(claimArb, (c) => {
        const parsed = parseClaim({ type: 'professional', serviceDate: c.date, patient: { birthDate: c.birthDate, sex: c.sex }, diagnoses: c.diagnoses });
        if (!parsed.ok) return;
        const ctx = buildContext(parsed.claim, new CodeCache(catalog), tables, providers);
        for (const dx of ctx.dx) {
          for (const p of gated) {
            const gate = p.codeGate!;
            if (gate.applies(ctx, dx)) applied.set(p.name, (applied.get(p.name) ?? 0) + 1);
            else expect(p.compute(ctx, dx as never), `${p.name} on ${dx.dotted}`).toEqual(gate.none);
          }
        }
      }),
      { numRuns: 400, seed: 91 },
    );
    // Each gate both holds and fails on these codes, so the check above is not empty for any.
    for (const p of gated) expect(applied.get(p.name) ?? 0, p.name).toBeGreaterThan(0);
  });
});
