import path from 'node:path';
import type { Finding, Severity } from '../../report/types.js';
import { sourceLabel, type Checked, type ReportWriter, type RuleInfo, type RunSummary, type Source } from './types.js';

/** Pseudo-rule for claims that could not be read, so that they show up as results too. */
export const INPUT_RULE_ID = 'input-error';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Every rule that may appear in results (the loaded rule set); one `reportingDescriptor` each. */
  rules: readonly RuleInfo[];
  toolVersion: string;
  /** Artifact URIs are made relative to this folder (the working directory). */
  cwd?: string;
}

/** File path → SARIF artifact URI: relative, forward slashes, percent-encoded. */
export function artifactUri(file: string, cwd = process.cwd()): string {
  if (file === '-') return 'stdin';
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return encodeURI(rel.split(path.sep).join('/'));
}

function location(source: Source, logical: string, cwd: string | undefined) {
  const physical: Record<string, unknown> = { artifactLocation: { uri: artifactUri(source.file, cwd) } };
  if (source.line !== undefined) physical.region = { startLine: source.line };
  return { physicalLocation: physical, logicalLocations: [{ fullyQualifiedName: logical, kind: 'object' }] };
}

function claimName(checked: Checked): string {
  const { report, source } = checked;
  return report.id !== undefined ? `claim ${report.id}` : sourceLabel(source);
}

/**
 * `--format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), one run,
 * one rule descriptor per rule id, one result per finding located at the input file (with the
 * line for NDJSON) and, as a logical location, the claim and diagnosis position. Claims that
 * could not be read become `input-error` results. Streamed like the json format.
 */
export function sarifWriter(options: SarifOptions): ReportWriter {
  const rules = [
    ...options.rules,
    {
      id: INPUT_RULE_ID,
      title: 'Claim could not be read',
      severity: 'error' as const,
      description: 'The input is not a claim dxlint can check (bad JSON, missing fields, or an adapter error).',
    },
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  let first = true;

  const descriptors = rules.map((rule) => {
    const d: Record<string, unknown> = { id: rule.id };
    if (rule.title) d.shortDescription = { text: rule.title };
    if (rule.description) d.fullDescription = { text: rule.description };
    if (rule.severity) d.defaultConfiguration = { level: LEVEL[rule.severity] };
    if (rule.guideline) d.properties = { guideline: rule.guideline };
    return d;
  });

  const result = (checked: Checked, f: Finding) => {
    const logical = [claimName(checked), f.position !== undefined ? `dx ${f.position}` : undefined, f.line !== undefined ? `line ${f.line}` : undefined]
      .filter(Boolean)
      .join(' / ');
    const r: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(checked.source, logical, options.cwd)],
    };
    const i = index.get(f.ruleId);
    if (i !== undefined) r.ruleIndex = i;
    const props: Record<string, unknown> = { guideline: f.guideline };
    if (checked.report.id !== undefined) props.claimId = checked.report.id;
    if (checked.report.release !== undefined) props.release = checked.report.release;
    if (f.position !== undefined) props.position = f.position;
    if (f.code !== undefined) props.code = f.code;
    if (f.line !== undefined) props.line = f.line;
    if (f.related?.length) props.related = f.related;
    if (f.suggestions?.length) props.suggestions = f.suggestions;
    r.properties = props;
    return r;
  };

  return {
    start() {
      const head = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'dxlint',
                version: options.toolVersion,
                informationUri: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
                rules: descriptors,
              },
            },
            columnKind: 'unicodeCodePoints',
            results: [] as unknown[],
          },
        ],
      };
      // Open the results array and leave it open: results are streamed, the run closed in end().
      const text = JSON.stringify(head, null, 2);
      const marker = '"results": []';
      return text.slice(0, text.lastIndexOf(marker) + marker.length - 1);
    },
    item(checked) {
      const results: Record<string, unknown>[] = [];
      for (const e of checked.report.inputErrors ?? []) {
        results.push({
          ruleId: INPUT_RULE_ID,
          ruleIndex: index.get(INPUT_RULE_ID),
          level: 'error',
          message: { text: e.message },
          locations: [location(checked.source, claimName(checked), options.cwd)],
          properties: { path: e.path },
        });
      }
      for (const f of checked.report.findings) results.push(result(checked, f));
      let out = '';
      for (const r of results) {
        out += `${first ? '\n' : ',\n'}        ${JSON.stringify(r)}`;
        first = false;
      }
      return out;
    },
    end(summary: RunSummary) {
      const invocation = {
        executionSuccessful: summary.fileProblems.length === 0,
        exitCode: summary.exitCode,
        toolExecutionNotifications: summary.fileProblems.map((p) => ({
          level: 'error',
          message: { text: p.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(p.file, options.cwd) } } }],
        })),
      };
      const tail = JSON.stringify([invocation], null, 2).replace(/\n/g, '\n      ');
      return `${first ? '' : '\n      '}],\n      "invocations": ${tail}\n    }\n  ]\n}\n`;
    },
  };
}
