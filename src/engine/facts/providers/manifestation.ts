import type { CodeSet } from '../../../codeset/types.js';
import type { CodeFacts } from '../code-facts.js';
import { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { judgeable } from './claim-codes.js';

/** The `manifestation` fact. */
export interface ManifestationFact {
  /** Both of the tests below hold: the code is a manifestation code of the etiology/manifestation convention. */
  is: boolean;
  /** The title contains "in diseases classified elsewhere". */
  titleSaysElsewhere: boolean;
  /** The title test holds and a Tabular "code first" note applies (on the code or an ancestor). */
  hasCodeFirst: boolean;
}

/**
 * "in diseases classified elsewhere" and its variants ("in other diseases …", "in conditions …",
 * "in other infectious and parasitic diseases …", "in hypersensitivity reactions …"), but not
 * "as the cause of diseases classified elsewhere" (B95-B97 organisms) nor "due to …".
 */
const ELSEWHERE = /\bin (?:\S+ ){1,5}classified elsewhere/i;

const NOT_ONE: ManifestationFact = Object.freeze({ is: false, titleSaysElsewhere: false, hasCodeFirst: false });

/** Whether a code of a release is a manifestation code (not memoised: the provider keeps it per code). */
export function manifestationOf(codeSet: CodeSet, code: string): ManifestationFact {
  const titleSaysElsewhere = ELSEWHERE.test(codeSet.get(code)?.title ?? '');
  if (!titleSaysElsewhere) return NOT_ONE;
  const hasCodeFirst = codeSet.notes(code, 'codeFirst').length > 0;
  return Object.freeze({ is: hasCodeFirst, titleSaysElsewhere, hasCodeFirst });
}

const manifestationOfFacts = (codeSet: CodeSet, facts: CodeFacts) => manifestationOf(codeSet, facts.code);

/**
 * I.A.13: manifestation codes have "in diseases classified elsewhere" in the title and a "code
 * first" note for the underlying condition. Both are required, so that a code is never called a
 * manifestation on its title alone (E20.811 in FY2026 has the words but no note in the Tabular
 * we hold). Without a Tabular List for the release (no notes) nothing is a manifestation: the
 * rule stays silent rather than guess.
 */
export const manifestation: FactProvider<'diagnosis', ManifestationFact> = {
  name: 'manifestation',
  scope: 'diagnosis',
  description: 'whether the diagnosis is a manifestation code ("in diseases classified elsewhere" with a code-first note)',
  fields: {
    is: 'true for a manifestation code: title says "in diseases classified elsewhere" and a code-first note applies',
    titleSaysElsewhere: 'the title contains "in diseases classified elsewhere"',
    hasCodeFirst: 'the title test holds and a Tabular "code first" note applies to the code (own or inherited)',
  },
  codeGate: { none: NOT_ONE, applies: (ctx, dx) => manifestation.compute(ctx, dx) !== NOT_ONE },
  compute(ctx, dx: DxFacts) {
    if (!judgeable(dx) || !ctx.codeSet) return NOT_ONE;
    const shared = DxFacts.shared(dx);
    const codeSet = shared.codeSet;
    return codeSet ? shared.derive('manifestation', codeSet, manifestationOfFacts) : NOT_ONE;
  },
};
