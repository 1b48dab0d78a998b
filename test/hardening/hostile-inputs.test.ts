/**
 * Hostile claims: huge strings and arrays in claim fields, and 837 files with broken segment
 * terminators. Each gets a specific input error (or adapter error) in bounded time and memory;
 * nothing throws out of the public functions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_DEPTH, readFhir } from '../../src/adapters/fhir/read.js';
import { readX12 } from '../../src/adapters/x12/read.js';
import { MAX_DIAGNOSES, MAX_LINES, MAX_POINTERS, MAX_STRING } from '../../src/claim/schema.js';
import type { Report } from '../../src/report/types.js';
import { buildValidator, type Validator } from '../../src/validator/index.js';
import { loadTestCatalog } from '../helpers/data.js';

let validator: Validator;
beforeAll(async () => {
  validator = buildValidator(await loadTestCatalog(), { preset: 'recommended' });
  // The first call loads lazy parts of the code set; keep it out of the timings.
  await validator.validate(base());
});

function base(): Record<string, unknown> {
  return { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'J45.909' }] };
}

async function timed(input: unknown): Promise<{ report: Report; ms: number }> {
  const t = performance.now();
  const report = await validator.validate(input);
  return { report, ms: performance.now() - t };
}

const BIG = 10_000_000;

describe('huge strings in claim fields', () => {
  for (const [field, make] of [
    ['diagnoses[0].code', (s: string) => ({ ...base(), diagnoses: [{ code: s }] })],
    ['id', (s: string) => ({ ...base(), id: s })],
    ['diagnoses[0].poa', (s: string) => ({ ...base(), type: 'institutional', diagnoses: [{ code: 'J45.909', poa: s }] })],
    ['lines[0].procedureCode', (s: string) => ({ ...base(), lines: [{ procedureCode: s }] })],
    ['lines[0].modifiers[0]', (s: string) => ({ ...base(), lines: [{ procedureCode: '99213', modifiers: [s] }] })],
  ] as const) {
    it(`a 10 MB ${field} is one input error naming the field, quickly`, async () => {
      const { report, ms } = await timed(make('Z'.repeat(BIG)));
      expect(report.findings).toEqual([]);
      expect(report.inputErrors).toEqual([{ path: field, message: `${field}: ${field.replace(/.*\.|\[\d+\]/g, '').replace(/s$/, '')} is longer than ${MAX_STRING} characters` }]);
      expect(ms).toBeLessThan(1000);
    });
  }

  for (const field of ['serviceDate', 'statementThrough'] as const) {
    it(`a 10 MB ${field} is one input error, without parsing the string as a date`, async () => {
      const heap = process.memoryUsage().heapUsed;
      const { report, ms } = await timed({ ...base(), [field]: `2025-11-03${'T'.repeat(BIG)}` });
      expect(report.inputErrors).toEqual([{ path: field, message: `${field}: must be an ISO date (YYYY-MM-DD)` }]);
      expect(ms).toBeLessThan(500);
      expect((process.memoryUsage().heapUsed - heap) / 2 ** 20).toBeLessThan(100);
    });
  }

  it('an ignored extra field of 10 MB does not change the report', async () => {
    const plain = await validator.validate(base());
    const { report } = await timed({ ...base(), remarks: 'x'.repeat(BIG) });
    expect(report).toEqual(plain);
  });
});

describe('huge arrays', () => {
  it(`a million diagnoses is one input error (at most ${MAX_DIAGNOSES}), without checking each`, async () => {
    const { report, ms } = await timed({ ...base(), diagnoses: Array.from({ length: 1_000_000 }, () => ({ code: 'Z53' })) });
    expect(report.inputErrors?.map((e) => e.path)).toEqual(['diagnoses']);
    expect(ms).toBeLessThan(1000);
  });

  it(`a million pointers on a line is one input error (at most ${MAX_POINTERS})`, async () => {
    const { report } = await timed({ ...base(), lines: [{ procedureCode: '99213', diagnosisPointers: Array.from({ length: 1_000_000 }, () => 1) }] });
    expect(report.inputErrors?.map((e) => e.path)).toEqual(['lines[0].diagnosisPointers']);
  });

  it(`the largest allowed claim (${MAX_DIAGNOSES} diagnoses, ${MAX_LINES} lines of ${MAX_POINTERS} pointers) is checked in bounded time`, async () => {
    const codes = ['Z53', 'E11.9', 'E10.9', 'Z23', 'Z00.129', 'S52.521', 'J45.909', 'V00.01XA'];
    const claim = {
      ...base(),
      diagnoses: Array.from({ length: MAX_DIAGNOSES }, (_, i) => ({ code: codes[i % codes.length]! })),
      lines: Array.from({ length: MAX_LINES }, () => ({ procedureCode: '99213', diagnosisPointers: Array.from({ length: MAX_POINTERS }, (_, i) => i + 1) })),
    };
    const { report, ms } = await timed(claim);
    expect(report.inputErrors).toBeUndefined();
    for (const f of report.findings) {
      if (f.position !== undefined) expect(f.position >= 1 && f.position <= MAX_DIAGNOSES).toBe(true);
      if (f.line !== undefined) expect(f.line >= 1 && f.line <= MAX_LINES).toBe(true);
    }
    // Repeats of the same 8 codes: duplicates are reported on every repeat.
    expect(report.findings.filter((f) => f.ruleId === 'duplicate-diagnosis')).toHaveLength(MAX_DIAGNOSES - codes.length);
    expect(ms).toBeLessThan(10_000);
  });

  it('a deeply nested ignored object is not walked', async () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const { report, ms } = await timed({ ...base(), patient: { sex: 'F', extra: root }, extra: root });
    expect(report.inputErrors).toBeUndefined();
    expect(ms).toBeLessThan(500);
  });
});

describe('837 with broken segment terminators', () => {
  const segments = [
    'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251110*0930*^*00501*000000101*0*T*:',
    'GS*HC*SUBMITTER*RECEIVER*20251110*0930*101*X*005010X222A1',
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*REF1*20251110*0930*CH',
    'HL*1**20*1',
    'HL*2*1*22*0',
    'SBR*P*18*******CI',
    'NM1*IL*1*DOE*JANE****MI*SUB1',
    'DMG*D8*19800101*F',
    'CLM*PCN1*100***11:B:1*Y*A*Y*Y',
    'HI*ABK:Z53*ABF:J45909',
    'LX*1',
    'SV1*HC:99213*100*UN*1***1',
    'DTP*472*D8*20251103',
    'SE*14*0001',
    'GE*1*101',
    'IEA*1*000000101',
  ];

  it('reads the well-formed file (so the failures below are about the terminators)', () => {
    const { claims, errors } = readX12(`${segments.join('~')}~`);
    expect(errors).toEqual([]);
    expect(claims.map((c) => (c.claim.diagnoses as { code: string }[]).map((d) => d.code))).toEqual([['Z53', 'J45909']]);
  });

  it('no terminators at all: an error about ISA16, no claims', () => {
    const { claims, errors } = readX12(segments.join(''));
    expect(claims).toEqual([]);
    expect(errors[0]?.path).toBe('ISA');
    expect(errors[0]?.message).toMatch(/cannot be a segment terminator/);
  });

  it('the terminator equals the element separator: an error naming both', () => {
    const { claims, errors } = readX12(segments.join('*'));
    expect(claims).toEqual([]);
    expect(errors[0]?.message).toMatch(/must all differ/);
  });

  it('the terminator changes half-way: the file is reported cut off at the first segment without one', () => {
    const { errors } = readX12(`${segments.slice(0, 8).join('~')}~${segments.slice(8).join('|')}`);
    expect(errors.some((e) => /ends inside this segment|cut off|truncated/.test(e.message))).toBe(true);
  });

  it('truncated in the middle of a segment: the claim is flagged incomplete and the file cut off', () => {
    const { claims, errors } = readX12(`${segments.slice(0, 10).join('~')}~HI*ABK:Z5`);
    expect(errors.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.errors.length + c.warnings.length).toBeGreaterThan(0);
  });

  it('repeated terminators and blank lines between segments are tolerated', () => {
    const { claims, errors } = readX12(segments.join('~~~\r\n\r\n'));
    expect(errors).toEqual([]);
    expect(claims).toHaveLength(1);
  });

  it('a megabyte of binary is refused as "not an X12 interchange" quickly', () => {
    const t = performance.now();
    const { claims, errors } = readX12(Uint8Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256));
    expect(claims).toEqual([]);
    expect(errors[0]?.message).toMatch(/not an X12 interchange/);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('100,000 HI segments in one claim: read, then one input error from the claim schema', async () => {
    const file = `${segments.slice(0, 10).join('~')}~${'HI*ABF:Z53~'.repeat(100_000)}${segments.slice(11).join('~')}~`;
    const { claims } = readX12(file);
    expect(claims).toHaveLength(1);
    const report = await validator.validate(claims[0]!.claim);
    expect(report.inputErrors?.map((e) => e.path)).toEqual(['diagnoses']);
  });
});

describe('FHIR nesting', () => {
  const claim = {
    resourceType: 'Claim',
    id: 'c',
    type: { coding: [{ code: 'professional' }] },
    created: '2025-11-03',
    diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z53' }] } }],
  };
  const nest = (depth: number): unknown => {
    let r: unknown = claim;
    for (let i = 0; i < depth; i++) r = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: r }] };
    return r;
  };

  it('reads a Claim a few Bundles deep', () => {
    const { claims, errors } = readFhir(nest(3));
    expect(errors).toEqual([]);
    expect(claims).toHaveLength(1);
  });

  it('10,000 nested Bundles: an error saying so, no stack overflow', () => {
    const t = performance.now();
    const { claims, errors } = readFhir(nest(10_000));
    expect(claims).toEqual([]);
    expect(errors.some((e) => e.message.includes(`Bundles nested more than ${MAX_BUNDLE_DEPTH} levels deep`))).toBe(true);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
