import { formatCode } from '../code/normalize.js';
import type { TabularFile } from './read-tabular.js';
import type { LoadDiagnostic } from './types.js';

/** Codes derived from a Tabular List, in tabular order. */
export interface DerivedCodes {
  codes: string[];
  billable: Uint8Array;
  titles: string[];
}

/**
 * The code list a Tabular List implies: every `<diag>` (a header when it has children or takes
 * a 7th character), and for each leaf that takes a 7th character the codes formed with each
 * character in force (the nearest `sevenChrDef` above it), padded with the placeholder X to
 * six characters (T78.1 → T78.1XXA). Titles of formed codes are "<desc>, <meaning>", as in the
 * order file.
 *
 * This does not know the exceptions the Tabular states in words (e.g. 7th characters D and S do
 * not apply to S06 codes with 6th character 7 or 8), so where the order file is missing the
 * result may list a few codes too many; a diagnostic says so.
 */
export function codesFromTabular(file: TabularFile): DerivedCodes {
  const codes: string[] = [];
  const flags: number[] = [];
  const titles: string[] = [];
  const seventhOf = (i: number): Record<string, string> | undefined => {
    for (let d = i; d >= 0; d = file.diags[d]!.parent) if (file.diags[d]!.seventh) return file.diags[d]!.seventh!.chars;
    return undefined;
  };
  file.diags.forEach((d, i) => {
    const seventh = d.hasChildren ? undefined : seventhOf(i);
    codes.push(d.code);
    flags.push(d.hasChildren || seventh ? 0 : 1);
    titles.push(d.desc);
    if (!seventh) return;
    const stem = d.code.padEnd(6, 'X');
    for (const [ch, meaning] of Object.entries(seventh)) {
      codes.push(stem + ch);
      flags.push(1);
      titles.push(`${d.desc}, ${meaning}`);
    }
  });
  return { codes, billable: Uint8Array.from(flags), titles };
}

const EXAMPLES = 8;

/**
 * A release's order file against its own Tabular List XML: codes only one of them lists, and
 * codes billable in one but a header in the other. One warning per kind, with counts.
 */
export function compareOrderAndTabular(
  order: { codes: readonly string[]; billable: Uint8Array; index: ReadonlyMap<string, number>; file: string },
  derived: DerivedCodes,
  tabularFile: string,
): LoadDiagnostic[] {
  const xmlIndex = new Map(derived.codes.map((c, i) => [c, i]));
  const notInOrder: string[] = [];
  const flagDiff: string[] = [];
  derived.codes.forEach((c, i) => {
    const slot = order.index.get(c);
    if (slot === undefined) notInOrder.push(c);
    else if (order.billable[slot] !== derived.billable[i]) flagDiff.push(c);
  });
  const notInXml = order.codes.filter((c) => !xmlIndex.has(c));
  const out: LoadDiagnostic[] = [];
  const push = (kind: string, list: string[], what: string): void => {
    if (list.length === 0) return;
    out.push({ level: 'warning', kind, message: `${list.length} ${what}`, file: tabularFile, count: list.length, examples: list.slice(0, EXAMPLES).map(formatCode) });
  };
  push('xml-code-not-in-order', notInOrder, `code(s) formed from ${tabularFile} are not in ${order.file}`);
  push('order-code-not-in-xml', notInXml, `code(s) of ${order.file} are not in ${tabularFile} (neither as a <diag> nor formed with a 7th character)`);
  push('xml-billable-mismatch', flagDiff, `code(s) are billable in one of ${order.file} and ${tabularFile} but a header in the other; the order and codes files decide`);
  return out;
}
