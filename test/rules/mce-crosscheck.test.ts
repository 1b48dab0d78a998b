import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeRef, matchesAny } from '../../src/code/refs.js';
import type { CodeSet } from '../../src/codeset/types.js';
import { manifestationOf } from '../../src/engine/facts/providers/manifestation.js';
import { loadTestCatalog, repoRoot } from '../helpers/data.js';

/**
 * Cross-checks of the B/C rules against an independent official source: the CMS Medicare Code
 * Editor v43.1 tables (../shared/mce/mce-v43.1.bin, protobuf wire format, see its README). The
 * flags in force on 2025-10-01 are compared with what our data tables and the manifestation
 * test say about the FY2026 billable codes.
 */

/** Minimal protobuf wire reader: yields [field number, wire type, value]. */
function* fields(buf: Uint8Array): Generator<[number, number, Uint8Array | number]> {
  let i = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = buf[i++]!;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const type = key & 7;
    if (type === 0) yield [key >>> 3, type, varint()];
    else if (type === 2) {
      const len = varint();
      yield [key >>> 3, type, buf.subarray(i, (i += len))];
    } else if (type === 5) i += 4;
    else if (type === 1) i += 8;
    else throw new Error(`unexpected wire type ${type}`);
  }
}

const text = (v: Uint8Array | number) => Buffer.from(v as Uint8Array).toString('latin1');

/** Code → MCE flags of the row in force on a yyyymmdd date. */
function mceFlags(file: string, day: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [f, , root] of fields(readFileSync(file))) {
    if (f !== 3) continue; // i10DxMasterRoot
    for (const [, , entry] of fields(root as Uint8Array)) {
      let code = '';
      let start = '';
      let end = '';
      const flags: string[] = [];
      for (const [n, , v] of fields(entry as Uint8Array)) {
        if (n === 1) code = text(v);
        else if (n === 2) start = text(v);
        else if (n === 3) end = text(v);
        else if (n === 4) flags.push(text(v));
      }
      if (start <= day && (end === '' || day <= end)) out.set(code, flags);
    }
  }
  return out;
}

let flags: Map<string, string[]>;
let fy2026: CodeSet;
const table = (id: string) => JSON.parse(readFileSync(path.join(repoRoot, 'data', `${id}.json`), 'utf8'));

beforeAll(async () => {
  flags = mceFlags(path.resolve(repoRoot, '../shared/mce/mce-v43.1.bin'), '20251001');
  fy2026 = (await loadTestCatalog()).forDate('2025-10-01')!;
});

describe('CMS MCE v43.1 cross-checks (flags in force on 2025-10-01)', () => {
  it('the MCE codes valid on 2025-10-01 are the FY2026 billable codes', () => {
    expect(flags.size).toBe(fy2026.billableCount);
  });

  it('every code our manifestation test accepts carries the MCE manifestation flag', () => {
    const ours = [...fy2026.nodes()].filter((n) => n.billable && manifestationOf(fy2026, n.code).is).map((n) => n.code);
    expect(ours.length).toBeGreaterThan(250);
    expect(ours.filter((c) => !flags.get(c)?.includes('manifestation'))).toEqual([]);
  });

  it('the maternity row covers exactly the codes the MCE flags as maternity', () => {
    const row = table('age-ranges').entries.find((e: { title: string }) => e.title === 'Maternity codes');
    const refs = row.refs.map(codeRef);
    const mce = [...flags].filter(([, f]) => f.includes('maternity')).map(([c]) => c).sort();
    const ours = [...flags.keys()].filter((c) => matchesAny(refs, c)).sort();
    expect(mce.length).toBeGreaterThan(2500);
    expect(mce.filter((c) => !ours.includes(c))).toEqual([]);
    expect(ours.filter((c) => !mce.includes(c))).toEqual([]);
  });

  it('the exam and newborn rows agree with the MCE age groups', () => {
    const group = (code: string) => (flags.get(code) ?? []).filter((f) => ['newborn', 'pediatric', 'adult', 'maternity'].includes(f));
    for (const c of ['Z0000', 'Z0001']) expect(group(c), c).toEqual(['adult']);
    for (const c of ['Z00121', 'Z00129']) expect(group(c), c).toEqual(['pediatric']);
    for (const c of ['Z00110', 'Z00111', 'A33']) expect(group(c), c).toEqual(['newborn']);
    for (const [c] of flags) if (c.startsWith('Z38') || c.startsWith('Z05')) expect(group(c), c).toEqual(['newborn']);
  });

  it('no code carries the MCE sex flags any more (why sex-conflict is a warning)', () => {
    expect([...flags.values()].filter((f) => f.includes('male') || f.includes('female'))).toEqual([]);
  });
});
