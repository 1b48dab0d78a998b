import { formatCode, isWellFormedCode, normalizeCode } from '../../code/normalize.js';
import type {
  Chapter,
  CodeChange,
  CodeKind,
  CodeNode,
  CodeSet,
  CodeSetCatalog,
  NoteKind,
  Section,
} from '../../codeset/types.js';

/** A code with its title, as shown in lookups. */
export interface CodeRefInfo {
  code: string;
  title: string;
}

export interface NoteInfo {
  kind: NoteKind;
  text: string;
  /** Where the note is written: a dotted code, a section ("Z40-Z53") or a chapter number ("21"). */
  from: string;
  /** What `from` is. */
  fromKind: 'code' | 'section' | 'chapter';
  /** True when it comes from an ancestor, not from the code itself. */
  inherited: boolean;
}

export interface ReleaseStatus {
  release: string;
  label: string;
  effectiveFrom: string;
  status: 'billable' | 'header' | 'absent';
}

/** Everything `dxlint code` says about a code that exists in the chosen release. */
export interface CodeInfo {
  found: true;
  query: string;
  /** Dotted. */
  code: string;
  title: string;
  billable: boolean;
  kind: CodeKind;
  /** The release the facts come from. */
  release: { id: string; label: string; effectiveFrom: string };
  /** Id of the Tabular List release the chapters, sections and notes come from (e.g. "fy2023-oct"). */
  notesFrom: string | undefined;
  /** The same for people: "the FY2023 Tabular List". */
  notesFromLabel: string | undefined;
  /** True when that Tabular List belongs to another release than the codes. */
  notesBorrowed: boolean;
  chapter: Chapter | undefined;
  section: Section | undefined;
  category: CodeRefInfo;
  parent: CodeRefInfo | undefined;
  /** Own notes first, then inherited ones, nearest ancestor first. */
  notes: NoteInfo[];
  seventhCharacters: { from: string; chars: Record<string, string>; note?: string } | undefined;
  /** The code and every entry under it. */
  familySize: number;
  billableDescendants: CodeRefInfo[];
  /** One row per loaded release, in effective-date order. */
  validity: ReleaseStatus[];
  changes: CodeChange[];
}

/** What `dxlint code` says about a code that the chosen release does not have. */
export interface UnknownCodeInfo {
  found: false;
  query: string;
  /** Dotted form of the query, when it is shaped like a code. */
  code: string | undefined;
  wellFormed: boolean;
  release: { id: string; label: string; effectiveFrom: string };
  /** The longest leading part of the query that exists in the release. */
  nearest: (CodeRefInfo & { kind: CodeKind; billable: boolean }) | undefined;
  /** Other loaded releases that do have it. */
  elsewhere: ReleaseStatus[];
  /** For a code billable in an earlier release: the first day it was no longer valid. */
  deletedOn?: string;
  /** For a code billable only in a later release: the first day it is valid. */
  validFrom?: string;
}

/** "fy2023" → "FY2023": enough to name a Tabular List that is not itself a loaded release. */
export function releaseName(id: string, catalog: CodeSetCatalog): string {
  const loaded = catalog.releases.find((cs) => cs.release.id === id);
  if (loaded) return `FY${loaded.release.fiscalYear}`;
  const year = /(\d{4})/.exec(id);
  return year ? `FY${year[1]}` : id;
}

function statusIn(cs: CodeSet, code: string): ReleaseStatus {
  const node = cs.get(code);
  return {
    release: cs.release.id,
    label: cs.release.label,
    effectiveFrom: cs.release.effectiveFrom,
    status: node === undefined ? 'absent' : node.billable ? 'billable' : 'header',
  };
}

const ref = (node: CodeNode): CodeRefInfo => ({ code: node.dotted, title: node.title });

/**
 * Picks the release for a lookup: the one in force on `date`, else the latest loaded one.
 * Throws with a plain message when the date is before every loaded release.
 */
