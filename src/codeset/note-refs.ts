import type { CodeRef } from './types.js';

/**
 * Finds the code references in the text of a Tabular List note.
 *
 * The Tabular writes references many ways; all of these come from real notes:
 * - single codes, dashes and ranges: "(Z00.11-)", "(Z16.-)", "(O00-O9A)", "Z76.1-Z76.2",
 *   "(S00.- to S09.-)", "(F10.- -F19.-)", "(S12.0--S12.3-)", "(I01.0 -I01.9)", en dashes;
 * - lists: "(E08.42, E09.42, E10.42, E11.42, E13.42)", "(J00-J06; J20-J22)",
 *   "(A00-R94 and T80-T88.6, T88.8)", "category T31 or T32";
 * - character conditions on a group: "(E08-E13 with .42)", "(F10, F13, F19 with .26, .96)",
 *   "(T36-T50 with fifth or sixth character 5)", "(S02.- with 7th character B)",
 *   "(I69. with final characters -23)", "(F11-F19 with fifth to sixth characters 51)";
 * - bare codes in running text: "jaw pain R68.84", "classifiable to K56.-", "category O08".
 *
 * Which references say where the named condition is coded (`refs`) and which do not
 * (`mentions`):
 * - in parentheses → `refs`;
 * - in running text → `refs`, unless the note also has references in parentheses: then the
 *   running text describes ("any condition in I51.4-I51.9 due to hypertension (I11.-)") and
 *   they are `mentions`; also the scope of a "For codes G31.0-G31.83, …, use additional code"
 *   note is a mention;
 * - a group followed by "with" and words that are not a character condition
 *   ("E08-E10, E11, E13 with ketoacidosis", "(S52.- with open fracture 7th character)") →
 *   `mentions`, with the words in `qualifier`: no code test can check them, and guessing
 *   would make false findings.
 *
 * A three-character code in running text counts only after a word that introduces a code
 * ("category", "in", "from", "to", "under", …) or in a list that such a word starts, so that
 * "vitamin B12" and "LGMD R12" are not taken for categories B12 and R12. After "except" it
 * is a mention with the qualifier "except" ("Conditions in S00-T88, except T74 and T76").
 */
export interface NoteRefs {
  refs: CodeRef[];
  mentions: CodeRef[];
}

/** A code as written: three characters, optionally a dot and up to four more. */
const CODE = /(?<![0-9A-Za-z.])([A-Z](?:\d[0-9A-Z]|[A-Z]\d))(?:\.([0-9A-Z]{1,4}))?(?![0-9A-Za-z])/g;
/** Text between two codes that makes them a range ("-", " - ", "--", ".-", ".- -", " to "). */
const RANGE_SEP = /^\.?[-\u2013]?\s*(?:[-\u2013]|to)\s*$/;
/** Text between two references of one list: ", ", "; ", " and ", ", and ", " or ". */
const LIST_SEP = /^\s*(?:[,;]\s*)?(?:(?:and|or)\s+)?$/;
/** "except" before a bare category: the codes after it are exceptions (mentions). */
const EXCEPT = /\bexcept\s*$/i;
/** Words after which a bare three-character code in running text is a code. */
const CUE = /\b(?:categor(?:y|ies)|subcategor(?:y|ies)|codes?|code\(s\)|in|from|to|under|see|as)\s*$/i;

const ORDINAL: Record<string, number> = {
  fifth: 5, '5th': 5, sixth: 6, six: 6, '6th': 6, seventh: 7, '7th': 7,
};

interface Found {
  ref: CodeRef;
  start: number;
  end: number;
  inParens: boolean;
}

