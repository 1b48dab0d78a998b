/**
 * parseClaim checks the common valid claim shape by hand (src/claim/fast-parse.ts) and falls
 * back to zod otherwise. The hand-written path must never accept what zod rejects and must
 * return exactly zod's value: same keys in the same order, a key present with `undefined` where
 * zod keeps it, no holes, new objects (nothing shared with the input). These properties hold it
 * to zod on claim-shaped and arbitrary input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseClaim } from '../../src/claim/fast-parse.js';
import { parseClaim, toInputErrors } from '../../src/claim/parse.js';
import { claimSchema } from '../../src/claim/schema.js';
import { anyValue } from '../helpers/arbitraries.js';

const RUNS = Number(process.env.DXLINT_FC_RUNS ?? 5_000);

/** Structural identity as far as a program can tell: types, key order, presence, holes, prototypes. */
function same(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== typeof b) return `${at}: ${typeof a} vs ${typeof b}`;
  if (a === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (b === null) return `${at}: object vs null`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${at}: length ${a.length} vs ${bb.length}`;
    for (let i = 0; i < a.length; i++) {
      if (i in a !== i in bb) return `${at}[${i}]: hole in one of them`;
      const d = same(a[i], bb[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b as object);
  if (ka.join('|') !== kb.join('|')) return `${at}: keys ${ka.map(String).join(',')} vs ${kb.map(String).join(',')}`;
  for (const k of ka) {
    const d = same((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

/** Objects of the result that are also objects of the input (must be none). */
function shared(result: unknown, input: unknown): boolean {
  const inputs = new Set<object>();
  const walk = (v: unknown, into: (o: object) => void) => {
    if (v === null || typeof v !== 'object') return;
    into(v);
    for (const k of Reflect.ownKeys(v)) walk((v as Record<PropertyKey, unknown>)[k], into);
  };
  walk(input, (o) => inputs.add(o));
  let hit = false;
  walk(result, (o) => {
    if (inputs.has(o)) hit = true;
  });
  return hit;
}

let fastHits = 0;
let zodAccepted = 0;

/** The property: fast path ⇒ zod accepts with the very same value; parseClaim = zod alone. */
function check(input: unknown): void {
  const z = claimSchema.safeParse(input);
  const fast = typeof input === 'object' && input !== null && !Array.isArray(input) ? fastParseClaim(input) : undefined;
  if (z.success) zodAccepted++;
  if (fast !== undefined) {
    fastHits++;
    expect(z.success, 'the fast path accepted what zod rejects').toBe(true);
    expect(same(fast, z.data), 'the fast path built a different value').toBeUndefined();
    expect(shared(fast, input), 'the result shares objects with the input').toBe(false);
  }
  const r = parseClaim(input);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    expect(r.ok).toBe(false);
    return;
  }
  if (z.success) {
    expect(r.ok).toBe(true);
    if (r.ok) expect(same(r.claim, z.data)).toBeUndefined();
  } else {
    expect(r).toEqual({ ok: false, errors: toInputErrors(z.error) });
  }
}

// Values that are nearly right: the edges of each check the fast path makes.
const str = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom('Z00.129', 'E11.9', 'i10', ' e119 ', '', 'Y', 'N', '99213', '25') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(200), 'x'.repeat(201)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const day = fc.oneof(
  { weight: 60, arbitrary: fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 2, arbitrary: fc.constantFrom('2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '0000-01-01') },
  { weight: 2, arbitrary: fc.constantFrom('2025-10-01T00:00:00Z', '2025-10-01 12:00', '2025-10-01T', '2025-9-1', '20251001', '2025-10-01x', ' 2025-10-01') },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
);
const num = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: -3, max: 14 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 1e300) },
);
/** Mostly valid; sometimes noise, `undefined`, or (for optional keys) absent. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) });

/** One of the allowed values, or now and then a near miss. */
const choice = (ok: string[], near: string[]) =>
  fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fc.constantFrom(...near) });

/** Sometimes a null-prototype copy, sometimes with extra keys. */
const variants = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.constantFrom('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'null-proto', 'extra')).map(([o, how]) => {
    if (how === 'null-proto') return Object.assign(Object.create(null), o) as T;
    if (how === 'extra') return { ...o, extra: [1, { a: 2 }], __proto__x: 1 } as T;
    return o;
  });
/** Sometimes a sparse copy or one past a cap. */
const listOf = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.oneof(
    { weight: 30, arbitrary: fc.array(item, { maxLength }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: 1, maxLength }).map((a) => { const s = [...a]; delete s[0]; return s; }) },
  );

const diagnosis = variants(
  fc.record(
    { code: mostly(str), poa: mostly(str), qualifier: mostly(choice(['principal', 'other', 'admitting', 'reason-for-visit', 'external-cause'], ['Principal', ''])) },
    { requiredKeys: ['code'] },
  ),
);
const line = variants(
  fc.record(
    {
      procedureCode: mostly(str),
      modifiers: mostly(listOf(str, 4)),
      units: mostly(num),
      serviceDate: mostly(day),
      diagnosisPointers: mostly(listOf(num, 5)),
    },
    { requiredKeys: [] },
  ),
);
const claim = variants(
  fc.record(
    {
      id: mostly(fc.oneof(str, num)),
      type: mostly(choice(['professional', 'institutional'], ['dental'])),
      setting: mostly(choice(['outpatient', 'inpatient'], ['Inpatient'])),
      serviceDate: mostly(day),
      statementFrom: mostly(day),
      statementThrough: mostly(day),
      patient: mostly(variants(fc.record({ birthDate: mostly(day), sex: mostly(choice(['F', 'M', 'U'], ['f', 'X'])) }, { requiredKeys: [] }))),
      diagnoses: mostly(listOf(diagnosis, 6)),
      lines: mostly(listOf(line, 3)),
    },
    { requiredKeys: ['type', 'diagnoses'] },
  ),
);


describe('parseClaim fast path = zod', () => {
  it('on claim-shaped input (valid, nearly valid and broken)', () => {
    fastHits = 0;
    zodAccepted = 0;
    fc.assert(fc.property(claim, check), { numRuns: RUNS, seed: 5 });
    // Meaningful only if both paths are exercised: many claims take the fast path, and some that
    // zod accepts (date-times, mostly) do not.
    expect(fastHits).toBeGreaterThan(RUNS / 20);
    expect(zodAccepted - fastHits).toBeGreaterThan(RUNS / 500);
  });

  it('on arbitrary values', () => {
    fc.assert(fc.property(anyValue, check), { numRuns: RUNS, seed: 6 });
  });

  it('takes the fast path for the usual claims (so that it is worth having)', () => {
    const usual = [
      { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z00.129' }] },
      {
        id: 'c-1',
        type: 'professional',
        serviceDate: '2025-11-03',
        patient: { birthDate: '1980-02-29', sex: 'F' },
        diagnoses: [{ code: 'E11.9' }, { code: 'i10' }],
        lines: [{ procedureCode: '99213', modifiers: ['25'], units: 1, serviceDate: '2025-11-03', diagnosisPointers: [1, 2] }],
      },
      {
        id: 7,
        type: 'institutional',
        setting: 'inpatient',
        statementFrom: '2025-10-28',
        statementThrough: '2025-11-03',
        diagnoses: [{ code: 'O80', poa: 'Y', qualifier: 'principal' }, { code: 'Z37.0', poa: 'exempt' }],
      },
    ];
    for (const c of usual) {
      expect(fastParseClaim(c)).toBeDefined();
      check(c);
    }
  });

  it('leaves to zod what its cross-field checks refuse, and date-times', () => {
    for (const c of [
      { type: 'professional', setting: 'inpatient', serviceDate: '2025-11-03', diagnoses: [] },
      { type: 'professional', diagnoses: [] },
      { type: 'institutional', statementFrom: '2025-11-04', statementThrough: '2025-11-03', diagnoses: [] },
      { type: 'professional', serviceDate: '2025-11-03T10:00:00Z', diagnoses: [] },
      { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'E11.9', qualifier: 'first' }] },
    ]) {
      expect(fastParseClaim(c)).toBeUndefined();
      check(c);
    }
  });
});
