import type { FactProvider } from '../types.js';
import { describeAll, diagnosesWhere, dxRef, tableOf, type DxRef } from './claim-codes.js';

/** The `obstetric` fact: where the maternal, newborn and pregnancy-encounter codes sit on the claim. */
export interface ObstetricFact {
  /** Chapter 15 (O00-O9A). */
  chapter15: DxRef[];
  chapter15Count: number;
  chapter15Codes: string;
  /** Z38 and Chapter 16 (P00-P96). */
  newborn: DxRef[];
  newbornCount: number;
  newbornCodes: string;
  /** Chapter 15 and newborn codes together, in claim order (for maternal-newborn-conflict). */
  maternalAndNewborn: DxRef[];
  /** With O80: every other Chapter 15 code, and any outcome of delivery other than Z37.0. */
  normalDeliveryConflicts: DxRef[];
  normalDeliveryConflictCount: number;
  normalDeliveryConflictCodes: string;
  /** Maternal encounter context for Z3A: Chapter 15, Z33, Z34, Z36. */
  maternalContextCount: number;
  /** Context in which Z3A is not assigned: O00-O08, Z33.2, Z39. */
  weeksExcluded: DxRef[];
  weeksExcludedCount: number;
  weeksExcludedCodes: string;
}

const GROUPS = ['chapter15', 'newborn', 'normalDelivery', 'singleLiveBirth', 'outcome', 'maternalContext', 'weeksExcluded'] as const;
type Group = (typeof GROUPS)[number];

const EMPTY_LIST: DxRef[] = [];

/**
 * Groups the claim's diagnoses with data/obstetric-groups.json (one entry per group, each with
 * its citation). Computed once per claim; every obstetric rule reads it.
 */
export const obstetric: FactProvider<'claim', ObstetricFact> = {
  name: 'obstetric',
  scope: 'claim',
  description: 'the maternal (Chapter 15), newborn (Z38, P codes) and pregnancy-encounter codes of the claim, grouped (data/obstetric-groups.json)',
  fields: {
    chapter15: '[{ position, code }] of the Chapter 15 (O00-O9A) diagnoses',
    chapter15Count: 'number of Chapter 15 diagnoses',
    chapter15Codes: '"O80 (position 1), …" for messages',
    newborn: '[{ position, code }] of the newborn diagnoses (Z38, P00-P96)',
    newbornCount: 'number of newborn diagnoses',
    newbornCodes: '"Z38.00 (position 1), …" for messages',
    maternalAndNewborn: '[{ position, code }] of the Chapter 15 and newborn diagnoses, in claim order',
    normalDeliveryConflicts: '[{ position, code }] of what may not go with O80: other Chapter 15 codes, Z37 other than Z37.0',
    normalDeliveryConflictCount: 'number of them',
    normalDeliveryConflictCodes: '"O70.0 (position 2), …" for messages',
    maternalContextCount: 'number of maternal-context diagnoses for Z3A (Chapter 15, Z33, Z34, Z36)',
    weeksExcluded: '[{ position, code }] of the diagnoses with which Z3A is not assigned (O00-O08, Z33.2, Z39)',
    weeksExcludedCount: 'number of them',
    weeksExcludedCodes: '"O03.9 (position 1), …" for messages',
  },
  compute(ctx) {
    const table = tableOf(ctx, 'obstetric-groups');
    const groupOf = (code: string): Set<Group> => {
      const out = new Set<Group>();
      for (const e of table?.findAll(code) ?? []) out.add(e.data.group as Group);
      return out;
    };
    const byGroup = new Map<Group, DxRef[]>(GROUPS.map((g) => [g, []]));
    const maternalAndNewborn: DxRef[] = [];
    for (const d of diagnosesWhere(ctx, () => table !== undefined)) {
      const groups = groupOf(d.code);
      for (const g of groups) byGroup.get(g)?.push(dxRef(d));
      if (groups.has('chapter15') || groups.has('newborn')) maternalAndNewborn.push(dxRef(d));
    }
    const list = (g: Group) => byGroup.get(g) ?? EMPTY_LIST;
    const isIn = (g: Group, r: DxRef) => list(g).some((x) => x.position === r.position);
    const conflicts = [
      ...list('chapter15').filter((r) => !isIn('normalDelivery', r)),
      ...list('outcome').filter((r) => !isIn('singleLiveBirth', r)),
    ].sort((a, b) => a.position - b.position);
    return {
      chapter15: list('chapter15'),
      chapter15Count: list('chapter15').length,
      chapter15Codes: describeAll(list('chapter15')),
      newborn: list('newborn'),
      newbornCount: list('newborn').length,
      newbornCodes: describeAll(list('newborn')),
      maternalAndNewborn,
      normalDeliveryConflicts: conflicts,
      normalDeliveryConflictCount: conflicts.length,
      normalDeliveryConflictCodes: describeAll(conflicts),
      maternalContextCount: list('maternalContext').length,
      weeksExcluded: list('weeksExcluded'),
      weeksExcludedCount: list('weeksExcluded').length,
      weeksExcludedCodes: describeAll(list('weeksExcluded')),
    };
  },
};
