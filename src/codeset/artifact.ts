import type { TabularDiag, TabularFile } from './read-tabular.js';
import { BlobTitles, ReleaseData } from './release-data.js';
import type { LoadDiagnostic, NoteKind } from './types.js';

/**
 * The compiled form of a release: one binary file holding the release's parallel arrays, so
 * loading it is a few typed-array views and two string decodes instead of 98k objects through
 * JSON.parse.
 *
 * Layout: "DXLC" | u32 format version | u32 header length | header JSON | sections, each
 * 8-byte aligned. The header names the sections (offset, byte length) and carries the
 * counts, the diagnostics and the file names they mention.
 */

/** Bump when the layout or the meaning of any field changes: old cache entries are ignored. */
export const ARTIFACT_VERSION = 3;
const MAGIC = 0x434c5844; // "DXLC" little-endian

/** File names at compile time, so messages can be renamed for byte-identical copies. */
export interface SourceNames {
  order?: string;
  codes?: string;
  tabular?: string;
}

export interface ReleaseArtifact {
  data: ReleaseData;
  diagnostics: LoadDiagnostic[];
  names: SourceNames;
}

interface Header {
  version: number;
  size: number;
  names: SourceNames;
  diagnostics: LoadDiagnostic[];
  sections: Record<SectionName, { offset: number; length: number }>;
}

type SectionName = 'codes' | 'billable' | 'orders' | 'parent' | 'titles' | 'titleOffsets' | 'shortTitles' | 'shortOffsets';

/** Encodes release data (and what was noticed while compiling it) into one buffer. */
export function encodeRelease(data: ReleaseData, diagnostics: LoadDiagnostic[], names: SourceNames): Buffer {
  const n = data.size;
  const titles = joinTitles(n, (i) => data.titles.get(i));
  const shorts = joinTitles(n, (i) => data.shortTitles.get(i));
  const parts: [SectionName, Uint8Array][] = [
    ['codes', Buffer.from(data.codes.join('\n'), 'latin1')],
    ['billable', data.billable],
    ['orders', bytesOf(data.orders)],
    ['parent', bytesOf(data.parent)],
    ['titles', Buffer.from(titles.blob, 'utf8')],
    ['titleOffsets', bytesOf(titles.offsets)],
    ['shortTitles', Buffer.from(shorts.blob, 'utf8')],
    ['shortOffsets', bytesOf(shorts.offsets)],
  ];
  const sections = {} as Header['sections'];
  let offset = 0;
  for (const [name, bytes] of parts) {
    sections[name] = { offset, length: bytes.byteLength };
    offset = align(offset + bytes.byteLength);
  }
  const header: Header = { version: ARTIFACT_VERSION, size: n, names, diagnostics, sections };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(12 + headerBytes.byteLength);
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(ARTIFACT_VERSION, 4);
  out.writeUInt32LE(headerBytes.byteLength, 8);
  headerBytes.copy(out, 12);
  for (const [name, bytes] of parts) out.set(bytes, start + sections[name].offset);
  return out;
}

/**
 * Decodes a release artifact; undefined when the bytes are not a complete artifact of this
 * format version (then the caller compiles again).
 */
export function decodeRelease(buf: Buffer): ReleaseArtifact | undefined {
  if (buf.byteLength < 12 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== ARTIFACT_VERSION) return undefined;
  const headerLength = buf.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as Header;
  } catch {
    return undefined;
  }
  const start = align(12 + headerLength);
  const { size: n, sections } = header;
  const end = Math.max(...Object.values(sections).map((s) => s.offset + s.length));
  if (buf.byteLength < start + end) return undefined;
  // Typed arrays need aligned offsets: copy the buffer when Node handed us an unaligned slice.
  const base = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const view = <T>(name: SectionName, Ctor: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T =>
    new Ctor(base.buffer, base.byteOffset + start + sections[name].offset, sections[name].length / Ctor.BYTES_PER_ELEMENT);
  const str = (name: SectionName, enc: BufferEncoding): string =>
    base.toString(enc, start + sections[name].offset, start + sections[name].offset + sections[name].length);

  const codes = n === 0 ? [] : str('codes', 'latin1').split('\n');
  if (codes.length !== n) return undefined;
  const data = new ReleaseData(
    {
      codes,
      // Copies: the views would otherwise keep the whole file buffer alive.
      billable: view('billable', Uint8Array).slice(),
      orders: view('orders', Uint32Array).slice(),
      titles: new BlobTitles(str('titles', 'utf8'), view('titleOffsets', Uint32Array).slice()),
      shortTitles: new BlobTitles(str('shortTitles', 'utf8'), view('shortOffsets', Uint32Array).slice()),
    },
    view('parent', Int32Array).slice(),
  );
  return { data, diagnostics: header.diagnostics, names: header.names };
}

