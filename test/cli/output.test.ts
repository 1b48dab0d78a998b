import { describe, expect, it } from 'vitest';
import { colorsFor } from '../../src/cli/output/colors.js';
import { jsonWriter, ndjsonWriter } from '../../src/cli/output/json.js';
import { prettyWriter, shortCitation, summaryLine } from '../../src/cli/output/pretty.js';
import { artifactUri, sarifWriter } from '../../src/cli/output/sarif.js';
import type { Checked, ReportWriter, RunSummary } from '../../src/cli/output/types.js';
import type { Report } from '../../src/report/types.js';

const withFindings: Report = {
  id: 'C1',
  release: 'fy2026-oct',
  findings: [
    {
      ruleId: 'code-not-billable',
      severity: 'error',
      message: 'Z53 is a category with 12 billable codes; report one of them.',
      position: 1,
      code: 'Z53',
      guideline: 'I.B.2',
      suggestions: ['Z53.01', 'Z53.09'],
      suggestionsTotal: 12,
    },
    { ruleId: 'duplicate-diagnosis', severity: 'warning', message: 'Z23 is listed twice.', position: 3, code: 'Z23', guideline: 'I.B.12' },
  ],
  summary: { error: 1, warning: 1, info: 0 },
};
const clean: Report = { id: 7, release: 'fy2026-oct', findings: [], summary: { error: 0, warning: 0, info: 0 } };
const bad: Report = {
  release: null,
  findings: [],
  summary: { error: 0, warning: 0, info: 0 },
  inputErrors: [{ path: '', message: 'line 3 is not valid JSON' }],
};

const items: Checked[] = [
  { report: withFindings, source: { file: 'a.json' } },
  { report: clean, source: { file: 'b.ndjson', line: 2 } },
  { report: bad, source: { file: 'b.ndjson', line: 3 } },
];
const summary: RunSummary = {
  claims: 3,
  claimsWithFindings: 1,
  claimsWithInputErrors: 1,
  findings: { error: 1, warning: 1, info: 0 },
  fileProblems: [{ file: 'missing.json', message: 'missing.json: no such file' }],
  exitCode: 2,
  elapsedMs: 5,
};

function run(writer: ReportWriter, list: Checked[] = items): string {
  return writer.start() + list.map((i) => writer.item(i)).join('') + writer.end(summary);
}

describe('json writer', () => {
  it('prints one array in input order, each report with its source', () => {
    const parsed = JSON.parse(run(jsonWriter()));
    expect(parsed).toHaveLength(3);
    expect(parsed.map((r: { id?: unknown }) => r.id)).toEqual(['C1', 7, undefined]);
    expect(parsed[1].source).toEqual({ file: 'b.ndjson', line: 2 });
    expect(parsed[0].findings[0].suggestions).toEqual(['Z53.01', 'Z53.09']);
    expect(parsed[2].inputErrors[0].message).toMatch(/not valid JSON/);
  });
  it('prints an empty array when there is nothing', () => {
    expect(JSON.parse(run(jsonWriter(), []))).toEqual([]);
  });
});

describe('ndjson writer', () => {
  it('prints one parseable report per line', () => {
    const lines = run(ndjsonWriter()).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).source.line)).toEqual([undefined, 2, 3]);
  });
});

describe('pretty writer', () => {
  const text = run(prettyWriter());
  it('has a block per claim with source, id and release', () => {
    expect(text).toContain('a.json  claim C1  release fy2026-oct');
    expect(text).toContain('b.ndjson:2  claim 7');
    expect(text).toMatch(/^b\.ndjson:3\n/m);
  });
  it('has a line per finding with severity, position, code, message, rule and citation', () => {
    expect(text).toMatch(/error +dx 1 +Z53 +Z53 is a category .* \[code-not-billable · I\.B\.2\]/);
    expect(text).toMatch(/suggestions: Z53\.01, Z53\.09 … \(12 in all\)/);
    expect(text).toMatch(/warning +dx 3 +Z23 /);
    expect(text).toMatch(/input +line 3 is not valid JSON/);
  });
  it('ends with a summary line', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '3 claims checked, 1 with findings: 1 error, 1 warning, 0 info. 1 claim could not be read. Problems reading 1 file (see the messages above).',
    );
  });
  it('has no escape codes unless colours are on', () => {
    expect(text).not.toContain('\u001b[');
    expect(summaryLine(summary, colorsFor({ isTTY: true }, {}))).toContain('\u001b[31m');
  });
});

describe('short citations in pretty output', () => {
  it('keep the lead of a long citation', () => {
    expect(shortCitation('I.B.2, level of detail in coding: a three-character code only if not further subdivided; I.A.3')).toBe('I.B.2');
    expect(shortCitation('I.C.21.c.16')).toBe('I.C.21.c.16');
    expect(shortCitation('Tabular note at Z23; I.C.21.c.2')).toBe('Tabular note at Z23');
  });
});

describe('colours', () => {
  it('only for a TTY without NO_COLOR', () => {
    const probe = (isTTY: boolean, env: NodeJS.ProcessEnv) => colorsFor({ isTTY }, env).red('x') !== 'x';
    expect(probe(true, {})).toBe(true);
    expect(probe(true, { NO_COLOR: '1' })).toBe(false);
    expect(probe(true, { NO_COLOR: '' })).toBe(true);
    expect(probe(false, {})).toBe(false);
  });
});

describe('sarif writer', () => {
  const rules = [
    { id: 'code-not-billable', title: 'Header code', severity: 'error' as const, guideline: 'I.B.2' },
    { id: 'duplicate-diagnosis', title: 'Duplicate', severity: 'warning' as const, guideline: 'I.B.12' },
  ];
  const log = JSON.parse(run(sarifWriter({ rules, toolVersion: '1.2.3' })));
  const runObj = log.runs[0];
  it('is SARIF 2.1.0 with one rule descriptor per rule id', () => {
    expect(log.version).toBe('2.1.0');
    expect(runObj.tool.driver.name).toBe('dxlint');
    expect(runObj.tool.driver.version).toBe('1.2.3');
    const ids = runObj.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['code-not-billable', 'duplicate-diagnosis', 'input-error']);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('has one result per finding and input error, pointing at the file and NDJSON line', () => {
    expect(runObj.results).toHaveLength(3);
    const [first, second, third] = runObj.results;
    expect(first).toMatchObject({ ruleId: 'code-not-billable', ruleIndex: 0, level: 'error' });
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('a.json');
    expect(first.locations[0].logicalLocations[0].fullyQualifiedName).toBe('claim C1 / dx 1');
    expect(second).toMatchObject({ ruleId: 'duplicate-diagnosis', ruleIndex: 1, level: 'warning' });
    expect(third).toMatchObject({ ruleId: 'input-error', ruleIndex: 2, level: 'error' });
    expect(third.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
  });
  it('reports unreadable files as tool notifications', () => {
    expect(runObj.invocations[0].executionSuccessful).toBe(false);
    expect(runObj.invocations[0].toolExecutionNotifications[0].message.text).toContain('missing.json');
  });
  it('is valid JSON with no results too', () => {
    const empty = JSON.parse(run(sarifWriter({ rules, toolVersion: '1' }), []));
    expect(empty.runs[0].results).toEqual([]);
  });
  it('makes relative, encoded URIs', () => {
    expect(artifactUri('/x/y/my claims.json', '/x')).toBe('y/my%20claims.json');
    expect(artifactUri('-')).toBe('stdin');
  });
});
