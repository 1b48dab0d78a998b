import { claimSetting, type Claim } from '../../claim/schema.js';
import type { CodeSet } from '../../codeset/types.js';
import { exposeGetters } from '../path.js';
import { daysBetween, yearsBetween } from './age.js';
import { inSequence, type DxFacts } from './dx.js';

/** ICD-10-CM took effect in the US on this date; earlier dates of service use ICD-9-CM. */
export const ICD10_START = '2015-10-01';

/** The highest age the CMS Medicare Code Editor accepts (its invalid-age edit). */
export const MAX_AGE_YEARS = 124;

/** Diagnosis slots per claim: 837P / CMS-1500 carry 12, 837I / UB-04 carry 25 (principal + 24). */
export const DX_LIMIT = { professional: 12, institutional: 25 } as const;

export const CLAIM_FIELDS = {
  id: 'the claim id, when given',
  type: "'professional' | 'institutional'",
  setting: "'outpatient' | 'inpatient' (professional claims are outpatient; institutional default outpatient)",
  reporting: "'professional' | 'outpatient' | 'inpatient': the setting rule `settings` filters use",
  date: 'ISO date that selects the release and the age: the through date of an institutional claim, else the date of service',
  release: 'id of the governing release, or null when none is loaded for the date',
  releaseLabel: 'human label of the governing release, when there is one',
  releaseMissing: 'true when no loaded release governs the date (and the date is on or after 2015-10-01)',
  fiscalYear: 'ICD-10-CM fiscal year of the date (October 1 starts the next one), e.g. 2027 for 2026-11-03',
  beforeIcd10: 'true when the date is before 2015-10-01 (ICD-10-CM not in force)',
  sex: "'F' | 'M' | 'U', or undefined",
  birthDate: 'ISO birth date, when given',
  ageDays: 'age in whole days on the date (date-fns differenceInDays); undefined without a birth date',
  ageYears: 'age in whole years on the date (date-fns differenceInYears); undefined without a birth date',
  birthAfterDate: 'true when the birth date is after the date',
  ageOverMax: 'true when the age on the date is over 124 years',
  dxCount: 'number of diagnoses in the principal/other slots (837I admitting, reason-for-visit and external-cause codes have their own)',
  dxLimit: 'diagnoses a claim of this type can carry: 12 professional, 25 institutional',
  codes: 'normalised undotted codes of the well-formed diagnoses, in claim order (may repeat)',
  lineCount: 'number of service lines',
} as const;

/** The `claim` fact: claim-level values every rule can read. */
export class ClaimFacts {
  readonly id: string | number | undefined;
  readonly type: Claim['type'];
  readonly setting: 'outpatient' | 'inpatient';
  readonly reporting: 'professional' | 'outpatient' | 'inpatient';
  readonly date: string;
  readonly release: string | null;
  readonly releaseLabel: string | undefined;
  readonly releaseMissing: boolean;
  readonly fiscalYear: number;
  readonly beforeIcd10: boolean;
  readonly sex: 'F' | 'M' | 'U' | undefined;
  readonly birthDate: string | undefined;
  readonly ageDays: number | undefined;
  readonly ageYears: number | undefined;
  readonly birthAfterDate: boolean;
  readonly ageOverMax: boolean;
  readonly dxCount: number;
  readonly dxLimit: number;
  readonly codes: string[];
  readonly lineCount: number;

  constructor(claim: Claim, date: string, codeSet: CodeSet | undefined, dx: readonly DxFacts[]) {
    this.id = claim.id;
    this.type = claim.type;
    this.setting = claimSetting(claim);
    this.reporting = claim.type === 'professional' ? 'professional' : this.setting;
    this.date = date;
    this.release = codeSet ? codeSet.release.id : null;
    this.releaseLabel = codeSet?.release.label;
    this.beforeIcd10 = date < ICD10_START;
    this.releaseMissing = !codeSet && !this.beforeIcd10;
    this.fiscalYear = fiscalYearOf(date);
    this.sex = claim.patient?.sex;
    this.birthDate = claim.patient?.birthDate;
    if (this.birthDate) {
      // Integer arithmetic on the calendar dates; equal to date-fns' differenceInDays/Years.
      this.ageDays = daysBetween(date, this.birthDate);
      this.ageYears = yearsBetween(date, this.birthDate);
    }
    this.birthAfterDate = this.birthDate !== undefined && this.birthDate > date;
    this.ageOverMax = this.ageYears !== undefined && this.ageYears > MAX_AGE_YEARS;
    // The limits count the diagnosis slots; 837I admitting (ABJ), reason-for-visit (APR) and
    // external-cause (ABN) codes have slots of their own.
    this.dxCount = claim.type === 'institutional' ? dx.filter(inDiagnosisSlots).length : dx.length;
    this.dxLimit = DX_LIMIT[claim.type];
    this.codes = [];
    for (const d of dx) if (d.wellFormed) this.codes.push(d.code);
    this.lineCount = claim.lines?.length ?? 0;
  }
}

exposeGetters(ClaimFacts);

function inDiagnosisSlots(dx: DxFacts): boolean {
  return inSequence(dx) && dx.qualifier !== 'external-cause';
}

/** The ICD-10-CM fiscal year a date falls in: FY N runs from October 1 of N-1 to September 30 of N. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}
