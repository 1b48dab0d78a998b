import {
  claimDate,
  diagnosisQualifiers,
  isRealDate,
  MAX_DIAGNOSES,
  MAX_LINES,
  MAX_POINTERS,
  MAX_STRING,
  type Claim,
  type Diagnosis,
  type ServiceLine,
} from './schema.js';

/*
 * A hand-written check of the common, valid claim shape that builds exactly the value zod's
 * claimSchema.safeParse returns (same keys, same order, a key present with `undefined` when the
 * input has it so, extra fields dropped, dates cut to the day). zod costs more than the rest of
 * checking a typical claim; this path costs a fraction of it. It answers only when it is sure:
 * anything unusual (a date with a time part, a non-plain object, a value zod would reject, a
 * claim the schema's cross-field checks would refuse) gives `undefined`, and the caller runs
 * zod, whose error messages stay the only ones. test/claim/fast-parse.test.ts holds it to zod.
 */

const QUALIFIERS: ReadonlySet<string> = new Set(diagnosisQualifiers);

/** Thrown inside the fast path to give up; never escapes it. */
const UNSURE = Symbol('unsure');

type Obj = Record<string, unknown>;

/** A plain object (literal, JSON.parse, or null prototype): what the fast path reads. */
function plain(v: unknown): Obj {
  if (typeof v !== 'object' || v === null) throw UNSURE;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw UNSURE;
  return v as Obj;
}

function text(v: unknown): string {
  if (typeof v !== 'string' || v.length > MAX_STRING) throw UNSURE;
  return v;
}

/** True when character i of s is an ASCII digit. */
function digitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** A plain YYYY-MM-DD (zod's isoDate would return it unchanged). Date-times go to zod. */
function day(v: unknown): string {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) throw UNSURE;
  for (const i of DIGITS) if (!digitAt(v, i)) throw UNSURE;
  if (!isRealDate(v)) throw UNSURE;
  return v;
}
/** Where YYYY-MM-DD has digits. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** A new array of the checked items; every index is read (a hole is `undefined`, as zod reads it). */
function array<T>(v: unknown, max: number, item: (x: unknown) => T): T[] {
  if (!Array.isArray(v) || v.length > max) throw UNSURE;
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = item(v[i]);
  return out;
}

/**
 * Copies an optional key the way zod's object does: absent stays absent; present with
 * `undefined` is kept as `undefined`; otherwise the checked value. `v` is `input[key]`, read by
 * the caller with a named property access (a keyed read here would see every shape of input
 * at one site, and be slow for all of them).
 */
function opt<T>(out: Obj, input: Obj, key: string, v: unknown, check: (v: unknown) => T): void {
  if (v !== undefined) out[key] = check(v);
  else if (key in input) out[key] = undefined;
}

function diagnosis(v: unknown): Diagnosis {
  const input = plain(v);
  if (!('code' in input)) throw UNSURE;
  const out: Obj = { code: text(input.code) };
  opt(out, input, 'poa', input.poa, text);
  opt(out, input, 'qualifier', input.qualifier, (q) => {
    if (typeof q !== 'string' || !QUALIFIERS.has(q)) throw UNSURE;
    return q;
  });
  return out as Diagnosis;
}

function pointer(p: unknown): number {
  if (typeof p !== 'number' || !Number.isSafeInteger(p)) throw UNSURE;
  return p;
}

function line(v: unknown): ServiceLine {
  const input = plain(v);
  const out: Obj = {};
  opt(out, input, 'procedureCode', input.procedureCode, text);
  opt(out, input, 'modifiers', input.modifiers, (m) => array(m, MAX_POINTERS, text));
  opt(out, input, 'units', input.units, (u) => {
    if (typeof u !== 'number' || !Number.isFinite(u)) throw UNSURE;
    return u;
  });
  opt(out, input, 'serviceDate', input.serviceDate, day);
  opt(out, input, 'diagnosisPointers', input.diagnosisPointers, (ps) => array(ps, MAX_POINTERS, pointer));
  return out as ServiceLine;
}

function oneOf<T extends string>(values: readonly T[]): (v: unknown) => T {
  return (v) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw UNSURE;
    return v as T;
  };
}
const claimType = oneOf(['professional', 'institutional'] as const);
const setting = oneOf(['outpatient', 'inpatient'] as const);
const sex = oneOf(['F', 'M', 'U'] as const);

function build(input: Obj): Claim {
  const out: Obj = {};
  opt(out, input, 'id', input.id, (id) => {
    if (typeof id === 'number' && Number.isFinite(id)) return id;
    return text(id);
  });
  if (!('type' in input)) throw UNSURE;
  out.type = claimType(input.type);
  opt(out, input, 'setting', input.setting, setting);
  opt(out, input, 'serviceDate', input.serviceDate, day);
  opt(out, input, 'statementFrom', input.statementFrom, day);
  opt(out, input, 'statementThrough', input.statementThrough, day);
  opt(out, input, 'patient', input.patient, (p) => {
    const pi = plain(p);
    const po: Obj = {};
    opt(po, pi, 'birthDate', pi.birthDate, day);
    opt(po, pi, 'sex', pi.sex, sex);
    return po;
  });
  if (!('diagnoses' in input)) throw UNSURE;
  out.diagnoses = array(input.diagnoses, MAX_DIAGNOSES, diagnosis);
  opt(out, input, 'lines', input.lines, (ls) => array(ls, MAX_LINES, line));
  const claim = out as Claim;
  // The schema's cross-field checks: when one would complain, zod must say it.
  if (claim.type === 'professional' && claim.setting === 'inpatient') throw UNSURE;
  if (claimDate(claim) === undefined) throw UNSURE;
  if (claim.statementFrom && claim.statementThrough && claim.statementFrom > claim.statementThrough) throw UNSURE;
  return claim;
}

/**
 * The parsed claim when the input has the common valid shape, exactly as claimSchema.safeParse
 * would return it; `undefined` when it is not sure (then use zod).
 */
export function fastParseClaim(input: unknown): Claim | undefined {
  try {
    return build(plain(input));
  } catch {
    // UNSURE, or a getter of the input threw: zod reads the input again and decides.
    return undefined;
  }
}
