import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from './errors.js';
import { decodeText, MAX_BAD_LINES } from './text-file.js';
import type { LoadDiagnostic, NoteKind } from './types.js';

/** One instructional note as written in the Tabular List. */
export interface TabularNote {
  kind: NoteKind;
  text: string;
}

export interface TabularChapter {
  number: number;
  /** The chapter title without its range: "Certain infectious and parasitic diseases". */
  title: string;
  /** First and last category, e.g. A00 and B99. */
  from: string;
  to: string;
  notes: TabularNote[];
}

export interface TabularSection {
  /** As in the XML: "A00-A09", "C50". */
  id: string;
  title: string;
  from: string;
  to: string;
  /** Index into `chapters`. */
  chapter: number;
  notes: TabularNote[];
}

export interface TabularDiag {
  /** Undotted code. */
  code: string;
  desc: string;
  /** Index of the parent diag; -1 for a category. */
  parent: number;
  /** Index of the section the category sits in. */
  section: number;
  /** Has child diags. */
  hasChildren: boolean;
  notes: TabularNote[];
  /** Seventh characters defined here (`sevenChrDef`) and the `sevenChrNote` beside them. */
  seventh?: { chars: Record<string, string>; note?: string };
  /** `placeholder="true"` in the XML (a code with an X placeholder, e.g. H21.1X). */
  placeholder?: boolean;
}

/** A Tabular List XML file: chapters, sections and every `<diag>` in document order. */
export interface TabularFile {
  file: string;
  /** `<version>`, e.g. "2023". */
  version: string | undefined;
  chapters: TabularChapter[];
  sections: TabularSection[];
  diags: TabularDiag[];
  diagnostics: LoadDiagnostic[];
}

/** The note kinds of a `<diag>`, `<section>` or `<chapter>`, each holding `<note>`s. */
const NOTE_KINDS: readonly NoteKind[] = [
  'includes', 'inclusionTerm', 'excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso', 'notes',
];
const KNOWN_DIAG_CHILDREN = new Set<string>(['name', 'desc', 'diag', 'sevenChrNote', 'sevenChrDef', 'visualImpairment', ...NOTE_KINDS]);
const ALWAYS_ARRAY = new Set<string>(['chapter', 'section', 'diag', 'note', 'extension', 'sectionRef', ...NOTE_KINDS]);
/** The Tabular nests about ten levels; anything far deeper is not a Tabular List. */
const MAX_DEPTH = 40;

const DOTTED_CODE = /^[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,4})?$/;
const RANGE_AT_END = /\s*\(([A-Z][0-9A-Z]{2})(?:-([A-Z][0-9A-Z]{2}))?\)\s*$/;

type XmlObject = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // No entity expansion at all (a Tabular List needs none): the five XML escapes and numeric
  // references are decoded by hand below. A DOCTYPE is refused before parsing.
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_DEPTH,
  captureMetaData: true,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});
/** Where fast-xml-parser keeps each element's start offset (its types say `Symbol`). */
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Refuses XML that is not well-formed. The parser itself is lenient: it accepts a closing tag
 * that does not match the open one, and a file cut off in the middle, and would load whatever
 * it made of them. Costs a few hundred ms on the 9.5 MB official file, on the cold parse only.
 */
function checkWellFormed(text: string, file: string): void {
  const result = XMLValidator.validate(text);
  if (result === true) return;
  const { msg, line } = result.err;
  // Unclosed elements at the end come as "Invalid '["ICD10CM.tabular","chapter",…]' found.".
  const open = /^Invalid '(\[[\s\S]*\])' found\.?$/.exec(msg);
  let names: unknown;
  try {
    names = open ? JSON.parse(open[1]!) : undefined;
  } catch {
    names = undefined;
  }
  if (Array.isArray(names)) {
    throw new FormatError(
      `${file}: the file ends before these elements are closed: ${names.map((n) => `<${String(n)}>`).join(' > ')}; it is truncated (an interrupted download?)`,
      file,
    );
  }
  throw new FormatError(`${file}: not well-formed XML at line ${line}: ${msg}`, file, line);
}

/**
 * Parses a Tabular List XML (`icd10cm_tabular_<year>.xml`). A malformed `<diag>` (no code, a
 * code that does not extend its parent's, no title, a repeated code) is skipped with its
 * subtree and reported with file and line; more than a handful and the file is refused.
 */
