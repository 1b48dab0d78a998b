import { describe, expect, it } from 'vitest';
import { readX12 } from '../../src/adapters/index.js';

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *251110*0930*^*00501*000000001*0*T*:~';

/** An interchange around one transaction set; SE01 is counted by hand-free arithmetic on `body`. */
function x12(body: string[], options: { st03?: string; gs08?: string; st01?: string } = {}): string {
  const { st03 = '005010X222A1', st01 = '837' } = options;
  const gs08 = options.gs08 ?? st03;
  const st = [`ST*${st01}*0001*${st03}`, 'BHT*0019*00*1*20251110*0930*CH', ...body];
  return [ISA, `GS*HC*S*R*20251110*0930*1*X*${gs08}`, ...st, `SE*${st.length + 1}*0001`, 'GE*1*1', 'IEA*1*000000001'].join('~\n') + '~\n';
}
const subscriber = ['HL*1**20*1', 'HL*2*1*22*0', 'SBR*P*18', 'NM1*IL*1*DOE*JO', 'DMG*D8*19800101*F'];
const professional = (hi: string, line = 'SV1*HC:99213*100*UN*1***1', dtp = 'DTP*472*D8*20251103') => x12([...subscriber, 'CLM*X1*100***11:B:1', hi, 'LX*1', line, dtp]);
const only = (text: string) => {
  const r = readX12(text);
  expect(r.claims).toHaveLength(1);
  return r.claims[0]!;
};
const messages = (list: { message: string }[]) => list.map((e) => e.message).join('\n');

describe('readX12: envelope', () => {
  it('reads a clean claim without any message', () => {
    const c = only(professional('HI*ABK:J069'));
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.claim).toEqual({
      id: 'X1',
      type: 'professional',
      diagnoses: [{ code: 'J069', qualifier: 'principal' }],
      lines: [{ procedureCode: '99213', units: 1, serviceDate: '2025-11-03', diagnosisPointers: [1] }],
      patient: { birthDate: '1980-01-01', sex: 'F' },
    });
  });
  it('skips a transaction set that is not an 837', () => {
    const r = readX12(x12(['BPR*I'], { st01: '835' }));
    expect(r.claims).toEqual([]);
    expect(r.errors).toEqual([{ path: 'ST 0001 / ST01', message: expect.stringMatching(/X12 835 transaction set, not an 837/) }]);
  });
  it('reports trailer count and control-number mismatches on every claim', () => {
    const text = professional('HI*ABK:J069').replace(/SE\*\d+\*0001/, 'SE*99*0002').replace('GE*1*1', 'GE*2*7').replace('IEA*1*000000001', 'IEA*3*000000009');
    const c = only(text);
    const m = messages(c.warnings);
    // ST, BHT, 2 HL, SBR, NM1, DMG, CLM, HI, LX, SV1, DTP, SE.
    expect(m).toMatch(/SE01 says 99 segments but the transaction set has 13/);
    expect(m).toMatch(/SE02 "0002" does not match ST02 "0001"/);
    expect(m).toMatch(/GE01 says 2 transaction sets but the group has 1/);
    expect(m).toMatch(/GE02 "7" does not match GS06 "1"/);
    expect(m).toMatch(/IEA01 says 3 functional groups but the interchange has 1/);
    expect(m).toMatch(/IEA02 "000000009" does not match ISA13 "000000001"/);
    expect(c.errors).toEqual([]);
  });
  it('reads a transaction outside a group but says so', () => {
    const text = professional('HI*ABK:J069').replace(/GS\*[^~]*~\n/, '').replace('GE*1*1~\n', '');
    const r = readX12(text);
    expect(r.claims).toHaveLength(1);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/ST outside a functional group/)]);
  });
  it('reports segments outside any transaction once per run, and SE without ST', () => {
    const r = readX12([ISA, 'GS*HC*S*R*20251110*0930*1*X*005010X222A1', 'BHT*0019', 'HL*1**20*1', 'SE*2*0001', 'GE*0*1', 'IEA*1*000000001'].join('~') + '~');
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^segments 3–4 \(lines 1–1\): 2 segments \(BHT … HL\) are outside any ST…SE transaction set/),
      expect.stringMatching(/SE without a matching ST/),
    ]);
  });
  it('names transactions by position when ST02 repeats', () => {
    const one = x12([...subscriber, 'CLM*A*1***11:B:1', 'HI*ABK:J069', 'LX*1', 'SV1*HC:99213*1*UN*1***1', 'DTP*472*D8*20251103']);
    const st = one.slice(one.indexOf('ST*'), one.indexOf('GE*'));
    const twice = one.replace(st, st + st).replace('GE*1*1', 'GE*2*1');
    expect(readX12(twice).claims.map((c) => c.source)).toEqual(['transaction 1 (ST 0001) / CLM A', 'transaction 2 (ST 0001) / CLM A']);
  });
  it('accepts bytes, UTF-8 with BOM and UTF-16', () => {
    const text = professional('HI*ABK:J069');
    expect(readX12(new TextEncoder().encode('\uFEFF' + text)).claims).toHaveLength(1);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readX12(new Uint8Array(utf16)).claims[0]!.claim.id).toBe('X1');
  });
  it('never throws on garbage', () => {
    for (const junk of ['', '   ', 'ISA', 'ISA*', `${ISA}`, `${ISA}~~~`, 'SE*1~', '\u0000\u0001', `${ISA}ST*837~CLM~HI~SV1~`]) {
      expect(() => readX12(junk)).not.toThrow();
    }
    expect(readX12(`${ISA}`).errors[0]!.message).toMatch(/no ST transaction set|ends without/);
  });
});

