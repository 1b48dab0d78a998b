/**
 * The benchmark workload generator: deterministic, and its claims are what it says they are
 * (checked against the release files through the catalog, not against the validator).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng.js';
import { codePools, DEFECTS, generateClaims, type CodePools } from '../../bench/workload.js';
import { parseClaim } from '../../src/claim/parse.js';
import { isWellFormedCode, normalizeCode } from '../../src/code/normalize.js';
import type { Catalog } from '../../src/codeset/index.js';
import { loadTestCatalog, repoRoot } from '../helpers/data.js';

let catalog: Catalog;
let pools: CodePools;

beforeAll(async () => {
  catalog = await loadTestCatalog();
  pools = codePools(catalog, resolve(repoRoot, 'data'));
});

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(sa);
  });

  it('keeps int() and between() inside their bounds and reaches both ends', () => {
    const r = mulberry32(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const v = r.between(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
      const f = r.next();
      expect(f >= 0 && f < 1).toBe(true);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('code pools (FY2026)', () => {
  it('dates claims inside FY2026', () => {
    expect(pools.release).toBe('fy2026-oct');
    expect(pools.from).toBe('2025-10-01');
    expect(pools.to).toBe('2026-09-30');
  });

  it('draws clean codes only from billable FY2026 codes outside the restricted chapters', () => {
    const fy2026 = catalog.release('fy2026-oct')!;
    expect(pools.clean.length).toBeGreaterThan(10_000);
    for (const c of pools.clean) {
      expect(fy2026.get(c)?.billable, c).toBe(true);
      expect(c).toMatch(/^[A-NR]/);
    }
    // Z00.129 is first-listed-only and O80 maternal-only: never "clean".
    expect(pools.clean).not.toContain('Z00129');
    expect(pools.clean).not.toContain('O80');
  });

  it('finds the 12 codes deleted on 2025-10-01 (README of the release files)', () => {
    expect(pools.deleted).toEqual(
      ['S301XXA', 'S301XXD', 'S301XXS', 'T7807XA', 'T7807XD', 'T7807XS', 'T7808XA', 'T7808XD', 'T7808XS', 'T781XXA', 'T781XXD', 'T781XXS'],
    );
  });

  it('keeps headers non-billable and 6-character stems without a billable code of their own', () => {
    const fy2026 = catalog.release('fy2026-oct')!;
    expect(pools.headers).toHaveLength(23_467);
    expect(pools.headers).toContain('Z53');
    for (const c of pools.sixOfSeven.slice(0, 2000)) expect(fy2026.get(c)?.billable ?? false, c).toBe(false);
    expect(pools.sixOfSeven).toContain('S52521');
  });
});

describe('generateClaims', () => {
  const options = { seed: 2026, count: 2000, diagnoses: 4, lines: 2, dirtyRate: 0.2 };

  it('is deterministic: same seed, same claims; another seed, other claims', () => {
    const a = generateClaims(pools, options);
    const b = generateClaims(pools, options);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateClaims(pools, { ...options, seed: 2027 });
    expect(JSON.stringify(c.claims)).not.toBe(JSON.stringify(a.claims));
  });

  it('makes valid claim inputs of the asked size, about 20 % dirty, every defect kind present', () => {
    const { claims, defects } = generateClaims(pools, options);
    expect(claims).toHaveLength(2000);
    for (const claim of claims) {
      expect(parseClaim(claim).ok).toBe(true);
      expect(claim.diagnoses.length).toBeGreaterThanOrEqual(4);
      expect(claim.diagnoses.length).toBeLessThanOrEqual(5);
      expect(claim.lines).toHaveLength(2);
      for (const line of claim.lines!) {
        for (const p of line.diagnosisPointers!) expect(p >= 1 && p <= claim.diagnoses.length).toBe(true);
      }
    }
    const dirty = defects.filter((d) => d !== null).length / defects.length;
    expect(dirty).toBeGreaterThan(0.17);
    expect(dirty).toBeLessThan(0.23);
    expect(new Set(defects.filter((d) => d !== null))).toEqual(new Set(DEFECTS));
  });

  it('injects the defect it names', () => {
    const fy2026 = catalog.release('fy2026-oct')!;
    const { claims, defects } = generateClaims(pools, options);
    claims.forEach((claim, i) => {
      const codes = claim.diagnoses.map((d) => normalizeCode(d.code)!);
      const first = codes[0]!;
      switch (defects[i]) {
        case null:
          expect(new Set(codes).size).toBe(codes.length);
          for (const c of codes) expect(fy2026.get(c)?.billable, c).toBe(true);
          break;
        case 'header':
          expect(fy2026.get(first)?.billable).toBe(false);
          break;
        case 'deleted':
          expect(fy2026.has(first)).toBe(false);
          expect(catalog.validIn(first)).toContain('fy2025-oct');
          break;
        case 'z23-before-exam':
          expect(codes.slice(0, 2)).toEqual(['Z23', 'Z00129']);
          expect(Number(claim.serviceDate!.slice(0, 4)) - Number(claim.patient!.birthDate!.slice(0, 4))).toBeLessThanOrEqual(12);
          break;
        case 'excludes1':
          expect(codes.slice(0, 2)).toEqual(['E119', 'E109']);
          break;
        case 'duplicate':
          expect(new Set(codes).size).toBe(codes.length - 1);
          break;
        case 'malformed':
          expect(isWellFormedCode(claim.diagnoses[0]!.code)).toBe(false);
          break;
        case 'unknown':
          expect(isWellFormedCode(claim.diagnoses[0]!.code)).toBe(true);
          for (const r of catalog.releases) expect(r.has(first), `${first} in ${r.release.id}`).toBe(false);
          break;
        case 'needs-seventh':
          expect(first).toMatch(/^[ST]/);
          expect(first).toHaveLength(6);
          break;
        case 'external-first':
          expect(first).toMatch(/^[V-Y]/);
          expect(fy2026.get(first)?.billable).toBe(true);
          break;
      }
    });
  });
});