export function parseTabularXml(text: string, file = 'tabular XML'): TabularFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new FormatError(`${file}: DOCTYPE and ENTITY declarations are not allowed in a Tabular List XML (refused for safety)`, file);
  }
  const lines = lineStarts(text);
  const lineOf = (node: unknown): number | undefined => {
    const at = (node as Record<symbol, { startIndex?: number } | undefined> | undefined)?.[META]?.startIndex;
    return at === undefined ? undefined : lineAt(lines, at);
  };

  checkWellFormed(text, file);
  let doc: XmlObject;
  try {
    doc = parser.parse(text) as XmlObject;
  } catch (err) {
    const message = (err as Error).message;
    const line = /line[: ]+(\d+)/i.exec(message)?.[1];
    throw new FormatError(`${file}: not a readable XML file (${message})`, file, line ? Number(line) : undefined, { cause: err });
  }
  const root = doc['ICD10CM.tabular'] as XmlObject | undefined;
  if (!root || typeof root !== 'object') {
    throw new FormatError(`${file}: no <ICD10CM.tabular> root element; is this the Tabular List XML?`, file);
  }

  const problems: { line: number | undefined; message: string }[] = [];
  const unknownChildren = new Map<string, number>();
  const chapters: TabularChapter[] = [];
  const sections: TabularSection[] = [];
  const diags: TabularDiag[] = [];
  const seen = new Map<string, number | undefined>();

  const readDiag = (node: XmlObject, parent: number, section: number): void => {
    const name = textOf(node['name']);
    const desc = textOf(node['desc']);
    const line = lineOf(node);
    const parentCode = parent >= 0 ? diags[parent]!.code : undefined;
    if (!name || !DOTTED_CODE.test(name)) {
      problems.push({ line, message: `<diag> with ${name ? `name "${name}", not a dotted ICD-10-CM code` : 'no <name>'}; it was skipped` });
      return;
    }
    const code = name.replace('.', '');
    if (parentCode === undefined && code.length !== 3) {
      problems.push({ line, message: `category ${name} is not three characters; it was skipped` });
      return;
    }
    if (parentCode !== undefined && !(code.startsWith(parentCode) && code.length > parentCode.length)) {
      // FY2023 has H54.512A nested under H54.511 (H54.512 is missing): keep the code under the
      // nearest ancestor it extends, and say so.
      let up = diags[parent]!.parent;
      while (up >= 0 && !code.startsWith(diags[up]!.code)) up = diags[up]!.parent;
      problems.push({
        line,
        message: `${name} is nested under ${formatDotted(parentCode)} but does not extend it` +
          (up >= 0 ? `; it was placed under ${formatDotted(diags[up]!.code)}` : '; it was skipped'),
      });
      if (up < 0) return;
      parent = up;
    }
    if (!desc) {
      problems.push({ line, message: `${name} has no <desc>; it was skipped` });
      return;
    }
    if (seen.has(code)) {
      problems.push({ line, message: `${name} is listed again (first on line ${seen.get(code) ?? '?'}); it was skipped` });
      return;
    }
    seen.set(code, line);
    for (const key of Object.keys(node)) {
      if (!key.startsWith('@_') && !KNOWN_DIAG_CHILDREN.has(key)) unknownChildren.set(key, (unknownChildren.get(key) ?? 0) + 1);
    }
    const children = (node['diag'] as XmlObject[] | undefined) ?? [];
    const me: TabularDiag = { code, desc, parent, section, hasChildren: children.length > 0, notes: notesOf(node) };
    const seventh = seventhOf(node, name, line, problems);
    if (seventh) me.seventh = seventh;
    if (node['@_placeholder'] === 'true') me.placeholder = true;
    const index = diags.push(me) - 1;
    for (const child of children) readDiag(child, index, section);
  };

  for (const ch of asArray(root['chapter'])) {
    const number = Number(textOf(ch['name']));
    const desc = textOf(ch['desc']) ?? '';
    if (!Number.isInteger(number)) problems.push({ line: lineOf(ch), message: `<chapter> without a chapter number` });
    const chapterIndex = chapters.length;
    const range = RANGE_AT_END.exec(desc);
    const chapter: TabularChapter = {
      number,
      title: desc.replace(RANGE_AT_END, ''),
      from: range?.[1] ?? '',
      to: range?.[2] ?? range?.[1] ?? '',
      notes: notesOf(ch),
    };
    chapters.push(chapter);
    for (const se of asArray(ch['section'])) {
      const id = (se['@_id'] as string | undefined) ?? '';
      const [from, to] = id.split('-');
      if (!from || !/^[A-Z][0-9A-Z]{2}$/.test(from) || (to !== undefined && !/^[A-Z][0-9A-Z]{2}$/.test(to))) {
        problems.push({ line: lineOf(se), message: `<section> id "${id}" is not a category or a range of categories` });
        continue;
      }
      const sectionIndex = sections.length;
      sections.push({
        id,
        title: (textOf(se['desc']) ?? '').replace(RANGE_AT_END, ''),
        from,
        to: to ?? from,
        chapter: chapterIndex,
        notes: notesOf(se),
      });
      for (const d of asArray(se['diag'])) readDiag(d, -1, sectionIndex);
    }
    // A chapter whose title has no range takes it from its sections.
    if (!chapter.from) {
      const own = sections.filter((s) => s.chapter === chapterIndex);
      chapter.from = own.map((s) => s.from).sort()[0] ?? '';
      chapter.to = own.map((s) => s.to).sort().at(-1) ?? '';
    }
  }

  const total = diags.length + problems.length;
  if (problems.length > MAX_BAD_LINES || (problems.length > 0 && problems.length * 2 >= total)) {
    const shown = problems.slice(0, 3).map((p) => `line ${p.line ?? '?'}: ${p.message}`).join('; ');
    throw new FormatError(
      `${file}: ${problems.length} malformed elements (${shown}). Is this the official Tabular List XML, unmodified?`,
      file,
      problems[0]!.line,
    );
  }
  if (diags.length === 0) throw new FormatError(`${file}: no <diag> elements; is this the Tabular List XML?`, file);

  const diagnostics: LoadDiagnostic[] = problems.map((p) => ({
    level: 'warning',
    kind: 'malformed-element',
    message: `${file} line ${p.line ?? '?'}: ${p.message}`,
    file,
    ...(p.line !== undefined && { line: p.line }),
  }));
  for (const [tag, count] of unknownChildren) {
    diagnostics.push({ level: 'info', kind: 'unknown-element', message: `${file}: ${count} <${tag}> element(s) under <diag> were ignored`, file, count });
  }
  return { file, version: textOf(root['version']), chapters, sections, diags, diagnostics };
}

