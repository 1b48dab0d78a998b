import { matchesRef } from '../../../code/refs.js';
import type { CodeRef, CodeSet, Note } from '../../../codeset/types.js';
import type { CodeFacts } from '../code-facts.js';
import { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { describeAll, dxRef, judgeable, laterPartner, pairable, CodeRefSet, type DxRef } from './claim-codes.js';

/** The `codeFirst` fact. */
export interface CodeFirstFact {
  /** Diagnoses listed after this one that a "code first" note of this one names. */
  later: DxRef[];
  laterCount: number;
  /** "N18.4 (position 3)" … for messages. */
  laterCodes: string;
}

const NONE: CodeFirstFact = Object.freeze({ later: [], laterCount: 0, laterCodes: '' });

/**
 * The code references of the "code first" notes that apply to a code: its own and its
 * ancestors' (category, subcategory). Section and chapter notes are left out on purpose: the
 * only ones with code references (T36-T50: "code first, for adverse effects, the nature of the
 * adverse effect, such as …") apply to adverse-effect codes only, a condition the note lines do
 * not carry, and reading them for every T36-T50 code would flag poisonings and underdosings.
 * A reference that covers the code itself is dropped (a note cannot ask a code to precede itself).
 */
export function codeFirstRefs(codeSet: CodeSet, code: string): readonly CodeRef[] {
  const out: CodeRef[] = [];
  for (const note of codeSet.notes(code, 'codeFirst') as readonly Note[]) {
    if (note.scope === 'section' || note.scope === 'chapter') continue;
    for (const ref of note.refs) if (!matchesRef(ref, code)) out.push(ref);
  }
  return out;
}

/**
 * I.B.7 and the Tabular "code first" notes: when a note of this diagnosis names a condition
 * that is on the claim, that condition is sequenced first. Lists the named diagnoses that come
 * later on the claim.
 */
function refSetOf(codeSet: CodeSet, facts: CodeFacts): CodeRefSet | null {
  const refs = codeFirstRefs(codeSet, facts.code);
  return refs.length === 0 ? null : new CodeRefSet(refs);
}

/**
 * The references of a diagnosis's code-first notes, kept with the code's shared facts; null
 * for most codes, which have no such note.
 */
function notesOf(dx: DxFacts): CodeRefSet | null {
  const shared = DxFacts.shared(dx);
  const codeSet = shared.codeSet;
  if (!codeSet || !judgeable(dx)) return null;
  return shared.derive('codeFirst', codeSet, refSetOf);
}

export const codeFirst: FactProvider<'diagnosis', CodeFirstFact> = {
  name: 'codeFirst',
  scope: 'diagnosis',
  description: 'diagnoses listed after this one that a Tabular "code first" note of this one names (own or inherited notes)',
  fields: {
    later: '[{ position, code }] of the later diagnoses a code-first note names',
    laterCount: 'number of them',
    laterCodes: '"N18.4 (position 3)", … for messages',
  },
  codeGate: { none: NONE, applies: (_ctx, dx) => notesOf(dx) !== null },
  compute(ctx, dx: DxFacts) {
    if (!ctx.codeSet || !pairable(dx)) return NONE;
    const covers = notesOf(dx);
    if (covers === null) return NONE;
    let later: DxRef[] | undefined;
    for (const d of ctx.dx) {
      if (!laterPartner(dx, d)) continue;
      if (covers.covers(d.code, DxFacts.shared(d).key)) (later ??= []).push(dxRef(d));
    }
    if (!later) return NONE;
    return { later, laterCount: later.length, laterCodes: describeAll(later) };
  },
};