export function extractNoteRefs(text: string): NoteRefs {
  const parens = parenDepths(text);
  const codes = [...text.matchAll(CODE)].map((m) => ({
    base: m[1]! + (m[2] ?? ''),
    start: m.index,
    end: m.index + m[0].length,
  }));

  const found: Found[] = [];
  /** The references of the current list ("F10, F13, F19"), which a "with …" qualifies together. */
  let group: Found[] = [];

  for (let i = 0; i < codes.length; i++) {
    const a = codes[i]!;
    const b = codes[i + 1];
    const inParens = parens[a.start]! > 0;
    const items: Found[] = [];
    if (b && RANGE_SEP.test(text.slice(a.end, b.start))) {
      i++;
      const bEnd = b.end + mark(text, b.end).length;
      if (bEnd > b.end && looksLikeMissingComma(a.base, b.base)) {
        // "(I69.01-I69.11-, …)": two subcategories with a comma missing, not a range (the
        // same note elsewhere reads "(I69.01-, I69.11-, …)").
        items.push({ ref: { kind: 'prefix', from: a.base, text: text.slice(a.start, a.end + 1) }, start: a.start, end: a.end + 1, inParens });
        items.push({ ref: { kind: 'prefix', from: b.base, text: text.slice(b.start, bEnd) }, start: b.start, end: bEnd, inParens });
      } else {
        const written = text.slice(a.start, bEnd);
        items.push({ ref: { kind: 'range', from: a.base, to: b.base, text: written }, start: a.start, end: bEnd, inParens });
      }
    } else {
      const m = mark(text, a.end);
      const ref: CodeRef = { kind: m ? 'prefix' : 'code', from: a.base, text: text.slice(a.start, a.end + m.length) };
      items.push({ ref, start: a.start, end: a.end + m.length, inParens });
    }

    const last = group.at(-1);
    if (!last || !LIST_SEP.test(text.slice(last.end, a.start))) group = [];
    // A bare category in running text needs a cue word, or a list that one started.
    const only = items[0]!;
    if (items.length === 1 && only.ref.kind === 'code' && only.ref.from.length === 3 && !inParens) {
      if (group.length === 0 && EXCEPT.test(text.slice(0, a.start))) {
        // "Conditions in S00-T88, except T74 and T76": an exception, not a reference to test.
        only.ref = { ...only.ref, qualifier: 'except' };
        found.push(only);
        group = [only];
        continue;
      }
      if (group.length === 0 && !CUE.test(text.slice(0, a.start))) continue;
      if (group[0]?.ref.qualifier === 'except') only.ref = { ...only.ref, qualifier: 'except' };
    }
    found.push(...items);
    group.push(...items);

    // A "with …" right after the list qualifies every reference of it.
    const end = group.at(-1)!.end;
    const after = /^\s*,?\s*with\b\s*([^);]*)/.exec(text.slice(end));
    if (after) {
      qualify(group, after[1]!.trim().replace(/[.,:]+$/, ''));
      group = [];
    }
  }

  // Sort refs and mentions; see the header comment for the rules.
  const refs: CodeRef[] = [];
  const mentions: CodeRef[] = [];
  const hasParenRefs = found.some((f) => f.inParens && !f.ref.qualifier);
  const scopeEnd = /^\s*for codes?\b/i.test(text) ? text.search(/\buse\b/i) : -1;
  for (const f of found) {
    if (f.ref.qualifier) mentions.push(f.ref);
    else if (!f.inParens && (hasParenRefs || f.start < scopeEnd)) mentions.push(f.ref);
    else refs.push(f.ref);
  }
  return { refs: dedupe(refs), mentions: dedupe(mentions) };
}

/** The dash (or bare dot) written right after a code: "-", ".-", "–", or "." before " with". */
function mark(text: string, at: number): string {
  const m = /^\.?[-\u2013]/.exec(text.slice(at, at + 2));
  if (m) return m[0];
  if (text[at] === '.' && /^\.\s*with\b/.test(text.slice(at, at + 8))) return '.';
  return '';
}

/**
 * "I69.01-I69.11-": both ends dashed, same length, same last character and a difference
 * before it. A real range of dashed subcategories varies in its last character
 * ("I25.70-I25.73-", "S12.0--S12.3-").
 */
