import type { FactProvider } from '../types.js';
import { describeAll, diagnosesWhere, dxRef, inSequence, tableOf, type DxRef } from './claim-codes.js';

/** The `obstetric` fact: where the maternal, newborn and pregnancy-encounter codes sit on the claim. */
export interface ObstetricFact {
  /** Chapter 15 (O00-O9A) codes of the principal-and-other sequence. */
  chapter15: DxRef[];
  chapter15Count: number;
  chapter15Codes: string;
  /** With O80: every other Chapter 15 code, and any outcome of delivery other than Z37.0. */
  normalDeliveryConflicts: DxRef[];
  normalDeliveryConflictCount: number;
  normalDeliveryConflictCodes: string;
  /** Maternal encounter context for Z3A, in any diagnosis field: Chapter 15, Z33, Z34, Z36. */
  maternalContextCount: number;
  /** Context in which Z3A is not assigned: O00-O08, Z33.2, Z39. */
  weeksExcluded: DxRef[];
  weeksExcludedCount: number;
  weeksExcludedCodes: string;
  /** The whole record (every diagnosis field, admitting and reason for visit included). */
  recordMaternalCount: number;
  recordMaternalCodes: string;
  recordNewbornCount: number;
  recordNewbornCodes: string;
  /** Chapter 15 and newborn codes of the whole record, in claim order. */
  maternalAndNewborn: DxRef[];
}

const GROUPS = ['chapter15', 'newborn', 'normalDelivery', 'singleLiveBirth', 'outcome', 'maternalContext', 'weeksExcluded'] as const;
type Group = (typeof GROUPS)[number];

interface Grouped {
  refs: DxRef;
  groups: Set<Group>;
  inSequence: boolean;
}

/**
 * Groups the claim's diagnoses with data/obstetric-groups.json (one entry per group, each with
 * its citation). Computed once per claim; every obstetric rule reads it.
 *
 * The combination rules (Z33.1, Z34, O80, Z3A) look at the principal-and-other sequence only:
 * an admitting or reason-for-visit code is what was known at admission (an admitting O48.0
 * with a final O80 is not "O80 with another Chapter 15 code"). Maternal-versus-newborn looks at
 * every field: one record is either the mother's or the newborn's. A maternal context for Z3A
 * is also taken from any field, so that the warning is given only when there is none at all.
 */
export const obstetric: FactProvider<'claim', ObstetricFact> = {
  name: 'obstetric',
  scope: 'claim',
  description: 'the maternal (Chapter 15), newborn (Z38, P codes) and pregnancy-encounter codes of the claim, grouped (data/obstetric-groups.json)',
  fields: {
    chapter15: '[{ position, code }] of the Chapter 15 (O00-O9A) diagnoses of the principal-and-other sequence',
    chapter15Count: 'number of them',
    chapter15Codes: '"O80 (position 1), …" for messages',
    normalDeliveryConflicts: '[{ position, code }] of what may not go with O80: other Chapter 15 codes, Z37 other than Z37.0',
    normalDeliveryConflictCount: 'number of them',
    normalDeliveryConflictCodes: '"O70.0 (position 2), …" for messages',
    maternalContextCount: 'number of maternal-context diagnoses for Z3A (Chapter 15, Z33, Z34, Z36), any field',
    weeksExcluded: '[{ position, code }] of the diagnoses with which Z3A is not assigned (O00-O08, Z33.2, Z39)',
    weeksExcludedCount: 'number of them',
    weeksExcludedCodes: '"O03.9 (position 1), …" for messages',
    recordMaternalCount: 'number of Chapter 15 codes in any diagnosis field',
    recordMaternalCodes: '"O80 (position 1), …" for messages',
    recordNewbornCount: 'number of newborn codes (Z38, P00-P96) in any diagnosis field',
    recordNewbornCodes: '"Z38.00 (position 1), …" for messages',
    maternalAndNewborn: '[{ position, code }] of the Chapter 15 and newborn codes of every field, in claim order',
  },
  compute(ctx) {
    const table = tableOf(ctx, 'obstetric-groups');
    const all: Grouped[] = [];
    for (const d of diagnosesWhere(ctx, () => table !== undefined, true)) {
      const groups = new Set<Group>();
      for (const e of table!.findAll(d.code)) groups.add(e.data.group as Group);
      if (groups.size > 0) all.push({ refs: dxRef(d), groups, inSequence: inSequence(d) });
    }
    const pick = (g: Group, sequenceOnly: boolean) =>
      all.filter((x) => x.groups.has(g) && (!sequenceOnly || x.inSequence)).map((x) => x.refs);
    const chapter15 = pick('chapter15', true);
    const conflicts = all
      .filter(
        (x) =>
          x.inSequence &&
          ((x.groups.has('chapter15') && !x.groups.has('normalDelivery')) || (x.groups.has('outcome') && !x.groups.has('singleLiveBirth'))),
      )
      .map((x) => x.refs);
    const weeksExcluded = pick('weeksExcluded', true);
    const recordMaternal = pick('chapter15', false);
    const recordNewborn = pick('newborn', false);
    return {
      chapter15,
      chapter15Count: chapter15.length,
      chapter15Codes: describeAll(chapter15),
      normalDeliveryConflicts: conflicts,
      normalDeliveryConflictCount: conflicts.length,
      normalDeliveryConflictCodes: describeAll(conflicts),
      maternalContextCount: pick('maternalContext', false).length,
      weeksExcluded,
      weeksExcludedCount: weeksExcluded.length,
      weeksExcludedCodes: describeAll(weeksExcluded),
      recordMaternalCount: recordMaternal.length,
      recordMaternalCodes: describeAll(recordMaternal),
      recordNewbornCount: recordNewborn.length,
      recordNewbornCodes: describeAll(recordNewborn),
      maternalAndNewborn: all.filter((x) => x.groups.has('chapter15') || x.groups.has('newborn')).map((x) => x.refs),
    };
  },
};
