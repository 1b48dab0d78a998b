import { isCalendarDate } from './calendar.js';
import { digits } from './digits.js';
import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';

/**
 * The claim model: the JSON input format of dxlint. Field names are the public contract
 * (see ../shared/spec/design.md, "Claim"). Extra fields are allowed and ignored.
 *
 * The schema only rejects what the engine cannot work with (wrong types, impossible dates,
 * absurd sizes). Values the guidelines or the claim format forbid but that are well-typed — a
 * malformed code, a POA value of "X", a pointer to a missing diagnosis — pass here and are
 * reported as findings by the rules, so the biller sees them next to the other findings.
 */

/** Strings longer than this are input errors: no claim field needs more. */
export const MAX_STRING = 200;
/** Hard caps that keep one hostile claim from costing unbounded time or memory. */
export const MAX_DIAGNOSES = 999;
export const MAX_LINES = 999;
export const MAX_POINTERS = 99;

const text = (what: string) =>
  z.string({ error: `${what} must be a string` }).max(MAX_STRING, `${what} is longer than ${MAX_STRING} characters`);

/**
 * A real calendar day (no 2025-02-30). A plain YYYY-MM-DD is checked by arithmetic: this runs
 * for every date of every claim, and date-fns' general parseISO was the largest single cost of
 * validating a typical claim. Strings with a time part still go through parseISO.
 */
export function isRealDate(s: string): boolean {
  if (s.length === 10) {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 7);
    const day = digits(s, 8, 10);
    return isCalendarDate(year, month, day);
  }
  const parsed = parseISO(s);
  return isValid(parsed) && parsed.getDate() === Number(s.slice(8, 10));
}

/** ISO calendar date, YYYY-MM-DD (a time part is accepted and ignored). */
export const isoDate = z
  .string({ error: 'must be an ISO date (YYYY-MM-DD)' })
  // abort: zod would otherwise run the regex and the calendar check on a 10 MB string too
  // (seconds and hundreds of MB in parseISO) and repeat the same message three times.
  .max(40, { error: 'must be an ISO date (YYYY-MM-DD)', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$/, { error: 'must be an ISO date (YYYY-MM-DD)', abort: true })
  .refine(isRealDate, {
    message: 'is not a real calendar date',
  })
  .transform((s) => s.slice(0, 10));

export const diagnosisQualifiers = [
  'principal',
  'other',
  'admitting',
  'reason-for-visit',
  'external-cause',
] as const;

export const diagnosisSchema = z.object({
  code: text('code'),
  poa: text('poa').optional(),
  qualifier: z.enum(diagnosisQualifiers).optional(),
});

export const lineSchema = z.object({
  procedureCode: text('procedureCode').optional(),
  modifiers: z.array(text('modifier')).max(MAX_POINTERS).optional(),
  units: z.number().finite().optional(),
  serviceDate: isoDate.optional(),
  diagnosisPointers: z
    .array(z.number().int('a diagnosis pointer must be a whole number'))
    .max(MAX_POINTERS)
    .optional(),
});

export const claimSchema = z
  .object({
    id: z.union([text('id'), z.number()]).optional(),
    type: z.enum(['professional', 'institutional'], {
      error: 'type must be "professional" or "institutional"',
    }),
    setting: z
      .enum(['outpatient', 'inpatient'], { error: 'setting must be "outpatient" or "inpatient"' })
      .optional(),
    serviceDate: isoDate.optional(),
    statementFrom: isoDate.optional(),
    statementThrough: isoDate.optional(),
    patient: z
      .object({
        birthDate: isoDate.optional(),
        sex: z.enum(['F', 'M', 'U'], { error: 'sex must be "F", "M" or "U"' }).optional(),
      })
      .optional(),
    diagnoses: z.array(diagnosisSchema).max(MAX_DIAGNOSES),
    lines: z.array(lineSchema).max(MAX_LINES).optional(),
  })
  .superRefine((claim, ctx) => {
    if (claim.type === 'professional' && claim.setting === 'inpatient') {
      ctx.addIssue({
        code: 'custom',
        path: ['setting'],
        message: 'a professional claim is always outpatient; remove setting or use an institutional claim',
      });
    }
    if (claimDate(claim as Claim) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceDate'],
        message: 'the claim needs a date of service: serviceDate, statementFrom/statementThrough, or a serviceDate on a line',
      });
    }
    if (claim.statementFrom && claim.statementThrough && claim.statementFrom > claim.statementThrough) {
      ctx.addIssue({ code: 'custom', path: ['statementThrough'], message: 'statementThrough is before statementFrom' });
    }
  });

export type Diagnosis = z.output<typeof diagnosisSchema>;
export type ServiceLine = z.output<typeof lineSchema>;
export type Claim = z.output<typeof claimSchema>;
/** What callers may pass in (before defaults and normalisation). */
export type ClaimInput = z.input<typeof claimSchema>;

/**
 * The date that selects the code-set release and the patient's age: for institutional claims
 * the through (discharge) date, else the date of service; failing both, the earliest line date.
 */
export function claimDate(claim: Pick<Claim, 'type' | 'serviceDate' | 'statementFrom' | 'statementThrough' | 'lines'>): string | undefined {
  const own =
    claim.type === 'institutional'
      ? claim.statementThrough ?? claim.serviceDate ?? claim.statementFrom
      : claim.serviceDate ?? claim.statementFrom ?? claim.statementThrough;
  if (own) return own;
  let earliest: string | undefined;
  for (const line of claim.lines ?? []) {
    if (line.serviceDate && (earliest === undefined || line.serviceDate < earliest)) earliest = line.serviceDate;
  }
  return earliest;
}

/** The care setting, with the defaults of the design notes applied. */
export function claimSetting(claim: Pick<Claim, 'type' | 'setting'>): 'outpatient' | 'inpatient' {
  return claim.type === 'professional' ? 'outpatient' : claim.setting ?? 'outpatient';
}
