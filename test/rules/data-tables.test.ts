import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeRef, matchesRef } from '../../src/code/refs.js';
import type { CodeRef } from '../../src/codeset/types.js';

/**
 * Sanity checks of the guideline tables in data/ against the official FY2026 and FY2025 order
 * files: every reference must name codes that exist, titles must be the official ones, and the
 * underdosing pattern must match exactly the codes titled "Underdosing of …".
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = process.env.DXLINT_DATA ?? path.resolve(repoRoot, '../shared/icd10cm');

interface OrderRow {
  code: string;
  billable: boolean;
  title: string;
}

function readOrderFile(file: string): OrderRow[] {
  return readFileSync(file, 'latin1')
    .split('\r\n')
    .filter((line) => line.length > 77)
    .map((line) => ({ code: line.slice(6, 13).trim(), billable: line[14] === '1', title: line.slice(77).trim() }));
}

function table(name: string): any {
  return JSON.parse(readFileSync(path.join(repoRoot, 'data', `${name}.json`), 'utf8'));
}

const tables = [
  'first-listed-only',
  'secondary-only',
  'age-ranges',
  'sex-specific',
  'routine-exams',
  'obstetric-groups',
  'excludes1-covered',
  'excludes1-allowed',
] as const;

let fy2026: OrderRow[];
let fy2025: OrderRow[];

beforeAll(() => {
  fy2026 = readOrderFile(path.join(shared, 'fy2026-oct/icd10cm-order-2026.txt'));
  fy2025 = readOrderFile(path.join(shared, 'fy2025-oct/icd10cm-order-2025.txt'));
});

describe.each(tables)('data/%s.json', (name) => {
  const data = table(name);

  it('has an id, entries and a citation for every entry', () => {
    expect(data.id).toBe(name);
    expect(data.entries.length).toBeGreaterThan(0);
    for (const entry of data.entries) {
      const citation = entry.citation ?? data.citation;
      expect(citation, JSON.stringify(entry)).toBeDefined();
      expect(typeof citation.section).toBe('string');
      expect(typeof citation.verified).toBe('boolean');
      expect(entry.refs ?? entry.pattern, JSON.stringify(entry)).toBeDefined();
    }
  });

  it('names only codes that exist in FY2026 and FY2025', () => {
    for (const rows of [fy2026, fy2025]) {
      for (const entry of data.entries) {
        for (const text of [...(entry.refs ?? []), ...(entry.except ?? []), ...(entry.partners ?? [])] as string[]) {
          const ref = codeRef(text);
          expect(rows.some((r) => matchesRef(ref, r.code)), `${name}: ${text}`).toBe(true);
          // a range must have both ends in the code set, or it could silently cover nothing new
          if (ref.kind === 'range') {
            expect(rows.some((r) => r.code === ref.from), `${name}: ${text} (from)`).toBe(true);
            expect(rows.some((r) => r.code === ref.to), `${name}: ${text} (to)`).toBe(true);
          }
        }
      }
    }
  });
});

describe('first-listed-only', () => {
  it('entry titles are the official FY2026 titles', () => {
    for (const entry of table('first-listed-only').entries) {
      const ref: CodeRef = codeRef(entry.refs[0]);
      const row = fy2026.find((r) => r.code === ref.from);
      expect(row?.title, entry.refs[0]).toBe(entry.title);
    }
  });

  it('exceptions fall inside their own entry', () => {
    for (const entry of table('first-listed-only').entries) {
      for (const ex of entry.except ?? []) {
        expect(matchesRef(codeRef(entry.refs[0]), codeRef(ex).from)).toBe(true);
      }
    }
  });
});

describe('secondary-only underdosing pattern', () => {
  const entry = table('secondary-only').entries.find((e: any) => e.pattern);
  const pattern = new RegExp(entry.pattern);
  const t36t50 = /^T(3[6-9]|4[0-9]|50)/;

  it.each(['fy2026', 'fy2025'])('matches exactly the "Underdosing of" codes of T36-T50 in %s', (year) => {
    const rows = (year === 'fy2026' ? fy2026 : fy2025).filter((r) => t36t50.test(r.code));
    const byTitle = rows.filter((r) => r.title.startsWith('Underdosing')).map((r) => r.code);
    const byPattern = rows.filter((r) => pattern.test(r.code)).map((r) => r.code);
    expect(byPattern).toEqual(byTitle);
    expect(byTitle.length).toBeGreaterThan(600);
  });

  it('covers placeholder forms and no poisoning or adverse-effect code', () => {
    for (const code of ['T360X6A', 'T383X6A', 'T3696XA', 'T4146XA', 'T50Z16A', 'T50Z96S']) expect(pattern.test(code), code).toBe(true);
    // poisoning (1-4), adverse effect (5), and toxic effects of T51+ are not underdosing
    for (const code of ['T360X1A', 'T360X5A', 'T4145XA', 'T50Z15A', 'T510X1A', 'T566X1A']) expect(pattern.test(code), code).toBe(false);
  });
});

describe('age-ranges', () => {
  it('every row has a bound and a severity', () => {
    for (const entry of table('age-ranges').entries) {
      expect(entry.min ?? entry.max, entry.title).toBeDefined();
      expect(['error', 'warning', 'info']).toContain(entry.severity);
    }
  });

  it('has no P (perinatal) codes: they may be used throughout life (I.C.16.a.4)', () => {
    for (const entry of table('age-ranges').entries) {
      for (const text of entry.refs) expect(matchesRef(codeRef(text), 'P0700'), text).toBe(false);
    }
  });
});

describe('sex-specific', () => {
  it('never marks a code for both sexes', () => {
    const entries = table('sex-specific').entries as { refs: string[]; sex: string }[];
    for (const row of fy2026) {
      const sexes = new Set(entries.filter((e) => e.refs.some((t) => matchesRef(codeRef(t), row.code))).map((e) => e.sex));
      expect(sexes.size, row.code).toBeLessThanOrEqual(1);
    }
  });
});
