import type { CodeSet } from '../../../codeset/types.js';
import type { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { describeAll, diagnosesWhere, dxRef, inSequence, judgeable, type DxRef } from './claim-codes.js';

/** The `sequela` fact. */
export interface SequelaFact {
  /** A 7-character code whose 7th character S means "sequela". */
  is: boolean;
  /** Other diagnoses that can be the residual condition: not external causes, not sequela codes themselves. */
  residuals: DxRef[];
  residualCount: number;
  /** "L90.5 (position 2)" … for messages. */
  residualCodes: string;
}

/** The answer for every other code (most of them): shared, nothing built per diagnosis. */
const NOT_SEQUELA: SequelaFact = Object.freeze({ is: false, residuals: Object.freeze([]) as unknown as DxRef[], residualCount: 0, residualCodes: '' });

/**
 * 7th character S: the Tabular's seventh-character definition when the release has one (it
 * reads "sequela" in every definition of the FY2023 Tabular List), else the release title,
 * which ends in ", sequela" for these codes.
 */
export function isSequelaCode(codeSet: CodeSet | undefined, dx: DxFacts): boolean {
  if (!judgeable(dx) || dx.code.length !== 7 || !dx.code.endsWith('S')) return false;
  const meaning = codeSet?.seventhCharacters(dx.code)?.chars.S;
  if (meaning !== undefined) return /sequela/i.test(meaning);
  return /sequela/i.test(dx.title ?? '');
}

/** Chapter 20 (V00-Y99): external causes are never the residual condition of a sequela. */
function isExternalCause(codeSet: CodeSet | undefined, dx: DxFacts): boolean {
  const chapter = codeSet?.chapter(dx.code)?.number;
  return chapter !== undefined ? chapter === 20 : /^[VWXY]/.test(dx.code);
}

/**
 * I.B.10: the nature of the sequela (the residual condition) is sequenced first, the sequela
 * code second. This fact says whether the diagnosis is a sequela code and which other
 * diagnoses could be its residual condition.
 */
export const sequela: FactProvider<'diagnosis', SequelaFact> = {
  name: 'sequela',
  scope: 'diagnosis',
  description: 'whether the diagnosis is a sequela code (7th character S) and which other diagnoses could be the residual condition',
  fields: {
    is: 'true for a 7-character code whose 7th character S means sequela',
    residuals: '[{ position, code }] of the other diagnoses that are neither external causes (V00-Y99) nor sequela codes',
    residualCount: 'number of residuals',
    residualCodes: '"L90.5 (position 2), …" for messages',
  },
  codeGate: { none: NOT_SEQUELA, applies: (ctx, dx) => isSequelaCode(ctx.codeSet, dx) },
  compute(ctx, dx: DxFacts) {
    if (!inSequence(dx) || !isSequelaCode(ctx.codeSet, dx)) return NOT_SEQUELA;
    const residuals = diagnosesWhere(
      ctx,
      (d) => d.position !== dx.position && d.code !== dx.code && !isExternalCause(ctx.codeSet, d) && !isSequelaCode(ctx.codeSet, d),
    ).map(dxRef);
    return {
      is: true,
      residuals,
      residualCount: residuals.length,
      residualCodes: describeAll(residuals),
    };
  },
};
