import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleLoadError } from '../../src/engine/errors.js';
import { loadRules } from '../../src/engine/load-rules.js';
import { buildTable } from '../../src/engine/tables/load.js';
import { baseRule, claim } from './helpers.js';

const tables = new Map();

function issuesOf(rule: unknown): { path: string; message: string }[] {
  try {
    loadRules([rule as never], { tables });
  } catch (err) {
    expect(err).toBeInstanceOf(RuleLoadError);
    return (err as RuleLoadError).issues.map(({ path, message }) => ({ path, message }));
  }
  return [];
}

describe('loadRules', () => {
  it('accepts a well-formed rule and prepares it', () => {
    const [loaded] = loadRules([baseRule() as never], { tables });
    expect(loaded!.rule.id).toBe('sample-rule');
    expect([...loaded!.facts]).toEqual(['dx']);
    expect(loaded!.params['dx.dotted']).toEqual({ fact: 'dx', path: '$.dotted' });
  });

  it('names the field of an unknown key, fact, field, operator and placeholder', () => {
    expect(issuesOf(baseRule({ colour: 'red' }))).toEqual([{ path: '', message: expect.stringMatching(/colour/) }]);
    const bad = baseRule({
      message: '{{dx.dottted}} and {{count}}',
      conditions: {
        all: [
          { fact: 'dxx', operator: 'equal', value: 1 },
          { any: [{ fact: 'dx', path: '$.stauts', operator: 'equal', value: 'x' }] },
          { fact: 'dx', path: '$.code', operator: 'codeInn', value: ['Z23'] },
          { not: { fact: 'line', path: '$.number', operator: 'equal', value: 1 } },
        ],
      },
    });
    const issues = issuesOf(bad);
    const at = (p: string) => issues.filter((i) => i.path === p).map((i) => i.message);
    expect(at('conditions.all[0].fact')[0]).toMatch(/no fact "dxx" for a diagnosis rule; available: claim, dx/);
    expect(at('conditions.all[1].any[0].path')[0]).toMatch(/no field "stauts"/);
    expect(at('conditions.all[2].operator')[0]).toMatch(/unknown operator "codeInn"/);
    expect(at('conditions.all[3].not.fact')[0]).toMatch(/no fact "line"/);
    expect(at('message').join(' ')).toMatch(/dottted/);
    expect(at('message').join(' ')).toMatch(/"\{\{count\}\}" is not one of the rule's params/);
  });

  it('rejects empty lists, shared conditions, jsonpath expressions and bad code references', () => {
    expect(issuesOf(baseRule({ conditions: { any: [] } }))[0]).toEqual({ path: 'conditions.any', message: expect.stringMatching(/at least one/) });
    expect(issuesOf(baseRule({ conditions: { all: [{ condition: 'shared' }] } }))[0]!.path).toBe('conditions.all[0]');
    expect(issuesOf(baseRule({ conditions: { all: [{ fact: 'dx', path: '$..code', operator: 'equal', value: 1 }] } }))[0]!.path).toBe(
      'conditions.all[0].path',
    );
    expect(
      issuesOf(baseRule({ conditions: { all: [{ fact: 'dx', path: '$[?(@.x)]', operator: 'equal', value: 1 }] } }))[0]!.message,
    ).toMatch(/must start with "\$\."/);
    const refs = issuesOf(baseRule({ conditions: { all: [{ fact: 'dx', path: '$.code', operator: 'codeIn', value: ['Z23', 'not a code'] }] } }));
    expect(refs[0]).toEqual({ path: 'conditions.all[0].value', message: expect.stringMatching(/value\[1\]: "not a code"/) });
    const list = issuesOf(baseRule({ conditions: { all: [{ fact: 'dx', path: '$.code', operator: 'codeIn', value: { list: 'nope' } }] } }));
    expect(list[0]!.message).toMatch(/no data table "nope"/);
  });

  it('checks the docs claims with the claim schema', () => {
    const issues = issuesOf(baseRule({ docs: { description: 'd', details: 'x', invalid: { type: 'dental', diagnoses: [] }, valid: claim } }));
    expect(issues.map((i) => i.path)).toContain('docs.invalid.type');
  });

  it('names the file of a bad rule file and of a duplicate id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dxlint-rules-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(baseRule()));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(baseRule()));
    writeFileSync(path.join(dir, 'c.json'), '{ not json');
    writeFileSync(path.join(dir, 'd.json'), JSON.stringify(baseRule({ id: 'Bad_Id' })));
    try {
      loadRules([dir], { tables });
      expect.unreachable();
    } catch (err) {
      const e = err as RuleLoadError;
      expect(e.issues.map((i) => [path.basename(i.file), i.path])).toEqual([
        ['b.json', 'id'],
        ['c.json', ''],
        ['d.json', 'id'],
      ]);
      expect(e.message).toMatch(/3 problems/);
      expect(e.message).toContain(`${path.join(dir, 'b.json')}: id: rule id "sample-rule" is already used by ${path.join(dir, 'a.json')}`);
    }
  });
});

describe('data tables', () => {
  it('parses refs and excepts and requires a citation per entry', () => {
    const issues: never[] = [];
    const table = buildTable(
      { id: 't', description: 'd', citation: 'I.C.21.c.16', entries: [{ refs: ['Z00'], except: ['Z00.6'] }, { refs: ['Z51.1-'] }] },
      '',
      issues,
    )!;
    expect(issues).toEqual([]);
    expect(table.has('Z00129')).toBe(true);
    expect(table.has('Z006')).toBe(false);
    expect(table.has('Z5111')).toBe(true);
    expect(table.has('Z510')).toBe(false);
    const bad: { path: string }[] = [];
    buildTable({ id: 't', description: 'd', entries: [{ refs: ['Z00'] }] }, '', bad as never);
    expect(bad.map((i) => i.path)).toEqual(['entries[0].citation']);
  });
});


describe('data table patterns', () => {
  it('matches an entry by pattern and refuses unanchored or nested-quantifier patterns', () => {
    const issues: { path: string; message: string }[] = [];
    const table = buildTable(
      { id: 't', description: 'd', citation: 'I.C.19.e.5(c)', entries: [{ pattern: '^T(3[6-9]|4[0-9]|50)[0-9A-Z](6|[0-9A-Z]6)' }] },
      '',
      issues as never,
    )!;
    expect(issues).toEqual([]);
    expect(table.has('T360X6A')).toBe(true);
    expect(table.has('T360X1A')).toBe(false);
    expect(table.has('T4146XA')).toBe(true);
    buildTable({ id: 't', description: 'd', citation: 'x', entries: [{ pattern: 'T36' }, { pattern: '^(A+)+$' }, {}] }, '', issues as never);
    expect(issues.map((i) => i.path)).toEqual(['entries[0].pattern', 'entries[1].pattern', 'entries[2].refs']);
  });
});
