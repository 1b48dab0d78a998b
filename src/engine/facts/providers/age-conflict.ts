import type { DataTable, TableEntry } from '../../tables/types.js';
import type { CodeFacts } from '../code-facts.js';
import { MAX_AGE_YEARS } from '../claim.js';
import { DxFacts } from '../dx.js';
import type { ClaimContext, FactProvider } from '../types.js';
import { judgeable, tableOf } from './claim-codes.js';

/** An age bound of data/age-ranges.json: `{ "days": 29 }` or `{ "years": 17 }`. */
export type AgeBound = { days: number } | { years: number };

/** The `ageConflict` fact. */
export interface AgeConflictFact {
  conflict: boolean;
  /** The severity of the row that is broken ('error' | 'warning'); '' when none. */
  severity: string;
  /** "29 days or older", "under 8 days old", "9 to 64 years old". */
  rangeText: string;
  /** The patient's age: "20 days old", "8 years old". */
  ageText: string;
  /** The row's title. */
  label: string;
}

const NONE: AgeConflictFact = Object.freeze({ conflict: false, severity: '', rangeText: '', ageText: '', label: '' });

function unit(n: number, what: 'day' | 'year'): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function split(b: AgeBound): [number, 'day' | 'year'] {
  return 'days' in b ? [b.days, 'day'] : [b.years, 'year'];
}

/** The allowed range of a row in words. */
export function rangeText(min: AgeBound | undefined, max: AgeBound | undefined): string {
  if (min && max) {
    const [lo, lu] = split(min);
    const [hi, hu] = split(max);
    if (lo === 0) return `under ${unit(hi + 1, hu)} old`;
    return lu === hu ? `${lo} to ${unit(hi, hu)} old` : `${unit(lo, lu)} to ${unit(hi, hu)} old`;
  }
  if (min) return `${unit(...split(min))} or older`;
  if (max) {
    const [hi, hu] = split(max);
    return hi === 0 ? `under 1 ${hu} old` : `${unit(hi, hu)} or younger`;
  }
  return 'any age';
}

/** The patient's age in words: days under one year, else years. */
export function ageText(days: number, years: number): string {
  return years < 1 ? `${unit(days, 'day')} old` : `${unit(years, 'year')} old`;
}

function inside(bound: AgeBound | undefined, days: number, years: number, side: 'min' | 'max'): boolean {
  if (!bound) return true;
  const age = 'days' in bound ? days : years;
  const limit = 'days' in bound ? bound.days : bound.years;
  return side === 'min' ? age >= limit : age <= limit;
}

/**
 * Looks the diagnosis up in data/age-ranges.json and compares the patient's age on the date of
 * service (whole days / completed years). Silent without a birth date, and for impossible ages
 * (born after the date, over 124): patient-date-invalid reports those.
 */
const NO_ROWS: readonly TableEntry[] = Object.freeze([]);

const findRows = (table: DataTable, facts: CodeFacts) => table.findAll(facts.code);

/** The rows of data/age-ranges.json that cover a diagnosis's code (kept per code). */
function ageRows(ctx: ClaimContext, dx: DxFacts): readonly TableEntry[] {
  const table = tableOf(ctx, 'age-ranges');
  if (!table || !judgeable(dx)) return NO_ROWS;
  return DxFacts.shared(dx).derive('age-rows', table, findRows);
}

export const ageConflict: FactProvider<'diagnosis', AgeConflictFact> = {
  name: 'ageConflict',
  scope: 'diagnosis',
  description: "whether the patient's age on the date of service is outside the code's age range (data/age-ranges.json)",
  fields: {
    conflict: "true when the patient's age is outside a range row covering the code",
    severity: "that row's severity: 'error' or 'warning' ('' when no conflict)",
    rangeText: 'the allowed range in words, e.g. "29 days or older"',
    ageText: 'the patient\'s age in words, e.g. "20 days old"',
    label: "the row's title",
  },
  codeGate: { none: NONE, applies: (ctx, dx) => ageRows(ctx, dx).length > 0 },
  compute(ctx, dx: DxFacts) {
    const { ageDays, ageYears } = ctx.claimFacts;
    if (ageDays === undefined || ageYears === undefined || ageDays < 0 || ageYears > MAX_AGE_YEARS) return NONE;
    for (const entry of ageRows(ctx, dx)) {
      const min = entry.data.min as AgeBound | undefined;
      const max = entry.data.max as AgeBound | undefined;
      if (inside(min, ageDays, ageYears, 'min') && inside(max, ageDays, ageYears, 'max')) continue;
      return {
        conflict: true,
        severity: String(entry.data.severity ?? 'warning'),
        rangeText: rangeText(min, max),
        ageText: ageText(ageDays, ageYears),
        label: String(entry.data.title ?? ''),
      };
    }
    return NONE;
  },
};
