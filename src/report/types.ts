import type { InputError } from '../claim/parse.js';

export type Severity = 'error' | 'warning' | 'info';

/** Another diagnosis or service line a finding involves. */
export interface Related {
  position?: number;
  code?: string;
  line?: number;
}

/** One problem found on a claim (see ../shared/spec/design.md, "Findings"). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence a biller can act on, naming the code. */
  message: string;
  /** 1-based diagnosis position; absent for a claim-level finding. */
  position?: number;
  /** Dotted code of that diagnosis, as normalised (or as given, when it is malformed). */
  code?: string;
  /** 1-based service line. */
  line?: number;
  related?: Related[];
  /** Guideline citation, e.g. "I.C.21.c.16". */
  guideline: string;
  /** Codes that fix the problem mechanically (capped; see suggestionsTotal). */
  suggestions?: string[];
  /** Number of suggestions before capping, when more exist than are listed. */
  suggestionsTotal?: number;
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export interface Report {
  /** The claim's id, when it has one. */
  id?: string | number;
  /** Id of the code-set release used (e.g. "fy2026-oct"); null when none governs the date. */
  release: string | null;
  /** Id of the release whose Tabular List gave the notes, when it is not `release`. */
  notesFrom?: string;
  findings: Finding[];
  summary: Summary;
  /** Present instead of findings when the input is not a valid claim. */
  inputErrors?: InputError[];
  /** Things noticed while reading the input (e.g. by an FHIR or 837 adapter) that did not stop the check. */
  inputWarnings?: InputError[];
}
