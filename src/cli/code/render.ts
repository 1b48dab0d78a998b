import type { NoteKind } from '../../codeset/types.js';
import { NO_COLORS, type Colors } from '../output/colors.js';
import type { CodeInfo, NoteInfo, UnknownCodeInfo } from './describe.js';

const NOTE_LABELS: Record<NoteKind, string> = {
  includes: 'Includes',
  inclusionTerm: 'Inclusion terms',
  excludes1: 'Excludes1 (never together with)',
  excludes2: 'Excludes2 (not included here; may be coded together)',
  codeFirst: 'Code first',
  useAdditionalCode: 'Use additional code',
  codeAlso: 'Code also',
  notes: 'Notes',
};
const NOTE_ORDER = Object.keys(NOTE_LABELS) as NoteKind[];

/** Ranges read better with an en dash, as the Tabular List prints them: Z40–Z53. */
const range = (from: string, to: string) => (from === to ? from : `${from}\u2013${to}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const row = (label: string, value: string, c: Colors) => `  ${c.dim(label.padEnd(10))} ${value}`;

export interface RenderOptions {
  /** List every billable code under the node instead of the first `limit`. */
  all?: boolean;
  limit?: number;
  colors?: Colors;
}

function kindPhrase(info: CodeInfo): string {
  const kind = info.kind === 'category' ? 'category' : info.kind === 'subcategory' ? 'subcategory' : 'code';
  if (info.billable) return `billable ${kind} (valid for HIPAA-covered transactions)`;
  const n = info.billableDescendants.length;
  return `header, not billable: a ${kind} with ${plural(n, 'billable code')} under it; report one of those`;
}

function notesBlock(info: CodeInfo, c: Colors): string[] {
  if (info.notesFromLabel === undefined) return ['Notes: no Tabular List XML is loaded for this release, so no notes are known.'];
  const heading = info.notesBorrowed
    ? `Notes from ${info.notesFromLabel} (no Tabular List of ${info.release.id} is loaded; check the current list for changes)`
    : `Notes from ${info.notesFromLabel}`;
  if (info.notes.length === 0) return [`${heading}: none on ${info.code} or its ancestors.`];
  const out = [`${heading}:`];
  for (const kind of NOTE_ORDER) {
    const notes = info.notes.filter((n) => n.kind === kind);
    if (!notes.length) continue;
    out.push(`  ${c.bold(NOTE_LABELS[kind])}`);
    for (const n of notes) out.push(`    ${n.text}  ${c.dim(origin(n))}`);
  }
  return out;
}

function origin(n: NoteInfo): string {
  const where =
    n.fromKind === 'section' ? `section ${n.from.replace('-', '\u2013')}` : n.fromKind === 'chapter' ? `chapter ${n.from}` : n.from;
  return n.inherited ? `(inherited from ${where})` : `(${where})`;
}

/** The human-readable page for `dxlint code <code>`. */
export function renderCodeInfo(info: CodeInfo, options: RenderOptions = {}): string {
  const c = options.colors ?? NO_COLORS;
  const limit = options.all ? Infinity : options.limit ?? 50;
  const out: string[] = [`${c.bold(info.code)}  ${info.title}`];
  out.push(row('status', info.billable ? c.green(kindPhrase(info)) : c.yellow(kindPhrase(info)), c));
  out.push(row('release', `${info.release.id} · ${info.release.label}`, c));
  if (info.chapter) {
    out.push(row('chapter', `${info.chapter.number} · ${info.chapter.title} (${range(info.chapter.from, info.chapter.to)})`, c));
  }
  if (info.section) out.push(row('section', `${range(info.section.from, info.section.to)} · ${info.section.title}`, c));
  out.push(row('category', `${info.category.code} · ${info.category.title}`, c));
  if (info.parent) out.push(row('parent', `${info.parent.code} · ${info.parent.title}`, c));
  out.push('');
  out.push(...notesBlock(info, c));

  if (info.seventhCharacters) {
    out.push('', `7th characters (defined at ${info.seventhCharacters.from}; fill empty positions with the placeholder X):`);
    if (info.seventhCharacters.note) out.push(`  ${info.seventhCharacters.note}`);
    for (const [ch, meaning] of Object.entries(info.seventhCharacters.chars)) out.push(`  ${ch}  ${meaning}`);
  }

  out.push('');
  const billable = info.billableDescendants;
  const below = info.familySize - 1;
  if (below === 0) {
    out.push(`No codes under ${info.code}.`);
  } else {
    out.push(
      `${plural(info.familySize, 'code')} in ${info.code} (itself and ${below} under it), ${billable.length} of them billable:`,
    );
    for (const b of billable.slice(0, limit)) out.push(`  ${b.code.padEnd(8)} ${b.title}`);
    if (billable.length > limit) out.push(`  … ${billable.length - limit} more (use --all to list them)`);
  }

  out.push('', 'In the loaded releases:');
  for (const v of info.validity) {
    const status = v.status === 'billable' ? c.green('billable') : v.status === 'header' ? c.yellow('header (not billable)') : c.dim('not in this release');
    out.push(`  ${v.release.padEnd(12)} from ${v.effectiveFrom}  ${status}`);
  }
  for (const ch of info.changes) {
    const what =
      ch.change === 'title-revised' ? `title revised (was "${ch.oldTitle ?? '?'}")` : ch.change.replace(/-/g, ' ');
    out.push(`  ${c.dim(`${ch.from} → ${ch.to}:`)} ${what}`);
  }
  return `${out.join('\n')}\n`;
}

/** The page for a code the chosen release does not have. */
export function renderUnknownCode(info: UnknownCodeInfo, options: RenderOptions = {}): string {
  const c = options.colors ?? NO_COLORS;
  const out: string[] = [];
  if (!info.wellFormed) {
    out.push(
      `"${info.query}" is not shaped like an ICD-10-CM code (a letter, a digit, a letter or digit, then up to 4 more, e.g. Z00.129).`,
    );
  } else {
    out.push(`${c.bold(info.code ?? info.query)} is not a code in ${info.release.id} (${info.release.label}).`);
  }
  if (info.deletedOn) out.push(`  It was deleted on ${info.deletedOn}.`);
  if (info.validFrom) out.push(`  It is valid from ${info.validFrom}.`);
  for (const e of info.elsewhere) {
    out.push(`  It is ${e.status === 'billable' ? 'a billable code' : 'a header'} in ${e.release} (from ${e.effectiveFrom}).`);
  }
  if (info.nearest) {
    const what = info.nearest.billable ? 'billable' : `${info.nearest.kind}, header`;
    out.push(`  Nearest existing code: ${info.nearest.code} (${what}) · ${info.nearest.title}. Try: dxlint code ${info.nearest.code}`);
  } else if (info.wellFormed) {
    out.push(`  No category starts like it in ${info.release.id}.`);
  }
  return `${out.join('\n')}\n`;
}
