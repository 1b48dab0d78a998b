import type { z } from 'zod';
import { formatPath } from '../claim/parse.js';

/** One problem in a rule file, data table or configuration. */
export interface LoadIssue {
  /** File the problem is in ("" for an object passed in code). */
  file: string;
  /** Field, e.g. "conditions.all[0].operator" ("" for the whole file). */
  path: string;
  message: string;
}

/**
 * Thrown when rule files, data tables or the configuration cannot be used. The message lists
 * every problem as `file: field: what is wrong`, so a person can fix all of them in one go.
 */
export class RuleLoadError extends Error {
  readonly issues: readonly LoadIssue[];
  constructor(issues: LoadIssue[]) {
    super(formatIssues(issues));
    this.name = 'RuleLoadError';
    this.issues = issues;
  }
}

export function formatIssues(issues: readonly LoadIssue[]): string {
  const lines = issues.map((i) => [i.file, i.path, i.message].filter((s) => s !== '').join(': '));
  return lines.length === 1 ? lines[0]! : `${lines.length} problems:\n${lines.map((l) => `  - ${l}`).join('\n')}`;
}

/** zod issues of one file as load issues. */
export function zodIssues(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): LoadIssue[] {
  return error.issues.map((issue) => ({ file, path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}
