/**
 * End to end: the built CLI checks claim files against the real release files.
 * Expected findings come from the fixtures' READMEs (fixtures/demo/README.md) and the
 * official files (../shared/icd10cm/README.md), not from earlier runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, cli, fixture, repoRoot, runCli, spawn, testFixture, withData, type CliResult } from './helpers.js';

interface FindingOut {
  ruleId: string;
  severity: string;
  code?: string;
  position?: number;
  line?: number;
  message: string;
  guideline: string;
  suggestions?: string[];
}
interface ReportOut {
  source: { file: string; line?: number; where?: string };
  id?: string | number;
  release: string | null;
  findings: FindingOut[];
  summary: { error: number; warning: number; info: number };
  inputErrors?: { path: string; message: string }[];
  inputWarnings?: { path: string; message: string }[];
}

const byId = (reports: ReportOut[]) => new Map(reports.map((r) => [String(r.id), r]));
const rules = (r: ReportOut | undefined) => (r?.findings ?? []).map((f) => `${f.ruleId}:${f.severity}`).sort();

beforeAll(buildOnce, 300_000);

describe('check fixtures/demo --format json', () => {
  let result: CliResult;
  let reports: ReportOut[];
  beforeAll(async () => {
    result = await runCli(withData('check', fixture('demo'), '--format', 'json'));
    reports = JSON.parse(result.stdout) as ReportOut[];
  });

  it('exits 1: some demo claims have errors', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('prints one report per claim, in input order (files sorted, lines in order)', () => {
    expect(reports.map((r) => r.id)).toEqual([
      'DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06', 'DEMO-07', 'DEMO-08', 'DEMO-09',
    ]);
    expect(reports[2]!.source).toMatchObject({ line: 3 });
    expect(reports[2]!.source.file).toMatch(/fixtures[/\\]demo[/\\]claims\.ndjson$/);
    // Every demo claim is dated in FY2026.
    for (const r of reports) expect(r.release).toBe('fy2026-oct');
  });

  it('finds nothing on the clean claims', () => {
    const m = byId(reports);
    for (const id of ['DEMO-01', 'DEMO-04', 'DEMO-07', 'DEMO-08']) expect(rules(m.get(id)), id).toEqual([]);
  });

  it('Z53 is a header: code-not-billable with its 12 billable codes as suggestions', () => {
    const r = byId(reports).get('DEMO-02')!;
    expect(rules(r)).toEqual(['code-not-billable:error']);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ position: 1, code: 'Z53' });
    expect(f.message).toContain('12');
    // The billable children of Z53 listed in ../shared/icd10cm/README.md (FY2026 spot checks).
    expect(f.suggestions).toEqual([
      'Z53.01', 'Z53.09', 'Z53.1', 'Z53.20', 'Z53.21', 'Z53.29', 'Z53.31', 'Z53.32', 'Z53.33', 'Z53.39', 'Z53.8', 'Z53.9',
    ]);
  });

  it('Z23 before a child exam: z23-after-exam (error), and Z00.129 out of first place (warning)', () => {
    const r = byId(reports).get('DEMO-03')!;
    expect(rules(r)).toEqual(['first-listed-only:warning', 'z23-after-exam:error']);
    expect(r.findings.find((f) => f.ruleId === 'first-listed-only')).toMatchObject({ position: 2, code: 'Z00.129' });
    expect(r.summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('an external cause code first, a deleted code, a newborn code on the mother', () => {
    const m = byId(reports);
    expect(rules(m.get('DEMO-05'))).toEqual(['external-cause-first:error']);
    expect(m.get('DEMO-05')!.findings[0]).toMatchObject({ position: 1, code: 'W19.XXXA' });
    expect(rules(m.get('DEMO-06'))).toEqual(['code-not-valid-on-date:error']);
    expect(m.get('DEMO-06')!.findings[0]!.message).toContain('2025-10-01');
    expect(rules(m.get('DEMO-09'))).toEqual(['age-conflict:error', 'first-listed-only:warning', 'maternal-newborn-conflict:error']);
  });

  it('findings are sorted by position, then rule id', () => {
    for (const r of reports) {
      const keys = r.findings.map((f) => [f.position ?? 0, f.ruleId] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);
    }
  });
});

describe('check: output formats', () => {
  it('pretty: a block per claim, a line per finding with rule and citation, a summary line', async () => {
    const { code, stdout } = await runCli(withData('check', fixture('demo', 'claims.ndjson')));
    expect(code).toBe(1);
    expect(stdout).not.toContain('\u001b['); // NO_COLOR and not a TTY
    expect(stdout).toMatch(/claims\.ndjson:2 {2}claim DEMO-02 {2}release fy2026-oct/);
    expect(stdout).toMatch(/^ {2}error +dx 1 +Z53 +Z53 .*\[code-not-billable · I\.B\.2\]$/m);
    expect(stdout).toMatch(/suggestions: Z53\.01, Z53\.09, /);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('7 claims checked, 4 with findings: 4 errors, 1 warning, 0 info.');
  });

  it('ndjson: one report per line', async () => {
    const { code, stdout } = await runCli(withData('check', fixture('demo', 'claims.ndjson'), '--format', 'ndjson'));
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const reports = lines.map((l) => JSON.parse(l) as ReportOut);
    expect(reports.map((r) => r.source.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(reports.every((r) => Array.isArray(r.findings) && typeof r.summary.error === 'number')).toBe(true);
  });

  it('sarif: SARIF 2.1.0, one rule per rule id, results at the file and NDJSON line', async () => {
    const { code, stdout } = await runCli(withData('check', 'fixtures/demo/claims.ndjson', '--format', 'sarif'));
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const ids: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('code-not-billable');
    const z53 = run.results.find((r: { ruleId: string }) => r.ruleId === 'code-not-billable');
    expect(z53.level).toBe('error');
    expect(ids[z53.ruleIndex]).toBe('code-not-billable');
    expect(z53.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/demo/claims.ndjson' },
      region: { startLine: 2 },
    });
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(4);
  });
});

describe('check: exit codes and options', () => {
  it('0 when no finding is an error', async () => {
    const { code, stdout } = await runCli(withData('check', fixture('fhir', 'claim-professional-contained-patient.json')));
    expect(code).toBe(0);
    expect(stdout).toContain('1 claim checked, 0 with findings');
  });

  it('reads stdin ("-"), and --rule changes a severity: the Z53 claim then exits 0', async () => {
    const { readFileSync } = await import('node:fs');
    const z53 = readFileSync(fixture('demo', 'claims.ndjson'), 'utf8').split('\n')[1]!;
    const plain = await runCli(withData('check', '-', '--format', 'ndjson'), { input: `${z53}\n` });
    expect(plain.code).toBe(1);
    const lowered = await runCli(withData('check', '-', '--format', 'ndjson', '--rule', 'code-not-billable=warning'), {
      input: `${z53}\n`,
    });
    expect(lowered.code).toBe(0);
    const report = JSON.parse(lowered.stdout) as ReportOut;
    expect(report.source.file).toBe('<stdin>');
    expect(report.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['code-not-billable:warning']);
    const off = await runCli(withData('check', '-', '--format', 'ndjson', '--rule', 'code-not-billable=off'), { input: z53 });
    expect((JSON.parse(off.stdout) as ReportOut).findings).toEqual([]);
  });

  it('--rule can also raise a severity (first-listed-only=error)', async () => {
    const { stdout } = await runCli(withData('check', fixture('demo', 'claims.ndjson'), '--format', 'json', '--rule', 'first-listed-only=error'));
    const r = byId(JSON.parse(stdout) as ReportOut[]).get('DEMO-03')!;
    expect(rules(r)).toEqual(['first-listed-only:error', 'z23-after-exam:error']);
  });

  it('exits 2 for an unknown rule id or level, naming it', async () => {
    const unknown = await runCli(withData('check', fixture('demo'), '--rule', 'no-such-rule=off'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-rule');
    const level = await runCli(withData('check', fixture('demo'), '--rule', 'duplicate-diagnosis=loud'));
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/off, error, warning, info/);
  });

  it('a rule pack with a bad rule file: exit 2, naming the file and the field', async () => {
    const { code, stdout, stderr } = await runCli(withData('check', fixture('demo'), '--rules', testFixture('bad-pack')));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad-severity\.json: severity: must be "error", "warning" or "info"/);
  });

  it('--setting gives institutional claims without a setting one; --rules adds a rule pack', async () => {
    const args = ['check', testFixture('settings.ndjson'), '--format', 'json', '--rules', testFixture('inpatient-pack')];
    const outpatient = JSON.parse((await runCli(withData(...args))).stdout) as ReportOut[];
    // Default: an institutional claim that does not say is outpatient, so the inpatient-only rule stays quiet.
    expect(outpatient.map(rules)).toEqual([[], [], []]);
    const inpatient = await runCli(withData(...args, '--setting', 'inpatient'));
    expect(inpatient.code).toBe(0); // the pack's rule is info
    const reports = JSON.parse(inpatient.stdout) as ReportOut[];
    // Only the institutional claim without a setting changes; stated settings and professional claims stay.
    expect(reports.map(rules)).toEqual([['inpatient-marker:info'], [], []]);
  });
});

describe('check: bad input', () => {
  it('streams an NDJSON file with bad lines: each gets a report with inputErrors, the batch goes on, exit 2', async () => {
    const { code, stdout } = await runCli(withData('check', testFixture('mixed.ndjson'), '--format', 'ndjson'));
    expect(code).toBe(2);
    const reports = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as ReportOut);
    // Line 3 is blank and skipped.
    expect(reports.map((r) => r.source.line)).toEqual([1, 2, 4, 5, 6, 7]);
    const at = (line: number) => reports.find((r) => r.source.line === line)!;
    expect(at(2).inputErrors![0]!.message).toMatch(/line 2 is not valid JSON/);
    expect(at(4).inputErrors![0]!.path).toBe('type');
    expect(at(5).inputErrors![0]!.message).toMatch(/array/);
    for (const line of [2, 4, 5]) expect(at(line).findings).toEqual([]);
    // A FHIR Claim on one NDJSON line goes through the FHIR adapter.
    expect(at(6).id).toBe('M-6');
    expect(rules(at(6))).toEqual(['code-not-billable:error']);
    expect(at(6).inputWarnings?.length).toBeGreaterThan(0);
    expect(rules(at(7))).toEqual([]);
  });

  it('streams: reports come out while stdin is still open', async () => {
    const env = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [cli, ...withData('check', '-', '--format', 'ndjson')], { cwd: repoRoot, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const line = (i: number) =>
      `${JSON.stringify({ id: `S${i}`, type: 'professional', serviceDate: '2026-01-05', diagnoses: [{ code: 'I10' }] })}\n`;
    // More claims than the validator keeps in flight (32), so some reports must be ready.
    for (let i = 1; i <= 100; i++) child.stdin.write(line(i));
    const deadline = Date.now() + 30_000;
    while (!out.includes('"S1"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const beforeEnd = out;
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(beforeEnd).toContain('"id":"S1"');
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(100);
  });

  it('names unreadable files on stderr, checks the rest, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(
      withData('check', testFixture('not-a-claim.txt'), testFixture('broken.json'), 'no-such-file.json', fixture('demo', 'claims.ndjson'), '--format', 'json'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/no-such-file\.json: no such file/);
    expect(stderr).toMatch(/not-a-claim\.txt: not a claim file/);
    expect(stderr).toMatch(/broken\.json: not valid JSON: .*line 2/);
    expect((JSON.parse(stdout) as ReportOut[]).length).toBe(7);
  });

  it('without --data or DXLINT_DATA: exit 2 with how to get the CDC files', async () => {
    const { code, stderr } = await runCli(['check', fixture('demo')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--data/);
    expect(stderr).toMatch(/DXLINT_DATA/);
    expect(stderr).toMatch(/cdc\.gov/);
  });

  it('DXLINT_DATA works in place of --data', async () => {
    const { dataDir } = await import('./helpers.js');
    const { code } = await runCli(['check', fixture('fhir', 'claim-professional-contained-patient.json')], { env: { DXLINT_DATA: dataDir } });
    expect(code).toBe(0);
  });

  it('bad option values are usage errors (exit 2)', async () => {
    expect((await runCli(withData('check', fixture('demo'), '--format', 'xml'))).code).toBe(2);
    expect((await runCli(withData('check', fixture('demo'), '--setting', 'home'))).code).toBe(2);
    expect((await runCli(withData('check'))).code).toBe(2);
  });
});
