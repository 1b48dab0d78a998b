/**
 * End to end: the adapters' fixtures (fixtures/x12, fixtures/fhir) and the real 837 / FHIR
 * samples (../shared/samples) through the built CLI. Expected findings are reasoned from the
 * files' contents and ../shared/samples/README.md.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, fixture, runCli, samplesDir, withData, type CliResult } from './helpers.js';

interface ReportOut {
  source: { file: string; where?: string };
  id?: string;
  release: string | null;
  findings: { ruleId: string; severity: string; code?: string; position?: number; line?: number; suggestions?: string[] }[];
  inputErrors?: { message: string }[];
  inputWarnings?: { message: string }[];
}
const rules = (r: ReportOut | undefined) => (r?.findings ?? []).map((f) => `${f.ruleId}:${f.severity}`).sort();

beforeAll(buildOnce, 300_000);

describe('the adapters fixtures: 837P, 837I and FHIR', () => {
  let result: CliResult;
  let byId: Map<string, ReportOut>;
  beforeAll(async () => {
    result = await runCli(
      withData(
        'check',
        fixture('x12', '837i-inpatient-qualifiers-poa.x12'),
        fixture('x12', '837p-multi-claim-pointers.x12'),
        fixture('fhir', 'bundle-claim-eob-patient.json'),
        fixture('fhir', 'claim-professional-contained-patient.json'),
        '--format',
        'json',
      ),
    );
    byId = new Map((JSON.parse(result.stdout) as ReportOut[]).map((r) => [String(r.id), r]));
  });

  it('reads every claim, and exits 1 for the two claims with errors', () => {
    expect([...byId.keys()]).toEqual(['IP-1001', 'OP-2002', 'PCN-A1', 'PCN-B2', 'PCN-C3', 'PCN-D4', 'inst-0001', 'eob-2', 'prof-0001']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('837I inpatient: POA "X" on J18.9 is not a POA value; Y, N, U, W and 1 are', () => {
    const r = byId.get('IP-1001')!;
    expect(r.release).toBe('fy2026-oct'); // discharged 2025-11-02
    expect(rules(r)).toEqual(['poa-invalid:error']);
    expect(r.findings[0]!.code).toBe('J18.9');
    expect(rules(byId.get('OP-2002'))).toEqual([]);
  });

  it('837P: a pointer to a diagnosis the claim does not have; the FY2025 April release for 2025-09-30', () => {
    const r = byId.get('PCN-C3')!;
    expect(r.release).toBe('fy2025-apr');
    expect(rules(r)).toEqual(['pointer-invalid:error']);
    expect(r.findings[0]!.line).toBe(1);
    for (const id of ['PCN-A1', 'PCN-B2', 'PCN-D4']) expect(rules(byId.get(id)), id).toEqual([]);
  });

  it('837P: a principal diagnosis sent second is moved first, with a note (inputWarnings)', () => {
    const r = byId.get('PCN-D4')!;
    expect(r.inputWarnings?.map((w) => w.message).join(' ')).toMatch(/E119|E11\.9/);
  });

  it('FHIR: a Bundle with a Claim and an EOB, and a Claim with a contained Patient, are clean', () => {
    for (const id of ['inst-0001', 'eob-2', 'prof-0001']) {
      expect(byId.get(id)!.release, id).toBe('fy2026-oct');
      expect(rules(byId.get(id)), id).toEqual([]);
    }
  });
});

describe('the adapters fixtures: malformed 837s', () => {
  it('exit 2; file-level problems on stderr; damaged claims get inputErrors; intact claims are still checked', async () => {
    const { code, stdout, stderr } = await runCli(
      withData('check', fixture('x12', 'malformed-missing-clm.x12'), fixture('x12', 'malformed-missing-terminator.x12'), '--format', 'json'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/malformed-missing-clm\.x12: .*no CLM/);
    const reports = JSON.parse(stdout) as ReportOut[];
    expect(reports.map((r) => r.id)).toEqual(['PCN-G7', 'PCN-E5', 'PCN-F6']);
    const damaged = reports.find((r) => r.id === 'PCN-F6')!;
    expect(damaged.inputErrors![0]!.message).toMatch(/terminator/);
    expect(damaged.findings).toEqual([]);
  });
});

describe('the shared real-world samples', () => {
  let reports: ReportOut[];
  beforeAll(async () => {
    const r = await runCli(
      withData(
        'check',
        path.join(samplesDir, 'x12', '837p-multi-claim-15-claims-dme-icd10.x12'),
        path.join(samplesDir, 'x12', '837p-single-claim-m545-short-isa.x12'),
        '--format',
        'json',
      ),
    );
    reports = JSON.parse(r.stdout) as ReportOut[];
  });

  it('15-claim 837P: all codes billable in FY2026; exactly the four claims that repeat a code get duplicate-diagnosis', () => {
    const dme = reports.filter((r) => r.source.file.endsWith('837p-multi-claim-15-claims-dme-icd10.x12'));
    expect(dme).toHaveLength(15);
    const dup = new Map(dme.filter((r) => r.findings.length).map((r) => [r.id, r.findings.map((f) => `${f.ruleId}:${f.code}`)]));
    expect(Object.fromEntries(dup)).toEqual({
      '52772244': ['duplicate-diagnosis:L89.151'],
      '52772238': ['duplicate-diagnosis:N39.498'],
      '52772235': ['duplicate-diagnosis:Z43.3'],
      '52772226': ['duplicate-diagnosis:S31.114D'],
    });
    for (const r of dme) expect(r.release).toBe('fy2026-oct');
  });

  it('M54.5 has been a header since FY2022: code-not-billable, suggesting M54.50, M54.51, M54.59', () => {
    const r = reports.find((x) => x.source.file.endsWith('837p-single-claim-m545-short-isa.x12'))!;
    expect(rules(r)).toEqual(['code-not-billable:error']);
    expect(r.findings[0]!.suggestions).toEqual(['M54.50', 'M54.51', 'M54.59']);
  });
});
