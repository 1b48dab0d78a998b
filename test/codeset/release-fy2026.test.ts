/**
 * Facts about the FY2026 and FY2025 releases, checked against the official files in
 * ../shared/icd10cm (counts and spot checks from its README, which were verified independently).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, ReleaseCodeSet } from '../../src/codeset/index.js';
import { loadTestCatalog } from '../helpers/data.js';

let catalog: Catalog;
let fy2026: ReleaseCodeSet;
let fy2025: ReleaseCodeSet;

beforeAll(async () => {
  catalog = await loadTestCatalog();
  fy2026 = catalog.release('fy2026-oct')!;
  fy2025 = catalog.release('fy2025-oct')!;
});

describe('FY2026 release (order file)', () => {
  it('has every entry of the order file, headers included', () => {
    expect(fy2026.size).toBe(98_186);
    expect(fy2026.billableCount).toBe(74_719);
    expect(fy2026.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
  });

  it('has 1,918 categories: 1,704 headers and 214 billable', () => {
    const categories = [...fy2026.nodes()].filter((n) => n.kind === 'category');
    expect(categories).toHaveLength(1_918);
    expect(categories.filter((n) => n.billable)).toHaveLength(214);
  });

  it('matches the verified counts of headers and billable codes by length', () => {
    const headers = new Map<number, number>();
    const billable = new Map<number, number>();
    for (const n of fy2026.nodes()) {
      const m = n.billable ? billable : headers;
      m.set(n.code.length, (m.get(n.code.length) ?? 0) + 1);
    }
    expect(Object.fromEntries(headers)).toEqual({ 3: 1_704, 4: 4_698, 5: 7_435, 6: 9_630 });
    expect(Object.fromEntries(billable)).toEqual({ 3: 214, 4: 5_398, 5: 7_143, 6: 10_479, 7: 51_485 });
  });

  it('Z53 is a non-billable category with 15 entries under it, 12 of them billable', () => {
    const z53 = fy2026.get('Z53')!;
    expect(z53).toMatchObject({ code: 'Z53', dotted: 'Z53', billable: false, kind: 'category', parent: undefined });
    const under = fy2026.descendants('Z53');
    expect(under).toHaveLength(15);
    expect(under.filter((n) => !n.billable).map((n) => n.dotted)).toEqual(['Z53.0', 'Z53.2', 'Z53.3']);
    expect(fy2026.billableDescendants('Z53').map((n) => n.dotted)).toEqual([
      'Z53.01', 'Z53.09', 'Z53.1', 'Z53.20', 'Z53.21', 'Z53.29',
      'Z53.31', 'Z53.32', 'Z53.33', 'Z53.39', 'Z53.8', 'Z53.9',
    ]);
    expect(z53.children).toEqual(['Z530', 'Z531', 'Z532', 'Z533', 'Z538', 'Z539']);
  });

  it('Z23 is a billable category; Z00.12 a non-billable subcategory', () => {
    expect(fy2026.get('Z23')).toMatchObject({ billable: true, kind: 'category', title: 'Encounter for immunization' });
    expect(fy2026.get('Z00.12')).toMatchObject({ billable: false, kind: 'subcategory', parent: 'Z001', category: 'Z00' });
    for (const c of ['Z00.00', 'Z00.01', 'Z00.121', 'Z00.129']) expect(fy2026.get(c)?.billable).toBe(true);
    expect(fy2026.get('Z00.129')?.kind).toBe('code');
  });

  it('a seventh-character code is billable while its six-character stem is not', () => {
    expect(fy2026.get('S52.521A')).toMatchObject({ billable: true, kind: 'code', parent: 'S52521' });
    expect(fy2026.get('S52.521')).toMatchObject({ billable: false, kind: 'subcategory' });
    expect(fy2026.get('S52.521B')).toBeUndefined();
  });

  it('the parent is the longest listed prefix (W21.89XA → W21.89: W21.89X is not listed)', () => {
    expect(fy2026.has('W2189X')).toBe(false);
    expect(fy2026.get('W21.89XA')?.parent).toBe('W2189');
    expect(fy2026.ancestors('W21.89XA').map((n) => n.dotted)).toEqual(['W21.89', 'W21.8', 'W21']);
  });

  it('normalises lookups: dotted or not, any case, surrounding spaces', () => {
    for (const form of ['Z00.129', 'z00129', ' Z00.129 ', 'z00.129\t']) {
      expect(fy2026.get(form)?.code).toBe('Z00129');
      expect(fy2026.has(form)).toBe(true);
    }
    expect(fy2026.get('')).toBeUndefined();
    expect(fy2026.has('not a code')).toBe(false);
  });

  it('reads FY2026 titles and order numbers from the order file', () => {
    expect(fy2026.get('A00')).toMatchObject({ order: 1, title: 'Cholera', shortTitle: 'Cholera' });
    expect(fy2026.get('U09.9')).toMatchObject({ order: 98_186, title: 'Post COVID-19 condition, unspecified' });
    // FY2026 added category QA0 (a letter in the second position).
    expect(fy2026.get('QA0.0101')?.billable).toBe(true);
  });
});

describe('FY2025 releases', () => {
  it('October and April have the verified counts and share one copy of the data', () => {
    const april = catalog.release('fy2025-apr')!;
    expect(fy2025.size).toBe(97_584);
    expect(fy2025.billableCount).toBe(74_260);
    expect(april.data).toBe(fy2025.data);
    expect(april.release).toMatchObject({ id: 'fy2025-apr', fiscalYear: 2025, effectiveFrom: '2025-04-01' });
  });

  it('has the codes FY2026 deleted, and B88.0 billable', () => {
    for (const c of ['S30.1XXA', 'S30.1XXD', 'T78.07XA', 'T78.1XXS', 'B88.0', 'E10.A0']) {
      expect(fy2025.get(c)?.billable, c).toBe(true);
    }
    expect(fy2025.has('S30.11XA')).toBe(false);
    expect(fy2025.has('E11.A')).toBe(false);
  });
});

describe('catalog', () => {
  it('holds the three releases in effective-date order; FY2023 (XML only) is not a release', () => {
    expect(catalog.releases.map((r) => r.release.id)).toEqual(['fy2025-oct', 'fy2025-apr', 'fy2026-oct']);
    expect(catalog.tabularSources).toEqual(['fy2023-oct']);
    expect(catalog.release('fy2023-oct')).toBeUndefined();
  });

  it('reports the folder with nothing usable (fy2026-apr holds only the .xsd)', () => {
    expect(catalog.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'info', kind: 'nothing-usable', file: 'fy2026-apr' }),
    );
  });

  it('picks the release in force on a date, and none outside the loaded fiscal years', () => {
    const id = (d: string): string | undefined => catalog.forDate(d)?.release.id;
    expect(id('2024-09-30')).toBeUndefined();
    expect(id('2024-10-01')).toBe('fy2025-oct');
    expect(id('2025-03-31')).toBe('fy2025-oct');
    expect(id('2025-04-01')).toBe('fy2025-apr');
    expect(id('2025-09-30')).toBe('fy2025-apr');
    expect(id('2025-10-01')).toBe('fy2026-oct');
    expect(id('2026-09-30')).toBe('fy2026-oct');
    expect(id('2026-10-01')).toBeUndefined();
    expect(catalog.forDate(new Date(2025, 10, 15))?.release.id).toBe('fy2026-oct');
    expect(() => catalog.forDate('2025-02-30')).toThrow(/not a valid date/);
  });

  it('T78.1XXA is valid on 2025-09-15 and deleted on 2025-10-01', () => {
    expect(catalog.validity('T78.1XXA', '2025-09-15')).toMatchObject({ valid: true, release: { id: 'fy2025-apr' } });
    expect(catalog.validity('t781xxa', '2025-11-15')).toEqual({
      valid: false,
      release: expect.objectContaining({ id: 'fy2026-oct' }),
      reason: 'deleted',
      deletedOn: '2025-10-01',
    });
  });

  it('a code added in FY2026 is not valid before 2025-10-01', () => {
    expect(catalog.validity('E11.A', '2025-09-15')).toMatchObject({
      valid: false,
      reason: 'not-yet-valid',
      validFrom: '2025-10-01',
      release: { id: 'fy2025-apr' },
    });
    expect(catalog.validity('E11.A', '2025-10-01').valid).toBe(true);
    expect(catalog.validIn('E11.A')).toEqual(['fy2026-oct']);
    expect(catalog.validIn('Z23')).toEqual(['fy2025-oct', 'fy2025-apr', 'fy2026-oct']);
  });

  it('gives the other reasons: header, unknown, no release', () => {
    expect(catalog.validity('Z53', '2025-11-15')).toMatchObject({ valid: false, reason: 'header' });
    expect(catalog.validity('Z99.999', '2025-11-15')).toMatchObject({ valid: false, reason: 'unknown' });
    expect(catalog.validity('Z23', '2026-10-01')).toEqual({ valid: false, release: undefined, reason: 'no-release' });
    expect(catalog.validity('Z23', '2015-10-01')).toMatchObject({ reason: 'no-release' });
  });

  it('the 16 codes FY2026 turned into headers are headers, with the date they stopped being billable', () => {
    const turned = ['B88.0', 'D71', 'E72.53', 'E78.01', 'E88.1', 'G35', 'H01.8', 'Q89.8', 'Q99.8', 'R10.2',
      'R76.8', 'Z40.8', 'Z59.86', 'Z84.1', 'Z91.011', 'Z91.012'];
    for (const code of turned) {
      expect(catalog.validity(code, '2025-09-15').valid, code).toBe(true);
      expect(catalog.validity(code, '2025-11-15'), code).toMatchObject({ valid: false, reason: 'header', deletedOn: '2025-10-01' });
      expect(catalog.changes(code), code).toContainEqual(expect.objectContaining({ change: 'became-header', from: 'fy2025-apr', to: 'fy2026-oct' }));
    }
  });

  it('lists the changes of a code between loaded releases', () => {
    expect(catalog.changes('L02.212')).toEqual([
      {
        code: 'L02212',
        from: 'fy2025-apr',
        to: 'fy2026-oct',
        change: 'title-revised',
        oldTitle: 'Cutaneous abscess of back [any part, except buttock]',
        newTitle: 'Cutaneous abscess of back [any part, except buttock and flank]',
      },
    ]);
    expect(catalog.changes('E11.A')).toMatchObject([{ change: 'added', from: 'fy2025-apr', to: 'fy2026-oct' }]);
    expect(catalog.changes('T78.1XXA')).toMatchObject([{ change: 'deleted' }]);
    expect(catalog.changes('Z23')).toEqual([]);
  });
});

describe('FY2026 addenda', () => {
  it('the 487 codes added and the 28 deleted agree with the codes addenda file', () => {
    const before = catalog.release('fy2025-apr')!;
    const billableIn = (r: ReleaseCodeSet): Set<string> => new Set([...r.nodes()].filter((n) => n.billable).map((n) => n.code));
    const old = billableIn(before);
    const now = billableIn(fy2026);
    const added = [...now].filter((c) => !old.has(c));
    const removed = [...old].filter((c) => !now.has(c));

    const { codes } = fy2026.addenda();
    const listed = (action: string): string[] => codes!.entries.filter((e) => e.action === action).map((e) => e.code);
    expect(listed('add')).toHaveLength(487);
    expect(listed('delete')).toHaveLength(28);
    expect(listed('revise-to')).toHaveLength(38);
    expect(new Set(listed('add'))).toEqual(new Set(added));
    expect(new Set(listed('delete'))).toEqual(new Set(removed));
    expect(codes!.summary.codes).toMatchObject({ before: { count: 74_260 }, after: { count: 74_719 }, additions: 487, deletions: 28, revisions: 38 });

    // 12 of the 28 are gone; the other 16 stayed as headers.
    const gone = removed.filter((c) => !fy2026.has(c));
    expect(gone.sort()).toEqual(['S301XXA', 'S301XXD', 'S301XXS', 'T7807XA', 'T7807XD', 'T7807XS', 'T7808XA', 'T7808XD', 'T7808XS', 'T781XXA', 'T781XXD', 'T781XXS']);
  });

  it('the order addenda have the verified counts; the load found no disagreement', () => {
    const { order } = fy2026.addenda();
    const count = (action: string): number => order!.entries.filter((e) => e.action === action).length;
    expect([count('add'), count('delete'), count('revise-from'), count('revise-to')]).toEqual([630, 28, 45, 45]);
    expect(order!.entries.filter((e) => e.code === 'B880').map((e) => [e.action, e.billable])).toEqual([['delete', true], ['add', false]]);
    expect(fy2026.diagnostics.filter((d) => d.kind.startsWith('addenda'))).toEqual([]);
  });

  it('the earliest release\'s addenda tell what came in with FY2025', () => {
    expect(catalog.changes('E10.A0')).toEqual([
      { code: 'E10A0', from: 'fy2024-oct', to: 'fy2025-oct', source: 'addenda', change: 'added', newTitle: 'Type 1 diabetes mellitus, presymptomatic, unspecified' },
    ]);
    expect(catalog.release('fy2025-oct')!.diagnostics).toContainEqual(expect.objectContaining({ kind: 'addenda-not-checked' }));
  });
});
