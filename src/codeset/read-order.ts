import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FormatError } from './errors.js';
import { forEachLine, decodeText, LineProblems } from './text-file.js';
import type { LoadDiagnostic } from './types.js';

/**
 * Undotted code shape accepted in the release text files: a letter and two to six letters or
 * digits. Wider than "letter, digit, …" on purpose: FY2026 added category `QA0`.
 */
export const UNDOTTED_CODE = /^[A-Z][0-9A-Z]{2,6}$/;

/**
 * The order file (`icd10cm-order-<year>.txt`): every code, headers included, in tabular order.
 * Parallel arrays, one slot per line, in file order.
 */
export interface OrderFile {
  file: string;
  /** Undotted codes. */
  codes: string[];
  /** 1 = billable (flag 1), 0 = header. */
  billable: Uint8Array;
  /** Order numbers as written (column 1–5). */
  orders: Uint32Array;
  shortTitles: string[];
  titles: string[];
  /** Code → slot. */
  index: Map<string, number>;
  diagnostics: LoadDiagnostic[];
}

/**
 * Parses an order file. Fixed columns: order number (1–5), code (7–13), flag (15), short
 * title (17–76), long title (78–). An order number wider than 5 digits shifts the columns with
 * it rather than failing. Bad lines are skipped and reported; too many and the file is refused
 * (see `LineProblems`).
 */
export function parseOrderFile(text: string, file = 'order file'): OrderFile {
  const problems = new LineProblems(file, 'order-file');
  const codes: string[] = [];
  const flags: number[] = [];
  const orders: number[] = [];
  const shortTitles: string[] = [];
  const titles: string[] = [];
  const index = new Map<string, number>();
  /** Line of each slot, to name the first line of a repeated code. */
  const lineOfSlot: number[] = [];
  let gaps = 0;
  let firstGap: number | undefined;

  const total = forEachLine(text, (line, lineNo) => {
    if (line.trim() === '') return;
    const w = line.indexOf(' ');
    if (w < 5 || !allDigits(line, w)) {
      return problems.add(lineNo, 'expected a zero-filled order number in columns 1-5');
    }
    if (line.length < w + 73) return problems.add(lineNo, `line too short (${line.length} characters) for the fixed columns`);
    const code = line.slice(w + 1, w + 8).trimEnd();
    if (!UNDOTTED_CODE.test(code) || line.charCodeAt(w + 8) !== 32) {
      return problems.add(lineNo, `"${line.slice(w + 1, w + 8)}" in columns 7-13 is not an undotted ICD-10-CM code`);
    }
    const flag = line.charCodeAt(w + 9) - 48;
    if ((flag !== 0 && flag !== 1) || line.charCodeAt(w + 10) !== 32) {
      return problems.add(lineNo, `billable flag in column 15 must be 0 or 1, found "${line.charAt(w + 9)}"`);
    }
    if (line.charCodeAt(w + 71) !== 32) return problems.add(lineNo, 'short title is longer than 60 characters (column 77 must be a space)');
    const shortTitle = line.slice(w + 11, w + 71).trim();
    const title = line.slice(w + 72).trim();
    if (shortTitle === '' || title === '') return problems.add(lineNo, `code ${code} has an empty title`);
    const seen = index.get(code);
    if (seen !== undefined) return problems.add(lineNo, `code ${code} is listed again (first on line ${lineOfSlot[seen]})`);
    const order = Number(line.slice(0, w));
    const prev = orders.length ? orders[orders.length - 1]! : 0;
    if (order !== prev + 1) {
      gaps++;
      firstGap ??= lineNo;
    }
    lineOfSlot.push(lineNo);
    index.set(code, codes.length);
    codes.push(code);
    flags.push(flag);
    orders.push(order);
    shortTitles.push(shortTitle);
    titles.push(title);
  });
  problems.check(total);
  // An empty or blank file (a failed download) would load as a release with no codes, and every
  // code on a claim would then look unknown.
  if (codes.length === 0) throw new FormatError(`${file}: the file holds no order-file lines (it is empty or blank); is the download complete?`, file);

  const diagnostics = problems.diagnostics();
  if (gaps > 0) {
    diagnostics.push({
      level: 'warning',
      kind: 'order-number-gap',
      message: `${file}: order numbers are not consecutive at ${gaps} place(s), first on line ${firstGap}`,
      file,
      line: firstGap,
      count: gaps,
    });
  }
  return {
    file,
    codes,
    billable: Uint8Array.from(flags),
    orders: Uint32Array.from(orders),
    shortTitles,
    titles,
    index,
    diagnostics,
  };
}

/** Reads and parses an order file from disk. */
export function readOrderFile(path: string): OrderFile {
  return parseOrderFile(decodeText(readFileSync(path)), basename(path));
}

/** True when the first `n` characters are digits (cheaper than a regex on 98k lines). */
function allDigits(line: string, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
