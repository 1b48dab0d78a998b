import { formatCode } from '../code/normalize.js';
import type { AddendaFile } from './read-addenda.js';
import type { ReleaseData } from './release-data.js';
import type { CodeChange, LoadDiagnostic } from './types.js';

/** The addenda files of a release (changes against the previous fiscal year's release). */
export interface ReleaseAddenda {
  codes?: AddendaFile;
  order?: AddendaFile;
}

const EXAMPLES = 8;

/**
 * Checks a release's addenda against what actually differs between the previous loaded
 * release and this one. Officially (and verified for FY2026) the codes addenda list exactly the
 * billable codes added, removed and retitled, and the order addenda the same for every entry,
 * a changed flag being a Delete with the old flag and an Add with the new one. Each kind of
 * disagreement is one warning with a count and examples.
 */
export function checkAddenda(prev: ReleaseData, cur: ReleaseData, addenda: ReleaseAddenda): LoadDiagnostic[] {
  const out: LoadDiagnostic[] = [];
  if (addenda.codes) out.push(...checkCodesAddenda(prev, cur, addenda.codes));
  if (addenda.order) out.push(...checkOrderAddenda(prev, cur, addenda.order));
  return out;
}

function checkCodesAddenda(prev: ReleaseData, cur: ReleaseData, file: AddendaFile): LoadDiagnostic[] {
  const added: string[] = [];
  const deleted: string[] = [];
  const revised: string[] = [];
  for (let i = 0; i < cur.size; i++) {
    if (!cur.billable[i]) continue;
    const code = cur.codes[i]!;
    const p = prev.slot(code);
    if (p === undefined || !prev.billable[p]) added.push(code);
    else if (prev.titles.get(p) !== cur.titles.get(i)) revised.push(code);
  }
  for (let i = 0; i < prev.size; i++) {
    if (!prev.billable[i]) continue;
    const c = cur.slot(prev.codes[i]!);
    if (c === undefined || !cur.billable[c]) deleted.push(prev.codes[i]!);
  }
  const listed = (action: string): string[] => file.entries.filter((e) => e.action === action).map((e) => e.code);
  const out = [
    ...compare(file.file, 'added', listed('add'), added),
    ...compare(file.file, 'deleted', listed('delete'), deleted),
    ...compare(file.file, 'retitled', listed('revise-to'), revised),
  ];
  out.push(...checkSummary(file, 'codes', prev.billableCount, cur.billableCount, listed('add').length, listed('delete').length, listed('revise-to').length));
  return out;
}

function checkOrderAddenda(prev: ReleaseData, cur: ReleaseData, file: AddendaFile): LoadDiagnostic[] {
  const adds: string[] = [];
  const deletes: string[] = [];
  const revised: string[] = [];
  const key = (code: string, billable: number | boolean | undefined): string => `${code}/${billable ? 1 : 0}`;
  for (let i = 0; i < cur.size; i++) {
    const code = cur.codes[i]!;
    const p = prev.slot(code);
    if (p === undefined || prev.billable[p] !== cur.billable[i]) adds.push(key(code, cur.billable[i]));
    else if (prev.titles.get(p) !== cur.titles.get(i) || prev.shortTitles.get(p) !== cur.shortTitles.get(i)) revised.push(key(code, cur.billable[i]));
  }
  for (let i = 0; i < prev.size; i++) {
    const code = prev.codes[i]!;
    const c = cur.slot(code);
    if (c === undefined || cur.billable[c] !== prev.billable[i]) deletes.push(key(code, prev.billable[i]));
  }
  const listed = (action: string): string[] => file.entries.filter((e) => e.action === action).map((e) => key(e.code, e.billable));
  const out = [
    ...compare(file.file, 'added', listed('add'), adds),
    ...compare(file.file, 'deleted', listed('delete'), deletes),
    ...compare(file.file, 'retitled', listed('revise-to'), revised),
  ];
  const headerCount = (d: ReleaseData): number => d.size - d.billableCount;
  const count = (action: string, billable: boolean): number =>
    file.entries.filter((e) => e.action === action && e.billable === billable).length;
  out.push(...checkSummary(file, 'codes', prev.billableCount, cur.billableCount, count('add', true), count('delete', true), count('revise-to', true)));
  out.push(...checkSummary(file, 'headers', headerCount(prev), headerCount(cur), count('add', false), count('delete', false), count('revise-to', false)));
  return out;
}