/** All titles in one string, with char offsets (n + 1 of them). */
function joinTitles(n: number, get: (i: number) => string): { blob: string; offsets: Uint32Array } {
  const offsets = new Uint32Array(n + 1);
  const parts: string[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const t = get(i);
    parts[i] = t;
    offsets[i] = at;
    at += t.length;
  }
  offsets[n] = at;
  return { blob: parts.join(''), offsets };
}

function bytesOf(a: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function align(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Diagnostics compiled under other file names (a byte-identical copy, e.g. the FY2025 April
 * files) are reworded with the names of the files actually loaded.
 */
export function renameDiagnostics(diagnostics: LoadDiagnostic[], from: SourceNames, to: SourceNames): LoadDiagnostic[] {
  const pairs = (Object.keys(to) as (keyof SourceNames)[])
    .filter((k) => from[k] && to[k] && from[k] !== to[k])
    .map((k) => [from[k]!, to[k]!] as const);
  if (pairs.length === 0) return diagnostics;
  const swap = (s: string): string => pairs.reduce((acc, [a, b]) => acc.split(a).join(b), s);
  return diagnostics.map((d) => ({ ...d, message: swap(d.message), ...(d.file && { file: swap(d.file) }) }));
}

/**
 * The compiled form of a Tabular List: the same content as `TabularFile`, columnar (codes,
 * descriptions and notes as parallel arrays) so that JSON.parse has far fewer objects to build.
 */
interface TabularColumns {
  version: number;
  file: string;
  xmlVersion: string | null;
  diagnostics: LoadDiagnostic[];
  chapters: TabularFile['chapters'];
  sections: TabularFile['sections'];
  codes: string;
  descs: string[];
  parents: number[];
  sectionOf: number[];
  /** Per diag: 1 = has children, 2 = placeholder. */
  flags: number[];
  /** Notes, grouped by diag in document order: diag index, kind index, text. */
  noteDiag: number[];
  noteKind: number[];
  noteText: string[];
  seventh: [number, Record<string, string>, string | null][];
}

const KINDS: readonly NoteKind[] = [
  'includes', 'inclusionTerm', 'excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso', 'notes',
];

export function encodeTabular(file: TabularFile): string {
  const cols: TabularColumns = {
    version: ARTIFACT_VERSION,
    file: file.file,
    xmlVersion: file.version ?? null,
    diagnostics: file.diagnostics,
    chapters: file.chapters,
    sections: file.sections,
    codes: file.diags.map((d) => d.code).join('\n'),
    descs: file.diags.map((d) => d.desc),
    parents: file.diags.map((d) => d.parent),
    sectionOf: file.diags.map((d) => d.section),
    flags: file.diags.map((d) => (d.hasChildren ? 1 : 0) | (d.placeholder ? 2 : 0)),
    noteDiag: [],
    noteKind: [],
    noteText: [],
    seventh: [],
  };
  file.diags.forEach((d, i) => {
    for (const n of d.notes) {
      cols.noteDiag.push(i);
      cols.noteKind.push(KINDS.indexOf(n.kind));
      cols.noteText.push(n.text);
    }
    if (d.seventh) cols.seventh.push([i, d.seventh.chars, d.seventh.note ?? null]);
  });
  return JSON.stringify(cols);
}

/** Decodes a compiled Tabular List; undefined when it is not one of this format version. */
export function decodeTabular(json: string): TabularFile | undefined {
  let cols: TabularColumns;
  try {
    cols = JSON.parse(json) as TabularColumns;
  } catch {
    return undefined;
  }
  if (cols.version !== ARTIFACT_VERSION) return undefined;
  const codes = cols.codes.split('\n');
  const diags: TabularDiag[] = codes.map((code, i) => {
    const d: TabularDiag = {
      code,
      desc: cols.descs[i]!,
      parent: cols.parents[i]!,
      section: cols.sectionOf[i]!,
      hasChildren: (cols.flags[i]! & 1) === 1,
      notes: [],
    };
    if (cols.flags[i]! & 2) d.placeholder = true;
    return d;
  });
  for (let k = 0; k < cols.noteDiag.length; k++) {
    diags[cols.noteDiag[k]!]!.notes.push({ kind: KINDS[cols.noteKind[k]!]!, text: cols.noteText[k]! });
  }
  for (const [i, chars, note] of cols.seventh) diags[i]!.seventh = note === null ? { chars } : { chars, note };
  return {
    file: cols.file,
    version: cols.xmlVersion ?? undefined,
    chapters: cols.chapters,
    sections: cols.sections,
    diags,
    diagnostics: cols.diagnostics,
  };
}
