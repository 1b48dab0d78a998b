import type { Report, Severity } from '../../report/types.js';

/** Where a report's claim came from. */
export interface Source {
  /** The file as given on the command line ("-" for stdin). */
  file: string;
  /** 1-based line of an NDJSON record. */
  line?: number;
  /** What the adapter says about the claim's place in the file (e.g. "CLM 52772244", "Bundle.entry[2]"). */
  where?: string;
}

/** One checked claim as the writers see it. */
export interface Checked {
  report: Report;
  source: Source;
}

/** A file that could not be read at all (no report comes from it). */
export interface FileProblem {
  file: string;
  message: string;
}

/** Counts for the final summary line and the exit code. */
export interface RunSummary {
  claims: number;
  claimsWithFindings: number;
  claimsWithInputErrors: number;
  findings: Record<Severity, number>;
  fileProblems: FileProblem[];
  exitCode: number;
  elapsedMs: number;
}

/** The rule facts the writers need (a subset of the engine's rule metadata). */
export interface RuleInfo {
  id: string;
  title?: string;
  severity?: Severity;
  guideline?: string;
  description?: string;
}

/**
 * Turns checked claims into text. Writers return strings instead of writing, so the caller can
 * respect back-pressure on stdout and the tests can call them directly. `item` is called in
 * input order; nothing is buffered between calls, so output streams.
 */
export interface ReportWriter {
  start(): string;
  item(checked: Checked): string;
  end(summary: RunSummary): string;
}

export type OutputFormat = 'pretty' | 'json' | 'ndjson' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pretty', 'json', 'ndjson', 'sarif'];

/** "file", "file:12" or "file (CLM 123)": how a person finds the claim again. */
export function sourceLabel(source: Source): string {
  const file = source.file === '-' ? '<stdin>' : source.file;
  const at = source.line !== undefined ? `${file}:${source.line}` : file;
  return source.where ? `${at} (${source.where})` : at;
}
