import type { Citation } from '../../tables/types.js';
import type { DxFacts } from '../dx.js';
import type { FactProvider } from '../types.js';
import { judgeable, tableOf } from './claim-codes.js';

/** The `secondaryOnly` fact. */
export interface SecondaryOnlyFact {
  listed: boolean;
  /** The entry's severity ('error' | 'warning'); '' when not listed. */
  severity: string;
  /** What the entry is, e.g. "Underdosing of drugs, medicaments and biological substances". */
  label: string;
  /** The entry's guideline section, e.g. "I.C.19.e.5(c)". */
  section: string;
}

const NOT_LISTED: SecondaryOnlyFact = Object.freeze({ listed: false, severity: '', label: '', section: '' });

function sectionOf(citation: Citation): string {
  return typeof citation === 'string' ? citation : citation.section;
}

/** Looks the diagnosis up in data/secondary-only.json (codes reported only as additional codes). */
export const secondaryOnly: FactProvider<'diagnosis', SecondaryOnlyFact> = {
  name: 'secondaryOnly',
  scope: 'diagnosis',
  description: 'whether the diagnosis is on the secondary-only list (data/secondary-only.json), with the entry severity and citation',
  fields: {
    listed: 'true when data/secondary-only.json covers the code',
    severity: "the entry's severity: 'error' or 'warning' ('' when not listed)",
    label: "the entry's title, e.g. 'Severe sepsis'",
    section: "the entry's guideline section, e.g. 'I.C.1.d.3; I.C.1.d.2; Tabular note at R65.2'",
  },
  // The answer depends on the code alone: it is `none` exactly when it is NOT_LISTED.
  codeGate: { none: NOT_LISTED, applies: (ctx, dx) => secondaryOnly.compute(ctx, dx) !== NOT_LISTED },
  compute(ctx, dx: DxFacts) {
    const table = tableOf(ctx, 'secondary-only');
    if (!table || !judgeable(dx)) return NOT_LISTED;
    const entry = table.find(dx.code);
    if (!entry) return NOT_LISTED;
    return {
      listed: true,
      severity: String(entry.data.severity ?? 'error'),
      label: String(entry.data.title ?? ''),
      section: sectionOf(entry.citation),
    };
  },
};
