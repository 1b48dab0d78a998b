import { located, type InputError } from '../types.js';

/**
 * A small X12 tokenizer: finds the separators in the ISA and cuts the text into segments and
 * elements. It does not know the 837; see envelope.ts and claims.ts for the structure.
 *
 * Why not node-x12 (the maintained library the project prefers, and which does read all six
 * real sample files once they are pre-normalised and the separators are passed in): on damaged
 * input it fails in ways an adapter must not. Checked with node-x12 1.7.1:
 * - a last segment without a terminator (a truncated file) is dropped silently, so a claim cut
 *   off in its HI segment would lose its diagnoses without a word;
 * - ST outside a GS, SE without ST, an empty or very short input, and text without a GS throw
 *   TypeErrors ("Cannot read properties of undefined") instead of located errors;
 * - the separators are read only at the fixed ISA positions (a 105-character ISA, as in one
 *   sample, yields a line feed as the "segment terminator"), and carriage returns stay inside
 *   element values when the terminator is a line feed;
 * - an empty segment ("~~") becomes a segment with no tag that repeats the previous element.
 * The tests check that this tokenizer yields the same segments as node-x12 on the real samples.
 */

export interface Delimiters {
  element: string;
  component: string;
  /** ISA11 from version 00402 on; absent when ISA11 is the standards identifier "U". */
  repetition?: string;
  /** "\n" when segments end at line breaks (CR, LF or CRLF). */
  segment: string;
}

export interface Segment {
  tag: string;
  /** elements[0] is the tag, elements[n] is element n (CLM05 is elements[5]). */
  elements: string[];
  /** 1-based position among the file's segments. */
  index: number;
  /** 1-based line of the file where the segment starts. */
  line: number;
  /** The segment holds a line break: a segment terminator is probably missing. */
  lineBreak?: boolean;
  /** The file ends inside this segment (no terminator after it). */
  unterminated?: boolean;
}

export interface Tokens {
  delimiters?: Delimiters;
  segments: Segment[];
  /** The file cannot be read as X12 at all. */
  errors: InputError[];
  /** Readable, but the interchange header is damaged (e.g. a short ISA). */
  warnings: InputError[];
}

/** Positions of the 16 element separators in a fixed-length (106-character) ISA. */
const ISA_SEPARATORS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];
/** Fixed widths of ISA01–ISA16. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
const ISA_LENGTH = 106;

const isSeparatorChar = (c: string | undefined): c is string => c !== undefined && c !== '' && !/[A-Za-z0-9\s]/.test(c);

/** Cuts X12 text into segments. Never throws; a file it cannot read comes back with `errors`. */
export function tokenize(input: string): Tokens {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const start = text.search(/\S/);
  if (start < 0) return { segments: [], errors: [located('', 'the input is empty')], warnings: [] };
  const startLine = 1 + countLineBreaks(text, 0, start);
  if (text.slice(start, start + 3) !== 'ISA') {
    const head = JSON.stringify(text.slice(start, start + 20));
    return {
      segments: [],
      errors: [located(`line ${startLine}`, `not an X12 interchange: it must start with an ISA segment, but starts with ${head}`)],
      warnings: [],
    };
  }
  const header = readIsa(text, start);
  if ('error' in header) return { segments: [], errors: [located('ISA', header.error)], warnings: [] };
  const { delimiters, warning } = header;
  const segments = split(text.slice(start), delimiters, startLine);
  return { delimiters, segments, errors: [], warnings: warning ? [located('ISA', warning)] : [] };
}