export function releaseFor(catalog: CodeSetCatalog, date: string | undefined): CodeSet {
  if (catalog.releases.length === 0) throw new Error('no release is loaded');
  if (date === undefined) return catalog.releases[catalog.releases.length - 1]!;
  const cs = catalog.forDate(date);
  if (!cs) {
    const first = catalog.releases[0]!.release;
    throw new Error(`no loaded release is in force on ${date}; the earliest starts on ${first.effectiveFrom} (${first.id})`);
  }
  return cs;
}

/**
 * Gathers what a coder wants to know about a code in one release: title, billable or header,
 * where it sits (chapter, section, category, parent), its notes (own and inherited, with the
 * node each comes from), 7th characters, billable codes under it, and its status in every
 * loaded release. Accepts any input form (dotted or not, any case).
 */
export function describeCode(catalog: CodeSetCatalog, query: string, date?: string): CodeInfo | UnknownCodeInfo {
  const cs = releaseFor(catalog, date);
  const release = { id: cs.release.id, label: cs.release.label, effectiveFrom: cs.release.effectiveFrom };
  const wellFormed = isWellFormedCode(query);
  const code = normalizeCode(query);
  const node = code !== undefined && wellFormed ? cs.get(code) : undefined;

  if (!node) {
    let nearest: UnknownCodeInfo['nearest'];
    if (code !== undefined) {
      for (let n = code.length - 1; n >= 3 && !nearest; n--) {
        const hit = cs.get(code.slice(0, n));
        if (hit) nearest = { ...ref(hit), kind: hit.kind, billable: hit.billable };
      }
    }
    const known = code !== undefined && wellFormed;
    const validity = known ? catalog.validity(code, cs.release.effectiveFrom) : undefined;
    return {
      found: false,
      query,
      code: known ? formatCode(code) : undefined,
      wellFormed,
      release,
      nearest,
      elsewhere: known
        ? catalog.releases.filter((r) => r !== cs).map((r) => statusIn(r, code)).filter((s) => s.status !== 'absent')
        : [],
      ...(validity && !validity.valid && validity.reason === 'deleted' && validity.deletedOn ? { deletedOn: validity.deletedOn } : {}),
      ...(validity && !validity.valid && validity.reason === 'not-yet-valid' && validity.validFrom
        ? { validFrom: validity.validFrom }
        : {}),
    };
  }

  const tabular = cs.provenance.tabular;
  const categoryNode = cs.get(node.category) ?? node;
  const parentNode = node.parent !== undefined ? cs.get(node.parent) : undefined;
  const seventh = cs.seventhCharacters(node.code);
  return {
    found: true,
    query,
    code: node.dotted,
    title: node.title,
    billable: node.billable,
    kind: node.kind,
    release,
    notesFrom: tabular,
    notesFromLabel: tabular === undefined ? undefined : `the ${releaseName(tabular, catalog)} Tabular List`,
    notesBorrowed: cs.provenance.tabularBorrowed,
    chapter: cs.chapter(node.code),
    section: cs.section(node.code),
    category: ref(categoryNode),
    parent: parentNode ? ref(parentNode) : undefined,
    notes: cs.notes(node.code).map((n) => {
      const fromKind = n.scope ?? 'code';
      return {
        kind: n.kind,
        text: n.text,
        from: fromKind === 'code' ? formatCode(n.source) : n.source,
        fromKind,
        inherited: fromKind !== 'code' || n.source !== node.code,
      };
    }),
    seventhCharacters: seventh
      ? { from: formatCode(seventh.source), chars: { ...seventh.chars }, ...(seventh.note ? { note: seventh.note } : {}) }
      : undefined,
    familySize: cs.descendants(node.code).length + 1,
    billableDescendants: cs.billableDescendants(node.code).map(ref),
    validity: catalog.releases.map((r) => statusIn(r, node.code)),
    changes: catalog.changes(node.code),
  };
}
