import type { InputError } from '../claim/parse.js';

export type { InputError };

/** One claim read from an input file, mapped to the claim model but not yet validated. */
export interface AdaptedClaim {
  /** Claim-model object (see src/claim/schema.ts field names) ready for parseClaim(); not yet validated. */
  claim: Record<string, unknown>;
  /** Where it came from, e.g. "ST 0001 / CLM 52772244" or "Bundle.entry[3].resource (Claim/123)". */
  source: string;
  /** Problems that make the claim uncheckable (then the report shows inputErrors). */
  errors: InputError[];
  /** Things that were mapped with a caveat or could not be mapped but did not stop the check. */
  warnings: InputError[];
}

/** Everything read from one input: the claims, and the problems that belong to no single claim. */
export interface AdapterResult {
  claims: AdaptedClaim[];
  /** File-level problems: not an 837 at all, broken envelope, no Claim in the Bundle… */
  errors: InputError[];
}

/** Builds an InputError whose message starts with its location, as parseClaim's errors do. */
export function located(path: string, message: string): InputError {
  return { path, message: path === '' ? message : `${path}: ${message}` };
}