function looksLikeMissingComma(a: string, b: string): boolean {
  return a.length === b.length && a.length > 3 && a.at(-1) === b.at(-1) && a !== b;
}

/** Turns "with …" into a character condition, or marks the group as qualified by words. */
function qualify(group: Found[], words: string): void {
  const where = parseCondition(words, group[0]!.ref.from.length);
  for (const g of group) {
    const text = `${g.ref.text} with ${words}`;
    g.ref = where ? { ...g.ref, where, text } : { ...g.ref, qualifier: `with ${words}`, text };
  }
}

/**
 * Character conditions we can test:
 * - ".42", ".51-.52", ".17, .27, .97", ".62-" → the characters after the category (position 4);
 * - "fifth character 2", "5th character .6", "fifth or sixth character 1-4 or 6",
 *   "7th character B or C" → one character at the named position(s);
 * - "fifth to sixth characters 51" → two characters from the first named position;
 * - "final characters -23" (after "I69.") → the last two characters of a six-character code.
 * "fifth or sixth character 5" is read literally: either position.
 */
export function parseCondition(words: string, baseLength: number): CodeRef['where'] | undefined {
  const w = words.replace(/\s+/g, ' ').trim();
  if (w.startsWith('.')) {
    const values: string[] = [];
    const rest = w.replace(/\.([0-9A-Z]+)(?:\s*-\s*\.([0-9A-Z]+))?-?/g, (_, from: string, to?: string) => {
      values.push(...expand(from, to));
      return '';
    });
    if (values.length === 0 || !/^[\s,.]*(?:and\s*)?[\s,.]*$/.test(rest.replace(/\band\b/g, ''))) return undefined;
    return { positions: [4], values };
  }
  const finalChars = /^final characters -([0-9A-Z]+)$/.exec(w);
  if (finalChars) return { positions: [baseLength + 2], values: [finalChars[1]!] };

  const ord = /^(fifth|sixth|seventh|5th|6th|7th)(?: (or|to) (fifth|sixth|six|seventh|5th|6th|7th))?[ -]characters? (.+)$/i.exec(w);
  if (!ord) return undefined;
  const p1 = ORDINAL[ord[1]!.toLowerCase()]!;
  const p2 = ord[3] ? ORDINAL[ord[3].toLowerCase()]! : undefined;
  const valueText = ord[4]!.trim();
  if (ord[2] === 'to') {
    if (!/^[0-9A-Z]+$/.test(valueText) || valueText.length !== p2! - p1 + 1) return undefined;
    return { positions: [p1], values: [valueText] };
  }
  const values: string[] = [];
  for (const part of valueText.split(/\s*(?:,|\bor\b|\band\b)\s*/)) {
    const m = /^\.?([0-9A-Z])(?:\s*-\s*([0-9A-Z]))?$/.exec(part.trim());
    if (!m) return undefined;
    values.push(...expand(m[1]!, m[2]));
  }
  return { positions: p2 ? [p1, p2] : [p1], values };
}

/** "1"-"4" → 1, 2, 3, 4; "51"-"52" → 51, 52; a single value stays itself. */
function expand(from: string, to: string | undefined): string[] {
  if (!to) return [from];
  if (!/^\d+$/.test(from) || !/^\d+$/.test(to) || from.length !== to.length || Number(to) < Number(from)) {
    return [from, to];
  }
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, '0'));
  return out;
}

/** Parenthesis depth at each position; an unclosed "(" runs to the end ("(Z89.52-"). */
function parenDepths(text: string): Uint8Array {
  const depth = new Uint8Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') d++;
    depth[i] = d;
    if (c === ')' && d > 0) d--;
  }
  return depth;
}

function dedupe(refs: CodeRef[]): CodeRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = JSON.stringify([r.kind, r.from, r.to, r.where, r.qualifier]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