describe('readX12: HI segments', () => {
  it('warns about an unknown qualifier and ignores known non-diagnosis ones silently', () => {
    const c = only(professional('HI*ABK:J069*ZZZ:1234*BP:00100*BG:01'));
    expect(c.warnings).toEqual([{ path: 'ST 0001 / segment 9 / HI02-1', message: expect.stringMatching(/qualifier "ZZZ" is not one dxlint knows/) }]);
    expect(c.claim.diagnoses).toEqual([{ code: 'J069', qualifier: 'principal' }]);
  });
  it('makes an empty code an error at HIxx-2', () => {
    const c = only(professional('HI*ABK:J069*ABF:'));
    expect(c.errors).toEqual([{ path: 'ST 0001 / segment 9 / HI02-2', message: expect.stringMatching(/other diagnosis \(ABF\) has no code/) }]);
  });
  it('counts pointer positions over ABK/ABF composites even when one is empty', () => {
    const c = only(professional('HI*ABK:J069*ABF:*ABF:R509', 'SV1*HC:99213*100*UN*1***3'));
    // HI03 is the third position, now listed second because HI02 had no code.
    expect((c.claim.lines as { diagnosisPointers: number[] }[])[0]!.diagnosisPointers).toEqual([2]);
  });
  it('keeps only the first ABK as principal', () => {
    const c = only(professional('HI*ABK:J069*ABK:R509'));
    expect(c.claim.diagnoses).toEqual([
      { code: 'J069', qualifier: 'principal' },
      { code: 'R509', qualifier: 'other' },
    ]);
    expect(messages(c.warnings)).toMatch(/a second principal diagnosis \(R509\)/);
  });
  it('warns when there is no ABK at all', () => {
    const c = only(professional('HI*ABF:R509*ABF:J069'));
    expect(messages(c.warnings)).toMatch(/no principal diagnosis \(ABK\); R509 is listed first/);
  });
  it('reads HI after the lines as claim diagnoses, with a warning', () => {
    const text = x12([...subscriber, 'CLM*X1*100***11:B:1', 'LX*1', 'SV1*HC:99213*100*UN*1***1', 'DTP*472*D8*20251103', 'HI*ABK:J069']);
    const c = only(text);
    expect(c.claim.diagnoses).toEqual([{ code: 'J069', qualifier: 'principal' }]);
    expect(messages(c.warnings)).toMatch(/HI comes after the service lines/);
  });
});

