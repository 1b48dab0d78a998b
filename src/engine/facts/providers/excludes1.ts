import { codeRef, matchesAny, matchesRef } from '../../../code/refs.js';
import type { CodeRef, CodeSet } from '../../../codeset/types.js';
import type { DataTable } from '../../tables/types.js';
import type { CodeFacts } from '../code-facts.js';
import { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { describeAll, dxRef, laterPartner, pairable, CodeRefSet, tableOf, type DxRef } from './claim-codes.js';

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
 * The code references of the Excludes1 or Excludes2 notes that apply to a code (its own, its
 * ancestors', its section's and chapter's), without references that cover the code itself (a
 * note cannot exclude the code it is written for).
 */
export function noteRefs(codeSet: CodeSet, code: string, kind: 'excludes1' | 'excludes2', codeLevelOnly = false): readonly CodeRef[] {
  const out: CodeRef[] = [];
  for (const note of codeSet.notes(code, kind)) {
    if (codeLevelOnly && note.scope !== undefined && note.scope !== 'code') continue;
    for (const ref of note.refs) if (!matchesRef(ref, code)) out.push(ref);
  }
  return out;
}

/**
 * The references of a diagnosis's notes of `kind`, kept with the code's shared facts (worked
 * out once per code and release). For Excludes2 only notes on codes (category, subcategory)
 * count: chapter notes list whole chapters as Excludes2 ("endocrine, nutritional and metabolic
 * diseases (E00-E88)") and would mask the precise Excludes1 notes under them (G63 excludes
 * "diabetes mellitus (E08-E13 with .42)").
 */
function refsOf(dx: DxFacts, kind: 'excludes1' | 'excludes2'): CodeRefSet {
  const shared = DxFacts.shared(dx);
  const codeSet = shared.codeSet;
  if (!codeSet) return NO_REFS;
  return kind === 'excludes1'
    ? shared.derive('excludes1', codeSet, excludes1Refs)
    : shared.derive('excludes2:code', codeSet, excludes2CodeRefs);
}

const NO_REFS = new CodeRefSet(Object.freeze([]));
function refs(list: readonly CodeRef[]): CodeRefSet {
  return list.length === 0 ? NO_REFS : new CodeRefSet(list);
}
const excludes1Refs = (codeSet: CodeSet, facts: CodeFacts) => refs(noteRefs(codeSet, facts.code, 'excludes1'));
const excludes2CodeRefs = (codeSet: CodeSet, facts: CodeFacts) => refs(noteRefs(codeSet, facts.code, 'excludes2', true));

/** True when a note of `kind` that applies to diagnosis `a` names the code of `b`. */
function names(a: DxFacts, b: DxFacts, kind: 'excludes1' | 'excludes2'): boolean {
  return refsOf(a, kind).covers(b.code, DxFacts.shared(b).key);
}

/**
 * A pair listed in a pair table, in either order: data/excludes1-covered.json (a dedicated rule
 * reports it) or data/excludes1-allowed.json (an official clarification allows it).
 */
function listedPair(table: DataTable | undefined, a: string, b: string): boolean {
  if (!table) return false;
  for (const entry of table.entries) {
    const partners = ((entry.data.partners as string[] | undefined) ?? []).map(codeRef);
    if (matchesAny(entry.refs, a) && matchesAny(partners, b)) return true;
    if (matchesAny(entry.refs, b) && matchesAny(partners, a)) return true;
  }
  return false;
}

/** The `excludes1Pairs` fact. */
export interface Excludes1PairsFact {
  /** Each pair once, the earlier diagnosis first, in claim order. */
  pairs: { first: DxRef; second: DxRef }[];
  count: number;
}

const NO_PAIRS: Excludes1PairsFact = Object.freeze({ pairs: Object.freeze([]) as unknown as Excludes1PairsFact['pairs'], count: 0 });

/**
 * I.A.12.a: an Excludes1 note means the two codes are never reported together (unless the two
 * conditions are unrelated). Every pair of the claim, worked out once per claim: a pair is
 * listed once, earlier diagnosis first, whichever of the two carries the note; a diagnosis's
 * own code (the same code twice) is left to the duplicate rule. When the other side's notes
 * call the pair Excludes2 (both may be coded), the classification contradicts itself and the
 * pair is not listed: Z01 has an Excludes1 for Z00.0- while Z00 has an Excludes2 for Z01.81-,
 * and a preprocedural exam with a general exam is a legitimate pair. Pairs of
 * data/excludes1-covered.json and data/excludes1-allowed.json are left out too.
 */
export const excludes1Pairs: FactProvider<'claim', Excludes1PairsFact> = {
  name: 'excludes1Pairs',
  scope: 'claim',
  description: 'the pairs of diagnoses in an Excludes1 relation (an Excludes1 note of either names the other), each once',
  fields: {
    pairs: '[{ first: { position, code }, second: { position, code } }], the earlier diagnosis first',
    count: 'number of pairs',
  },
  compute(ctx) {
    if (!ctx.codeSet) return NO_PAIRS;
    const dx = ctx.dx;
    // Each diagnosis's Excludes1 references, looked up once (pairs read them many times).
    const e1 = dx.map((d) => (pairable(d) ? refsOf(d, 'excludes1') : NO_REFS));
    let pairs: Excludes1PairsFact['pairs'] | undefined;
    let covers: DataTable | undefined | null = null;
    let allows: DataTable | undefined;
    for (let i = 0; i < dx.length; i++) {
      const a = dx[i]!;
      if (!pairable(a)) continue;
      const keyA = DxFacts.shared(a).key;
      for (let j = i + 1; j < dx.length; j++) {
        const b = dx[j]!;
        // No pair is possible when neither code has an Excludes1 note: the common case.
        if (e1[i]!.count === 0 && e1[j]!.count === 0) continue;
        if (!laterPartner(a, b)) continue;
        if (!e1[i]!.covers(b.code, DxFacts.shared(b).key) && !e1[j]!.covers(a.code, keyA)) continue;
        if (names(a, b, 'excludes2') || names(b, a, 'excludes2')) continue;
        if (covers === null) {
          covers = tableOf(ctx, 'excludes1-covered');
          allows = tableOf(ctx, 'excludes1-allowed');
        }
        if (listedPair(covers, a.code, b.code) || listedPair(allows, a.code, b.code)) continue;
        (pairs ??= []).push({ first: dxRef(a), second: dxRef(b) });
      }
    }
    return pairs ? { pairs, count: pairs.length } : NO_PAIRS;
  },
};

/** The partners of one diagnosis: the second of each pair it is the first of. */
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
    const all = ctx.fact('excludes1Pairs') as Excludes1PairsFact;
    if (all.count === 0) return NONE;
    let partners: DxRef[] | undefined;
    for (const p of all.pairs) if (p.first.position === dx.position) (partners ??= []).push(p.second);
    if (!partners) return NONE;
    return { partners, count: partners.length, partnerCodes: describeAll(partners) };
  },
};