function countLineBreaks(text: string, from: number, to: number): number {
  if (text.indexOf('\n', from) < 0 && text.indexOf('\r', from) < 0) return 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Finds the separators. With a 106-character ISA they are read by position (ISA16 at 104, the
 * terminator at 105, the repetition separator in ISA11 at 82); otherwise by splitting on the
 * element separator, which still works when a sender padded an ISA element wrongly.
 */
function readIsa(text: string, start: number): { delimiters: Delimiters; warning?: string } | { error: string } {
  const element = text[start + 3];
  if (!isSeparatorChar(element)) return { error: `the character after "ISA" (${JSON.stringify(element ?? '')}) cannot be an element separator` };

  let component: string | undefined;
  let terminator: string | undefined;
  let isaElements: string[];
  let warning: string | undefined;
  const fixed = ISA_SEPARATORS.every((p) => text[start + p] === element) && text.length >= start + ISA_LENGTH;
  if (fixed) {
    component = text[start + 104];
    terminator = text[start + 105];
    isaElements = text.slice(start + 4, start + 104).split(element);
  } else {
    let seen = 0;
    let i = start;
    for (; i < text.length && seen < 16; i++) if (text[i] === element) seen++;
    if (seen < 16) return { error: `the ISA segment is incomplete: it has ${seen} of its 16 elements` };
    component = text[i];
    terminator = text[i + 1];
    isaElements = text.slice(start + 4, i - 1).split(element);
    const length = i + 2 - start;
    const wrong = isaElements
      .map((value, n) => ({ n: n + 1, value }))
      .filter(({ n, value }) => n <= 15 && value.length !== ISA_WIDTHS[n - 1])
      .map(({ n, value }) => `ISA${String(n).padStart(2, '0')} has ${value.length} characters instead of ${ISA_WIDTHS[n - 1]}`);
    warning =
      `the ISA segment is ${length} characters long, not ${ISA_LENGTH}` +
      (wrong.length ? ` (${wrong.join(', ')})` : '') +
      `; the separators were found by splitting on "${element}". A payer may reject the interchange`;
  }

  if (!isSeparatorChar(component)) return { error: `ISA16 (${JSON.stringify(component ?? '')}) cannot be a component separator` };
  let segment: string;
  if (terminator === '\r' || terminator === '\n') segment = '\n';
  else if (isSeparatorChar(terminator)) segment = terminator;
  else return { error: `the character after ISA16 (${JSON.stringify(terminator ?? '')}) cannot be a segment terminator` };
  if (new Set([element, component, segment]).size < 3) {
    return { error: `the element separator "${element}", component separator "${component}" and segment terminator ${JSON.stringify(segment)} must all differ` };
  }
  const isa11 = isaElements[10];
  const delimiters: Delimiters = { element, component, segment };
  if (isa11 && isa11.length === 1 && isSeparatorChar(isa11) && ![element, component, segment].includes(isa11)) {
    delimiters.repetition = isa11;
  }
  return warning ? { delimiters, warning } : { delimiters };
}

function split(body: string, d: Delimiters, firstLine: number): Segment[] {
  const segments: Segment[] = [];
  const newline = d.segment === '\n';
  const text = newline ? body.replace(/\r\n?/g, '\n') : body;
  const pieces = text.split(d.segment);
  const endsTerminated = newline || text.trimEnd().endsWith(d.segment);
  let line = firstLine;
  let last = -1;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    const raw = piece.trim();
    const breaks = newline ? 0 : countLineBreaks(piece, 0, piece.length);
    const segmentLine = breaks === 0 ? line : line + countLineBreaks(piece, 0, piece.indexOf(raw[0] ?? ''));
    line += breaks + (newline && p < pieces.length - 1 ? 1 : 0);
    if (raw === '') continue;
    if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
      // The common case: one clean segment.
      const elements = raw.split(d.element);
      segments.push({ tag: elements[0]!, elements, index: segments.length + 1, line: segmentLine });
      last = segments.length - 1;
      continue;
    }
    // A line break inside a segment means a terminator is missing. When the text after the break
    // starts like a segment ("LX*"), it is read as one, so one lost "~" costs one claim, not more.
    const parts = raw.split(/\r?\n|\r/);
    let k = 0;
    for (let j = 1; j <= parts.length; j++) {
      const startsSegment = j < parts.length && new RegExp(`^\\s*[A-Z][A-Z0-9]{1,2}${escape(d.element)}`).test(parts[j]!);
      if (j < parts.length && !startsSegment) continue;
      const chunk = parts.slice(k, j).join('\n').trim();
      const elements = chunk.split(d.element);
      const segment: Segment = { tag: elements[0]!, elements, index: segments.length + 1, line: segmentLine + k };
      if (j < parts.length || /\n/.test(chunk)) segment.lineBreak = true;
      segments.push(segment);
      k = j;
    }
    last = segments.length - 1;
  }
  if (!endsTerminated && last >= 0) segments[last]!.unterminated = true;
  return segments;
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