/** One warning per direction when the addenda and the releases disagree. */
function compare(file: string, what: string, listed: string[], actual: string[]): LoadDiagnostic[] {
  const inList = new Set(listed);
  const inActual = new Set(actual);
  const onlyListed = [...inList].filter((c) => !inActual.has(c));
  const onlyActual = [...inActual].filter((c) => !inList.has(c));
  const out: LoadDiagnostic[] = [];
  const show = (keys: string[]): string[] => keys.slice(0, EXAMPLES).map((k) => formatCode(k.split('/')[0]!));
  if (onlyListed.length) {
    out.push({
      level: 'warning',
      kind: 'addenda-mismatch',
      message: `${file} lists ${onlyListed.length} code(s) as ${what} that the loaded releases do not show as ${what}`,
      file,
      count: onlyListed.length,
      examples: show(onlyListed),
    });
  }
  if (onlyActual.length) {
    out.push({
      level: 'warning',
      kind: 'addenda-mismatch',
      message: `${onlyActual.length} code(s) ${what} between the loaded releases are not listed as ${what} in ${file}`,
      file,
      count: onlyActual.length,
      examples: show(onlyActual),
    });
  }
  return out;
}

function checkSummary(
  file: AddendaFile,
  block: 'codes' | 'headers',
  before: number,
  after: number,
  additions: number,
  deletions: number,
  revisions: number,
): LoadDiagnostic[] {
  const s = file.summary[block];
  if (!s) return [];
  const wrong: string[] = [];
  if (s.before && s.before.count !== before) wrong.push(`${s.before.count} ${block} before (the previous release has ${before})`);
  if (s.after && s.after.count !== after) wrong.push(`${s.after.count} ${block} after (this release has ${after})`);
  if (s.additions !== undefined && s.additions !== additions) wrong.push(`${s.additions} additions (${additions} Add lines)`);
  if (s.deletions !== undefined && s.deletions !== deletions) wrong.push(`${s.deletions} deletions (${deletions} Delete lines)`);
  if (s.revisions !== undefined && s.revisions !== revisions) wrong.push(`${s.revisions} revisions (${revisions} Revise lines)`);
  if (wrong.length === 0) return [];
  return [{ level: 'warning', kind: 'addenda-summary-mismatch', message: `${file.file}: the ${block} summary says ${wrong.join(', ')}`, file: file.file }];
}

/**
 * Changes a release's addenda record against the release before it, for a release whose
 * predecessor is not loaded (so there is nothing to compare): added, deleted, became a header
 * or billable (a Delete and an Add of the same code with different flags), title revised.
 */
export function changesFromAddenda(addenda: ReleaseAddenda, from: string, to: string): Map<string, CodeChange[]> {
  const out = new Map<string, CodeChange[]>();
  const push = (c: CodeChange): void => {
    const list = out.get(c.code);
    if (list) list.push(c);
    else out.set(c.code, [c]);
  };
  const base = (code: string): Pick<CodeChange, 'code' | 'from' | 'to' | 'source'> => ({ code, from, to, source: 'addenda' });
  if (addenda.order) {
    const byCode = new Map<string, { add?: boolean; del?: boolean; addTitle?: string; delTitle?: string; revFrom?: string; revTo?: string }>();
    for (const e of addenda.order.entries) {
      const s = byCode.get(e.code) ?? {};
      if (e.action === 'add') {
        s.add = e.billable;
        s.addTitle = e.title;
      }
      if (e.action === 'delete') {
        s.del = e.billable;
        s.delTitle = e.title;
      }
      if (e.action === 'revise-from') s.revFrom = e.title;
      if (e.action === 'revise-to') s.revTo = e.title;
      byCode.set(e.code, s);
    }
    for (const [code, s] of byCode) {
      if (s.add !== undefined && s.del !== undefined) {
        if (s.del && !s.add) push({ ...base(code), change: 'became-header' });
        if (!s.del && s.add) push({ ...base(code), change: 'became-billable' });
      } else if (s.add !== undefined) {
        push({ ...base(code), change: 'added', newTitle: s.addTitle! });
      } else if (s.del !== undefined) {
        push({ ...base(code), change: 'deleted', oldTitle: s.delTitle! });
      }
      if (s.revTo !== undefined && s.revFrom !== s.revTo) {
        push({ ...base(code), change: 'title-revised', ...(s.revFrom !== undefined && { oldTitle: s.revFrom }), newTitle: s.revTo });
      }
    }
    return out;
  }
  if (addenda.codes) {
    let from_: string | undefined;
    for (const e of addenda.codes.entries) {
      if (e.action === 'add') push({ ...base(e.code), change: 'added', newTitle: e.title });
      if (e.action === 'delete') push({ ...base(e.code), change: 'deleted', oldTitle: e.title });
      if (e.action === 'revise-from') from_ = e.title;
      if (e.action === 'revise-to') push({ ...base(e.code), change: 'title-revised', ...(from_ !== undefined && { oldTitle: from_ }), newTitle: e.title });
    }
  }
  return out;
}
