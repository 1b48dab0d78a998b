import type { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { diagnosesWhere, dxRef, inSequence, tableOf, type DxRef } from './claim-codes.js';

/** The `z23Exam` fact: is a routine preventive exam listed after this diagnosis? */
export interface Z23ExamFact {
  examAfter: boolean;
  /** 'child' (Z00.1-) or 'adult' (Z00.0-), from data/routine-exams.json; '' when none. */
  kind: string;
  examCode: string;
  examPosition: number;
  related: DxRef[];
}

const NONE: Z23ExamFact = Object.freeze({ examAfter: false, kind: '', examCode: '', examPosition: 0, related: [] });

/**
 * For the diagnosis under evaluation, the first routine exam (data/routine-exams.json) listed
 * after it. A child or newborn exam wins over an adult one when both are present, because the
 * Tabular instruction at Z23 ("code first any routine childhood examination") is the stronger
 * basis.
 */
export const z23Exam: FactProvider<'diagnosis', Z23ExamFact> = {
  name: 'z23Exam',
  scope: 'diagnosis',
  description: 'the routine preventive exam (Z00.0-, Z00.1-) listed after this diagnosis, if any (for Z23 sequencing)',
  fields: {
    examAfter: 'true when a routine exam code comes later on the claim than this diagnosis',
    kind: "'child' (Z00.1- newborn/child exam) or 'adult' (Z00.0-); '' when there is none",
    examCode: 'dotted code of that exam (Z00.129)',
    examPosition: 'its position',
    related: '[{ position, code }] of that exam',
  },
  compute(ctx, dx: DxFacts) {
    const table = tableOf(ctx, 'routine-exams');
    if (!table || !inSequence(dx)) return NONE;
    const later = diagnosesWhere(ctx, (d) => d.position > dx.position && table.has(d.code));
    if (later.length === 0) return NONE;
    const kindOf = (d: DxFacts) => String(table.find(d.code)!.data.kind ?? '');
    const exam = later.find((d) => kindOf(d) === 'child') ?? later[0]!;
    return { examAfter: true, kind: kindOf(exam), examCode: exam.dotted, examPosition: exam.position, related: [dxRef(exam)] };
  },
};
