import type { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { judgeable, memoByCode } from './claim-codes.js';

/** The `manifestation` fact. */
export interface ManifestationFact {
  /** Both of the tests below hold: the code is a manifestation code of the etiology/manifestation convention. */
  is: boolean;
  /** The title contains "in diseases classified elsewhere". */
  titleSaysElsewhere: boolean;
  /** A Tabular "code first" note applies (on the code or an ancestor). */
  hasCodeFirst: boolean;
}

const ELSEWHERE = /\bin (?:\S+ ){1,5}classified elsewhere/i;

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
    hasCodeFirst: 'a Tabular "code first" note applies to the code (own or inherited)',
  },
  compute(ctx, dx: DxFacts) {
    if (!judgeable(dx) || !ctx.codeSet) return { is: false, titleSaysElsewhere: false, hasCodeFirst: false };
    const codeSet = ctx.codeSet;
    return memoByCode(codeSet, 'manifestation', dx.code, () => {
      const titleSaysElsewhere = ELSEWHERE.test(dx.title ?? '');
      const hasCodeFirst = codeSet.notes(dx.code, 'codeFirst').length > 0;
      return Object.freeze({ is: titleSaysElsewhere && hasCodeFirst, titleSaysElsewhere, hasCodeFirst });
    });
  },
};
