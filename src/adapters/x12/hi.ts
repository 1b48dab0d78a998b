import type { Qualifier } from '../order.js';

/** What an HI qualifier (C022-01) means for the diagnosis list. */
export interface DiagnosisQualifier {
  qualifier: Qualifier;
  /** ICD-9-CM qualifier (the ICD-10-CM one starts with "A"). */
  icd9: boolean;
  /** Counted by the 837P SV107 pointers (principal and other diagnoses). */
  pointable: boolean;
  /** Words for messages. */
  label: string;
}

const entry = (qualifier: Qualifier, icd9: boolean, label: string): DiagnosisQualifier => ({
  qualifier,
  icd9,
  pointable: qualifier === 'principal' || qualifier === 'other',
  label,
});

/**
 * Diagnosis qualifiers of the 837P (005010X222A1) and 837I (005010X223A2) HI segments: ABK/BK
 * principal, ABF/BF other, ABJ/BJ admitting, APR/PR patient's reason for visit, ABN/BN external
 * cause of injury. The B-forms are ICD-9-CM.
 */
export const DIAGNOSIS_QUALIFIERS: ReadonlyMap<string, DiagnosisQualifier> = new Map([
  ['ABK', entry('principal', false, 'principal')],
  ['BK', entry('principal', true, 'principal')],
  ['ABF', entry('other', false, 'other')],
  ['BF', entry('other', true, 'other')],
  ['ABJ', entry('admitting', false, 'admitting')],
  ['BJ', entry('admitting', true, 'admitting')],
  ['APR', entry('reason-for-visit', false, 'reason-for-visit')],
  ['PR', entry('reason-for-visit', true, 'reason-for-visit')],
  ['ABN', entry('external-cause', false, 'external-cause')],
  ['BN', entry('external-cause', true, 'external-cause')],
]);

/**
 * HI qualifiers that carry no diagnosis and are skipped without a word: procedures (BBR/BR/CAH
 * principal, BBQ/BQ other, BP/BO anesthesia-related), occurrence span (BI), occurrence (BH),
 * value (BE), condition (BG), treatment (TC) codes and the DRG (DR).
 */
export const NON_DIAGNOSIS_QUALIFIERS: ReadonlySet<string> = new Set([
  'BBR', 'BR', 'CAH', 'BBQ', 'BQ', 'BP', 'BO', 'BI', 'BH', 'BE', 'BG', 'TC', 'DR',
]);
