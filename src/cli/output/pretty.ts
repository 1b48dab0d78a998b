import type { Finding, Report, Severity } from '../../report/types.js';
import { NO_COLORS, type Colors } from './colors.js';
import { sourceLabel, type Checked, type ReportWriter, type RunSummary } from './types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where on the claim a finding points: "dx 2", "line 3", "dx 1, line 2" or "claim". */
export function findingPlace(finding: Finding): string {
  const parts: string[] = [];
  if (finding.position !== undefined) parts.push(`dx ${finding.position}`);
  if (finding.line !== undefined) parts.push(`line ${finding.line}`);
  return parts.length ? parts.join(', ') : 'claim';
}

function severityLabel(severity: Severity, c: Colors): string {
  const padded = severity.padEnd(7);
  return severity === 'error' ? c.red(padded) : severity === 'warning' ? c.yellow(padded) : c.blue(padded);
}

function header(report: Report, checked: Checked, c: Colors): string {
  const parts = [c.bold(sourceLabel(checked.source))];
  if (report.id !== undefined) parts.push(`claim ${report.id}`);
  // A claim that could not be read was never matched to a release: say nothing about one.
  if (report.release !== null || !report.inputErrors?.length) {
    let release = report.release === null ? 'no loaded release governs the date' : `release ${report.release}`;
    if (report.notesFrom) release += ` (notes from ${report.notesFrom})`;
    parts.push(c.dim(release));
  }
  return parts.join('  ');
}

/**
 * The lead of a citation, for one-line output: "I.B.2, level of detail …; I.A.3 …" → "I.B.2".
 * The json, ndjson and sarif formats and `dxlint rules <id>` carry the full text.
 */
export function shortCitation(guideline: string): string {
  const first = guideline.split(';')[0]!.trim();
  if (first.length <= 32) return first;
  return /^[^,(]+/.exec(first)?.[0]?.trim() || first;
}

function findingLines(finding: Finding, c: Colors): string[] {
  const place = findingPlace(finding).padEnd(6);
  const code = (finding.code ?? '').padEnd(8);
  const cite = c.dim(`[${finding.ruleId}${finding.guideline ? ` · ${shortCitation(finding.guideline)}` : ''}]`);
  const lines = [`  ${severityLabel(finding.severity, c)} ${place} ${code} ${finding.message}  ${cite}`];
  if (finding.suggestions?.length) {
    const total = finding.suggestionsTotal ?? finding.suggestions.length;
    const more = total > finding.suggestions.length ? ` … (${total} in all)` : '';
    lines.push(`  ${' '.repeat(7)} ${' '.repeat(6)} ${' '.repeat(8)} ${c.dim('suggestions:')} ${finding.suggestions.join(', ')}${more}`);
  }
  return lines;
}

/**
 * `--format pretty`: one block per claim (where it came from, its id, the release used), one
 * line per finding (severity, position, code, message, [rule · citation]), suggestions under
 * it, and a summary line at the end. Meant for people; use json/ndjson/sarif for machines.
 */
export function prettyWriter(colors: Colors = NO_COLORS): ReportWriter {
  const c = colors;
  return {
    start: () => '',
    item(checked) {
      const { report } = checked;
      const out = [header(report, checked, c)];
      for (const w of report.inputWarnings ?? []) {
        out.push(`  ${c.dim('note   ')} ${w.path ? `${w.path}: ` : ''}${stripPath(w.message, w.path)}`);
      }
      if (report.inputErrors?.length) {
        for (const e of report.inputErrors) {
          out.push(`  ${c.red('input  ')} ${e.path ? `${e.path}: ` : ''}${stripPath(e.message, e.path)}`);
        }
      }
      for (const finding of report.findings) out.push(...findingLines(finding, c));
      if (!report.inputErrors?.length && report.findings.length === 0) out.push(`  ${c.green('ok')}     no findings`);
      return `${out.join('\n')}\n\n`;
    },
    end(summary) {
      return `${summaryLine(summary, c)}\n`;
    },
  };
}

/** Input errors often repeat their path at the start of the message; show it once. */
function stripPath(message: string, path: string): string {
  return path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

/** "3 claims checked, 2 with findings: 1 error, 2 warnings, 0 info. 1 claim could not be read." */
export function summaryLine(summary: RunSummary, c: Colors = NO_COLORS): string {
  const f = summary.findings;
  let line = `${plural(summary.claims, 'claim')} checked, ${summary.claimsWithFindings} with findings: `;
  line += [
    f.error ? c.red(plural(f.error, 'error')) : plural(0, 'error'),
    f.warning ? c.yellow(plural(f.warning, 'warning')) : plural(0, 'warning'),
    `${f.info} info`,
  ].join(', ');
  line += '.';
  if (summary.claimsWithInputErrors) {
    line += ` ${c.red(`${plural(summary.claimsWithInputErrors, 'claim')} could not be read`)}.`;
  }
  const files = new Set(summary.fileProblems.map((p) => p.file)).size;
  if (files) line += ` ${c.red(`Problems reading ${plural(files, 'file')}`)} (see the messages above).`;
  return line;
}
