import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FormatError } from './errors.js';
import { UNDOTTED_CODE } from './read-order.js';
import { decodeText, forEachLine, LineProblems } from './text-file.js';
import type { LoadDiagnostic } from './types.js';

/** The codes file (`icd10cm-codes-<year>.txt`): the billable codes only, in tabular order. */
export interface CodesFile {
  file: string;
  /** Undotted codes. */
  codes: string[];
  /** Long titles. */
  titles: string[];
  /** Code → slot. */
  index: Map<string, number>;
  diagnostics: LoadDiagnostic[];
}

/**
 * Parses a codes file: code left-justified in columns 1–7, a space in column 8, the long
 * title from column 9. Bad lines are skipped and reported; too many and the file is refused.
 */
export function parseCodesFile(text: string, file = 'codes file'): CodesFile {
  const problems = new LineProblems(file, 'codes-file');
  const codes: string[] = [];
  const titles: string[] = [];
  const index = new Map<string, number>();
  /** Line of each slot, to name the first line of a repeated code. */
  const lineOfSlot: number[] = [];

  const total = forEachLine(text, (line, lineNo) => {
    if (line.trim() === '') return;
    const code = line.slice(0, 7).trimEnd();
    if (!UNDOTTED_CODE.test(code) || line.charCodeAt(7) !== 32) {
      return problems.add(lineNo, `"${line.slice(0, 8)}" is not an undotted code in columns 1-7 followed by a space`);
    }
    const title = line.slice(8).trim();
    if (title === '') return problems.add(lineNo, `code ${code} has no title`);
    const seen = index.get(code);
    if (seen !== undefined) return problems.add(lineNo, `code ${code} is listed again (first on line ${lineOfSlot[seen]})`);
    lineOfSlot.push(lineNo);
    index.set(code, codes.length);
    codes.push(code);
    titles.push(title);
  });
  problems.check(total);
  // An empty or blank file (a failed download) would load as a release with no codes, and every
  // code on a claim would then look unknown.
  if (codes.length === 0) throw new FormatError(`${file}: the file holds no code lines (it is empty or blank); is the download complete?`, file);
  return { file, codes, titles, index, diagnostics: problems.diagnostics() };
}

/** Reads and parses a codes file from disk. */
export function readCodesFile(path: string): CodesFile {
  return parseCodesFile(decodeText(readFileSync(path)), basename(path));
}