describe('readX12: lines, dates, patient', () => {
  it('drops a non-numeric pointer with a warning', () => {
    const c = only(professional('HI*ABK:J069', 'SV1*HC:99213*100*UN*1***1:A'));
    expect((c.claim.lines as { diagnosisPointers: number[] }[])[0]!.diagnosisPointers).toEqual([1]);
    expect(c.warnings).toEqual([{ path: 'ST 0001 / segment 11 / SV107-2', message: expect.stringMatching(/"A" is not a number/) }]);
  });
  it('makes a bad date an error only when no other date of service remains', () => {
    const bad = only(professional('HI*ABK:J069', undefined, 'DTP*472*D8*20250230'));
    expect(bad.errors).toEqual([{ path: 'ST 0001 / segment 12 / DTP03', message: expect.stringMatching(/"20250230" is not a real date.*no other date of service/) }]);
    const rescued = only(x12([...subscriber, 'CLM*X1*100***11:B:1', 'DTP*472*D8*20251103', 'HI*ABK:J069', 'LX*1', 'SV1*HC:99213*100*UN*1***1', 'DTP*472*RD8*20251105-20251104']));
    expect(rescued.errors).toEqual([]);
    expect(messages(rescued.warnings)).toMatch(/ends before it starts; left out/);
  });
  it('errors when there is no date of service at all', () => {
    const c = only(professional('HI*ABK:J069', undefined, 'REF*6R*1'));
    expect(c.errors).toEqual([{ path: 'ST 0001 / segment 8 (CLM)', message: expect.stringMatching(/no date of service/) }]);
  });
  it('leaves out a bad birth date or sex with a warning, and warns when there is no DMG', () => {
    const odd = only(professional('HI*ABK:J069').replace('DMG*D8*19800101*F', 'DMG*D8*19801301*X'));
    expect(odd.claim.patient).toBeUndefined();
    expect(odd.warnings.map((w) => w.path)).toEqual(['ST 0001 / segment 7 / DMG02', 'ST 0001 / segment 7 / DMG03']);
    const none = only(professional('HI*ABK:J069').replace('DMG*D8*19800101*F~\n', ''));
    expect(messages(none.warnings)).toMatch(/no DMG segment for the patient/);
  });
});

describe('readX12: claim type and setting', () => {
  const institutional = (clm05: string, st03 = '005010X223A2') =>
    x12([...subscriber, `CLM*I1*100***${clm05}`, 'DTP*434*RD8*20251101-20251104', 'HI*ABK:J189:::::::Y', 'LX*1', 'SV2*0450*HC:99285*100*UN*1'], { st03 });
  it('maps bill types to settings (11x, 12x, 18x, 21x, 41x inpatient; 13x, 14x, 83x, 85x outpatient)', () => {
    const setting = (clm05: string) => only(institutional(clm05)).claim.setting;
    for (const f of ['11', '12', '18', '21', '28', '41']) expect(setting(`${f}:A:1`), f).toBe('inpatient');
    for (const f of ['13', '14', '32', '71', '81', '83', '85']) expect(setting(`${f}:A:1`), f).toBe('outpatient');
  });
  it('warns when the bill type is missing', () => {
    const c = only(institutional(':A:1'));
    expect(c.claim.setting).toBeUndefined();
    expect(messages(c.warnings)).toMatch(/no usable type of bill/);
  });
  it('decides by content when the declared guide contradicts it', () => {
    const c = only(institutional('11:A:1', '005010X222A1'));
    expect(c.claim.type).toBe('institutional');
    expect(messages(c.warnings)).toMatch(/says 837P .* content \(SV2 service lines, CLM05-2 "A" \(type of bill\)\) says 837I/);
  });
  it('knows the 4010 guide names too', () => {
    const c = only(professional('HI*BK:4019').replace(/005010X222A1/g, '004010X098A1'));
    expect(c.claim.type).toBe('professional');
    expect(messages(c.warnings)).not.toMatch(/names an 837P or 837I guide/);
  });
  it('reads an 837D as professional with a warning, and refuses to guess without any sign', () => {
    const dental = only(professional('HI*ABK:K021').replace(/005010X222A1/g, '005010X224A2'));
    expect(dental.claim.type).toBe('professional');
    expect(messages(dental.warnings)).toMatch(/837D dental/);
    const unknown = only(x12([...subscriber, 'CLM*U1*100', 'HI*ABK:J069', 'DTP*472*D8*20251103'], { st03: '004010' }));
    expect(unknown.claim.type).toBeUndefined();
    expect(messages(unknown.errors)).toMatch(/cannot tell whether this is a professional \(837P\) or institutional \(837I\) claim/);
  });
});
