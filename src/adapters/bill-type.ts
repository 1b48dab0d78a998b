/**
 * The care setting an institutional type of bill (UB-04 FL 4, 837I CLM05-1 + CLM05-3) stands
 * for, or undefined when the code is not a type of bill.
 *
 * The type of bill is three digits (a leading 0 is ignored): type of facility, bill
 * classification, frequency. For facility types 1 hospital, 2 skilled nursing, 4 and 5
 * religious nonmedical, 6 intermediate care, the classification digit 1 means inpatient
 * (Part A), 2 inpatient (Part B only) and 8 swing bed — an inpatient stay in all three. Every
 * other combination is outpatient: 3 outpatient, 4 "other" (non-patient referenced tests),
 * home health (3x), clinics (7x) and special facilities (8x: hospice, ASC, CAH outpatient).
 * Deliberately conservative: when in doubt the claim is checked as outpatient, the default of
 * the claim model, so no inpatient-only rule fires on a guess.
 */
export function settingFromBillType(code: string): 'inpatient' | 'outpatient' | undefined {
  const digits = code.trim().replace(/^0(?=\d{3}$)/, '');
  // Two digits are enough: CLM05-1 holds only facility type + classification.
  if (!/^[1-8]\d{1,2}$/.test(digits)) return undefined;
  const facility = digits[0]!;
  const classification = digits[1]!;
  if ('12456'.includes(facility) && '128'.includes(classification)) return 'inpatient';
  return 'outpatient';
}