/** Reads and parses a Tabular List XML from disk. */
export function readTabularFile(path: string): TabularFile {
  return parseTabularXml(decodeText(readFileSync(path)), basename(path));
}

function notesOf(node: XmlObject): TabularNote[] {
  const out: TabularNote[] = [];
  for (const kind of NOTE_KINDS) {
    for (const group of asArray(node[kind])) {
      for (const n of asArray(group['note'] as unknown)) {
        const text = textOf(n);
        if (text) out.push({ kind, text });
      }
    }
  }
  return out;
}

function seventhOf(
  node: XmlObject,
  name: string,
  line: number | undefined,
  problems: { line: number | undefined; message: string }[],
): TabularDiag['seventh'] {
  const def = node['sevenChrDef'];
  if (def === undefined) return undefined;
  const chars: Record<string, string> = {};
  for (const ext of asArray((def as XmlObject)['extension'] as unknown)) {
    const ch = ext['@_char'];
    const meaning = textOf(ext);
    if (typeof ch !== 'string' || !/^[0-9A-Z]$/.test(ch) || !meaning) {
      problems.push({ line, message: `${name}: a sevenChrDef <extension> without a one-character "char" or a meaning` });
      continue;
    }
    chars[ch] = meaning;
  }
  const note = asArray((node['sevenChrNote'] as XmlObject | undefined)?.['note'] as unknown)
    .map(textOf)
    .filter(Boolean)
    .join(' ');
  return note ? { chars, note } : { chars };
}

/** Text content of an element (a string, or an object with `#text`), XML escapes decoded. */
function textOf(value: unknown): string | undefined {
  let raw: unknown = value;
  if (Array.isArray(raw)) raw = raw[0];
  if (raw !== null && typeof raw === 'object') raw = (raw as XmlObject)['#text'];
  if (typeof raw !== 'string') return undefined;
  const text = decodeEntities(raw).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined XML escapes and numeric character references; nothing else. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name]!;
    const cp = dec ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

function formatDotted(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function asArray(value: unknown): XmlObject[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlObject[];
}

function lineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

/** 1-based line of a character offset. */
function lineAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
