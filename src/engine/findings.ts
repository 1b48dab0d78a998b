import type { Finding, Related, Severity, Summary } from '../report/types.js';

/** Most suggestions a finding lists; `suggestionsTotal` says how many there were. */
export const MAX_SUGGESTIONS = 20;

/**
 * The stable order of findings: claim-level first (no position), then by position; within a
 * position by line (none first), then by rule id. Output can be diffed and snapshot-tested.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.position ?? 0) - (b.position ?? 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/** Keeps only well-typed related entries (position/code/line) from a fact value. */
export function toRelated(value: unknown): Related[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Related[] = [];
  for (const v of value) {
    if (v === null || typeof v !== 'object') continue;
    const r: Related = {};
    const { position, code, line } = v as Record<string, unknown>;
    if (typeof position === 'number') r.position = position;
    if (typeof code === 'string') r.code = code;
    if (typeof line === 'number') r.line = line;
    if (Object.keys(r).length > 0) out.push(r);
  }
  return out.length > 0 ? out : undefined;
}

/** Suggestions capped at MAX_SUGGESTIONS, with the total when capped. */
export function toSuggestions(value: unknown): Pick<Finding, 'suggestions' | 'suggestionsTotal'> {
  if (!Array.isArray(value)) return {};
  const all = value.filter((v): v is string => typeof v === 'string');
  if (all.length === 0) return {};
  if (all.length <= MAX_SUGGESTIONS) return { suggestions: all };
  return { suggestions: all.slice(0, MAX_SUGGESTIONS), suggestionsTotal: all.length };
}

export interface FindingParts {
  ruleId: string;
  severity: Severity;
  message: string;
  position?: number | undefined;
  code?: string | undefined;
  line?: number | undefined;
  related?: Related[] | undefined;
  guideline: string;
  suggestions?: string[] | undefined;
  suggestionsTotal?: number | undefined;
}

/** A Finding with its keys in the documented order and no undefined keys (clean JSON output). */
export function makeFinding(p: FindingParts): Finding {
  const out: Record<string, unknown> = { ruleId: p.ruleId, severity: p.severity, message: p.message };
  if (p.position !== undefined) out.position = p.position;
  if (p.code !== undefined) out.code = p.code;
  if (p.line !== undefined) out.line = p.line;
  if (p.related !== undefined) out.related = p.related;
  out.guideline = p.guideline;
  if (p.suggestions !== undefined) out.suggestions = p.suggestions;
  if (p.suggestionsTotal !== undefined) out.suggestionsTotal = p.suggestionsTotal;
  return out as unknown as Finding;
}
