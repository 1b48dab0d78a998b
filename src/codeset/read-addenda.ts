import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UNDOTTED_CODE } from './read-order.js';
import { decodeText, forEachLine, LineProblems } from './text-file.js';
import type { LoadDiagnostic } from './types.js';

/** One change line of an addenda file. */
export interface AddendaEntry {
  action: 'add' | 'delete' | 'revise-from' | 'revise-to';
  /** Undotted. */
  code: string;
  /** Long title. */
  title: string;
  /** Order addenda only. */
  shortTitle?: string;
  /** Order addenda only: the 0/1 flag written before the code. */
  billable?: boolean;
  line: number;
}

/** One block of the summary at the end ("Codes" or "Headers"). */
export interface AddendaCounts {
  /** "74260 codes in icd10cm_order_2025.txt": count and file before and after. */
  before?: { count: number; file: string };
  after?: { count: number; file: string };
  additions?: number;
  deletions?: number;
  revisions?: number;
}

export interface AddendaFile {
  file: string;
  kind: 'codes' | 'order';
  entries: AddendaEntry[];
  summary: { codes?: AddendaCounts; headers?: AddendaCounts };
  diagnostics: LoadDiagnostic[];
}

const TAGS: Record<string, AddendaEntry['action']> = {
  'Add:': 'add',
  'Delete:': 'delete',
  'Revise from:': 'revise-from',
  'Revise to:': 'revise-to',
};

/**
 * Parses a codes addenda file (`icd10cm-codes-addenda-<year>.txt`): tag in columns 1–13
 * (`Add:`, `Delete:`, `Revise from:`, `Revise to:`), code from column 14, long title from
 * column 22; then, after a blank line, the summary.
 */
export function parseCodesAddenda(text: string, file = 'codes addenda'): AddendaFile {
  return parseAddenda(text, file, 'codes');
}

/**
 * Parses an order addenda file (`icd10cm-order-addenda-<year>.txt`): tag in columns 1–13, the
 * 0/1 flag in column 14 (before the code, unlike the order file), code in 16–22, short title
 * in 24–83, long title from 85; then the summaries for headers and codes. A code whose flag
 * changed appears as `Delete:` with the old flag and `Add:` with the new one.
 */
export function parseOrderAddenda(text: string, file = 'order addenda'): AddendaFile {
  return parseAddenda(text, file, 'order');
}

function parseAddenda(text: string, file: string, kind: 'codes' | 'order'): AddendaFile {
  const problems = new LineProblems(file, `${kind}-addenda`);
  const entries: AddendaEntry[] = [];
  const summary: AddendaFile['summary'] = {};
  let block: AddendaCounts | undefined;
  let inSummary = false;
  let changeLines = 0;

  forEachLine(text, (line, lineNo) => {
    if (line.trim() === '') {
      inSummary = entries.length > 0 || inSummary || changeLines === 0;
      return;
    }
    const tag = line.slice(0, 13).trim();
    const action = TAGS[tag];
    if (action && !inSummary) {
      changeLines++;
      const entry = kind === 'codes' ? codesEntry(line, action, lineNo) : orderEntry(line, action, lineNo);
      if (typeof entry === 'string') problems.add(lineNo, entry);
      else entries.push(entry);
      return;
    }
    // Summary: "Codes" / "Headers", then counts.
    inSummary = true;
    const head = line.trim();
    if (head === 'Codes' || head === 'Headers') {
      block = {};
      summary[head === 'Codes' ? 'codes' : 'headers'] = block;
      return;
    }
    const inFile = /^(\d+) (?:codes|headers) in (\S+)$/.exec(head);
    if (inFile && block) {
      const side = { count: Number(inFile[1]), file: inFile[2]! };
      if (!block.before) block.before = side;
      else block.after = side;
      return;
    }
    const count = /^(\d+) (additions|deletions|revisions)$/.exec(head);
    if (count && block) block[count[2] as 'additions' | 'deletions' | 'revisions'] = Number(count[1]);
    // Other summary lines ("of which", "… to short title only") carry nothing we check.
  });
  problems.check(Math.max(changeLines, 1));
  return { file, kind, entries, summary, diagnostics: problems.diagnostics() };
}

function codesEntry(line: string, action: AddendaEntry['action'], lineNo: number): AddendaEntry | string {
  const code = line.slice(13, 20).trimEnd();
  if (!UNDOTTED_CODE.test(code) || (line.length > 20 && line.charCodeAt(20) !== 32)) {
    return `"${line.slice(13, 21)}" in columns 14-20 is not an undotted code`;
  }
  const title = line.slice(21).trim();
  if (!title) return `code ${code} has no title`;
  return { action, code, title, line: lineNo };
}

function orderEntry(line: string, action: AddendaEntry['action'], lineNo: number): AddendaEntry | string {
  const flag = line.charAt(13);
  if ((flag !== '0' && flag !== '1') || line.charCodeAt(14) !== 32) return `flag in column 14 must be 0 or 1, found "${flag}"`;
  const code = line.slice(15, 22).trimEnd();
  if (!UNDOTTED_CODE.test(code) || line.charCodeAt(22) !== 32) return `"${line.slice(15, 22)}" in columns 16-22 is not an undotted code`;
  const shortTitle = line.slice(23, 83).trim();
  const title = line.slice(84).trim();
  if (!shortTitle || !title) return `code ${code} lacks a short or a long title`;
  return { action, code, title, shortTitle, billable: flag === '1', line: lineNo };
}

export function readCodesAddenda(path: string): AddendaFile {
  return parseCodesAddenda(decodeText(readFileSync(path)), basename(path));
}

export function readOrderAddenda(path: string): AddendaFile {
  return parseOrderAddenda(decodeText(readFileSync(path)), basename(path));
}
