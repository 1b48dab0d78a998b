import type { DataTable, TableEntry } from '../../tables/types.js';
import type { CodeFacts } from '../code-facts.js';
import { DxFacts } from '../dx.js';
import type { ClaimContext, FactProvider } from '../types.js';
import { judgeable, tableOf } from './claim-codes.js';

/** The `sexConflict` fact. */
export interface SexConflictFact {
  conflict: boolean;
  /** 'female' or 'male': the sex the code's chapter or section is for ('' when no conflict). */
  codeSex: string;
  /** The patient's recorded sex in words ('' when no conflict). */
  patientSex: string;
  /** The row's title, e.g. "Diseases of male genital organs". */
  label: string;
}

const NONE: SexConflictFact = Object.freeze({ conflict: false, codeSex: '', patientSex: '', label: '' });
const WORD = { F: 'female', M: 'male' } as const;

/**
 * Looks the diagnosis up in data/sex-specific.json and compares with the patient's recorded sex.
 * Only F and M are compared: an unknown (U) or absent sex never conflicts.
 */
const findRow = (table: DataTable, facts: CodeFacts) => table.find(facts.code);

/** The row of data/sex-specific.json that covers a diagnosis's code (kept per code). */
function sexRow(ctx: ClaimContext, dx: DxFacts): TableEntry | undefined {
  const table = tableOf(ctx, 'sex-specific');
  if (!table || !judgeable(dx)) return undefined;
  return DxFacts.shared(dx).derive('sex-row', table, findRow);
}

export const sexConflict: FactProvider<'diagnosis', SexConflictFact> = {
  name: 'sexConflict',
  scope: 'diagnosis',
  description: "whether the code is specific to the other sex than the patient's recorded sex (data/sex-specific.json)",
  fields: {
    conflict: "true when the code's row names the other sex than the patient's (F/M only)",
    codeSex: "'female' or 'male': the sex the code is for",
    patientSex: "the patient's recorded sex: 'female' or 'male'",
    label: "the row's title",
  },
  codeGate: { none: NONE, applies: (ctx, dx) => sexRow(ctx, dx) !== undefined },
  compute(ctx, dx: DxFacts) {
    const sex = ctx.claimFacts.sex;
    if (sex !== 'F' && sex !== 'M') return NONE;
    const entry = sexRow(ctx, dx);
    const codeSex = entry?.data.sex;
    if (!entry || (codeSex !== 'F' && codeSex !== 'M') || codeSex === sex) return NONE;
    return { conflict: true, codeSex: WORD[codeSex], patientSex: WORD[sex], label: String(entry.data.title ?? '') };
  },
};
