import { codeRef, matchesAny, matchesRef } from '../../../code/refs.js';
import type { CodeRef, CodeSet } from '../../../codeset/types.js';
import type { DataTable } from '../../tables/types.js';
import type { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { describeAll, diagnosesWhere, dxRef, judgeable, tableOf, type DxRef } from './claim-codes.js';

/** The `excludes1` fact. */
export interface Excludes1Fact {
  /** Later diagnoses in an Excludes1 relation with this one (either side's note names the other). */
  partners: DxRef[];
  count: number;
  /** "K58.9 (position 3)" … for messages. */
  partnerCodes: string;
}

const NONE: Excludes1Fact = Object.freeze({ partners: [], count: 0, partnerCodes: '' });

/**
 * The code references of the Excludes1 notes that apply to a code (its own, its ancestors',
 * its section's and chapter's), without references that cover the code itself. Excludes2 notes
 * are never read: both conditions may be coded together.
 */
export function excludes1Refs(codeSet: CodeSet, code: string): CodeRef[] {
  const out: CodeRef[] = [];
  for (const note of codeSet.notes(code, 'excludes1')) {
    for (const ref of note.refs) if (!matchesRef(ref, code)) out.push(ref);
  }
  return out;
}

/** Pairs a dedicated rule already reports (data/excludes1-covered.json), in either order. */
function covered(table: DataTable | undefined, a: string, b: string): boolean {
  if (!table) return false;
  for (const entry of table.entries) {
    const partners = ((entry.data.partners as string[] | undefined) ?? []).map(codeRef);
    if (matchesAny(entry.refs, a) && matchesAny(partners, b)) return true;
    if (matchesAny(entry.refs, b) && matchesAny(partners, a)) return true;
  }
  return false;
}

/**
 * I.A.12.a: an Excludes1 note means the two codes are never reported together (unless the two
 * conditions are unrelated). A pair is reported once, on the earlier of the two diagnoses,
 * whichever of the two carries the note; a diagnosis's own code (the same code twice) is left
 * to the duplicate rule.
 */
export const excludes1: FactProvider<'diagnosis', Excludes1Fact> = {
  name: 'excludes1',
  scope: 'diagnosis',
  description: 'later diagnoses in an Excludes1 relation with this one (an Excludes1 note of either names the other)',
  fields: {
    partners: '[{ position, code }] of the later diagnoses excluded by, or excluding, this one',
    count: 'number of partners',
    partnerCodes: '"K58.9 (position 3)", … for messages',
  },
  compute(ctx, dx: DxFacts) {
    const codeSet = ctx.codeSet;
    if (!codeSet || !judgeable(dx) || dx.duplicateOf > 0) return NONE;
    const mine = excludes1Refs(codeSet, dx.code);
    const skip = tableOf(ctx, 'excludes1-covered');
    const partners = diagnosesWhere(ctx, (d) => {
      if (d.position <= dx.position || d.code === dx.code) return false;
      const related = mine.some((r) => matchesRef(r, d.code)) || excludes1Refs(codeSet, d.code).some((r) => matchesRef(r, dx.code));
      return related && !covered(skip, dx.code, d.code);
    }).map(dxRef);
    return { partners, count: partners.length, partnerCodes: describeAll(partners) };
  },
};
