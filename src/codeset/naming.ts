import type { ReleaseInfo } from './types.js';

/**
 * The naming rules of the official release files, in one place.
 *
 * CDC names: `icd10cm-order-2026.txt`, `icd10cm-codes-April-2025.txt`,
 * `icd10cm-codes-April-1-2026.txt`, `icd10cm-order-addenda-2026.txt`,
 * `icd10cm_tabular_2023.xml`, `icd10cm-tabular-April-2025.xml` and even
 * `icd10c-tabular-April-1-2026.xml` (CDC's own typo). CMS ships the same files with
 * underscores (`icd10cm_order_2026.txt`). Matching is case-insensitive and accepts `-`, `_`
 * or a space between the parts.
 *
 * A plain year names the annual release of that fiscal year, in force from October 1 of the
 * year before (FY2026 → 2025-10-01). "April" names the April 1 update of the same fiscal
 * year (April 2025 → FY2025, from 2025-04-01).
 */

export type SourceKind = 'order' | 'codes' | 'order-addenda' | 'codes-addenda' | 'tabular';

/** What a file name says about a file. */
export interface SourceName {
  kind: SourceKind;
  fiscalYear: number;
  /** 'oct' = annual release (October 1), 'apr' = April 1 update. */
  update: 'oct' | 'apr';
}

const SEP = '[-_ ]';
const APRIL = `(?:(april)${SEP}(?:1${SEP})?)?`;
const TEXT_FILE = new RegExp(`^icd10cm${SEP}(order|codes)(${SEP}addenda)?${SEP}${APRIL}(\\d{4})\\.txt$`, 'i');
const TABULAR_FILE = new RegExp(`^icd10cm?${SEP}tabular${SEP}${APRIL}(\\d{4})\\.xml$`, 'i');

/** Reads a release file's base name; undefined for any other file (index, xsd, pdf, …). */
export function parseSourceName(baseName: string): SourceName | undefined {
  const text = TEXT_FILE.exec(baseName);
  if (text) {
    const kind = `${text[1]!.toLowerCase()}${text[2] ? '-addenda' : ''}` as SourceKind;
    return { kind, fiscalYear: Number(text[4]), update: text[3] ? 'apr' : 'oct' };
  }
  const tab = TABULAR_FILE.exec(baseName);
  if (tab) return { kind: 'tabular', fiscalYear: Number(tab[2]), update: tab[1] ? 'apr' : 'oct' };
  return undefined;
}

/** Stable release id: `fy2026-oct`, `fy2025-apr`. */
export function releaseId(fiscalYear: number, update: 'oct' | 'apr'): string {
  return `fy${fiscalYear}-${update}`;
}

/** Release identity, effective date and label for a fiscal year and update. */
export function releaseInfo(fiscalYear: number, update: 'oct' | 'apr'): ReleaseInfo {
  if (update === 'oct') {
    return {
      id: releaseId(fiscalYear, update),
      fiscalYear,
      effectiveFrom: `${fiscalYear - 1}-10-01`,
      label: `ICD-10-CM FY${fiscalYear} (October 1, ${fiscalYear - 1})`,
    };
  }
  return {
    id: releaseId(fiscalYear, update),
    fiscalYear,
    effectiveFrom: `${fiscalYear}-04-01`,
    label: `ICD-10-CM FY${fiscalYear} (April 1, ${fiscalYear} update)`,
  };
}

/** Last day of a fiscal year: no release of that year governs a later date. */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${fiscalYear}-09-30`;
}
