import type { TabularLookup } from './code-set.js';
import { extractNoteRefs } from './note-refs.js';
import type { TabularFile, TabularNote } from './read-tabular.js';
import type { Chapter, Note, NoteKind, Section, SeventhCharacters } from './types.js';

/**
 * Answers for codes from a Tabular List: chapter, section, the notes in force (own and
 * inherited) and the seventh characters in force.
 *
 * A code the Tabular does not list (a 7th-character code such as S52.521A, or a code added
 * after the Tabular's year when the Tabular is borrowed) is answered by its nearest listed
 * ancestor: the longest prefix that the Tabular lists. Notes are built (and their code
 * references extracted) the first time they are asked for, then kept.
 */
export class TabularIndex implements TabularLookup {
  private readonly byCode: Map<string, number>;
  /** How many listed categories each section spans (orders nested sections, narrowest first). */
  private readonly widths: number[];
  /** For each section, the sections that contain it (itself first, then wider ones). */
  private readonly sectionChains: number[][];
  private readonly chainCache = new Map<number, readonly Note[]>();
  private readonly sectionNotes: (readonly Note[] | undefined)[];
  private readonly chapterNotes: (readonly Note[] | undefined)[];
  private readonly diagNotes: (readonly Note[] | undefined)[];

  constructor(
    readonly file: TabularFile,
    /** Release id of the Tabular List, e.g. 'fy2023-oct'. */
    readonly releaseId: string,
  ) {
    this.byCode = new Map(file.diags.map((d, i) => [d.code, i]));
    const categories = file.diags.filter((d) => d.parent === -1).map((d) => d.code);
    this.widths = file.sections.map((s) => categories.filter((c) => s.from <= c && c <= s.to).length);
    this.sectionChains = file.sections.map((s, i) => this.containingSections(s.from, s.to, s.chapter, i));
    this.sectionNotes = new Array(file.sections.length);
    this.chapterNotes = new Array(file.chapters.length);
    this.diagNotes = new Array(file.diags.length);
  }

  /** True when the Tabular lists the code itself. */
  lists(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Index of the nearest listed diag: the code or its longest listed prefix. */
  private nearest(code: string): number | undefined {
    for (let len = code.length; len >= 3; len--) {
      const i = this.byCode.get(code.slice(0, len));
      if (i !== undefined) return i;
    }
    return undefined;
  }

  /** Section index for a code: the section of its category, else by range. */
  private sectionIndex(code: string): number | undefined {
    const d = this.nearest(code);
    if (d !== undefined) return this.file.diags[d]!.section;
    const category = code.slice(0, 3);
    let best: number | undefined;
    this.file.sections.forEach((s, i) => {
      if (s.from <= category && category <= s.to) {
        if (best === undefined || this.width(i) < this.width(best)) best = i;
      }
    });
    return best;
  }

  private width(section: number): number {
    return this.widths[section]!;
  }

  private containingSections(from: string, to: string, chapter: number, self: number): number[] {
    const out = this.file.sections
      .map((s, i) => ({ s, i }))
      .filter(({ s, i }) => i !== self && s.chapter === chapter && s.from <= from && to <= s.to)
      .map(({ i }) => i);
    out.sort((a, b) => this.width(a) - this.width(b));
    return [self, ...out];
  }

  private chapterIndex(code: string): number | undefined {
    const s = this.sectionIndex(code);
    if (s !== undefined) return this.file.sections[s]!.chapter;
    const category = code.slice(0, 3);
    const i = this.file.chapters.findIndex((c) => c.from <= category && category <= c.to);
    return i >= 0 ? i : undefined;
  }

  chapter(code: string): Chapter | undefined {
    const i = this.chapterIndex(code);
    if (i === undefined) return undefined;
    const { number, title, from, to } = this.file.chapters[i]!;
    return { number, title, from, to };
  }

  section(code: string): Section | undefined {
    const i = this.sectionIndex(code);
    if (i === undefined) return undefined;
    const { id, title, from, to } = this.file.sections[i]!;
    return { id, title, from, to };
  }

  /**
   * Notes in force for a code, nearest first: its own (or its nearest listed ancestor's),
   * each ancestor's, then those of the sections that contain it (narrowest first) and of
   * its chapter.
   */
  notes(code: string, kind?: NoteKind): readonly Note[] {
    const d = this.nearest(code);
    const key = d ?? -1 - (this.chapterIndex(code) ?? this.file.chapters.length);
    let all = this.chainCache.get(key);
    if (!all) {
      const out: Note[] = [];
      if (d !== undefined) {
        for (let i = d; i >= 0; i = this.file.diags[i]!.parent) out.push(...this.notesOfDiag(i));
      }
      const s = this.sectionIndex(code);
      if (s !== undefined) for (const si of this.sectionChains[s]!) out.push(...this.notesOfSection(si));
      const c = this.chapterIndex(code);
      if (c !== undefined) out.push(...this.notesOfChapter(c));
      all = Object.freeze(out);
      this.chainCache.set(key, all);
    }
    return kind ? all.filter((n) => n.kind === kind) : all;
  }

  seventhCharacters(code: string): SeventhCharacters | undefined {
    for (let i = this.nearest(code) ?? -1; i >= 0; i = this.file.diags[i]!.parent) {
      const diag = this.file.diags[i]!;
      if (diag.seventh) {
        return { source: diag.code, chars: { ...diag.seventh.chars }, ...(diag.seventh.note && { note: diag.seventh.note }) };
      }
    }
    return undefined;
  }

  private notesOfDiag(i: number): readonly Note[] {
    return (this.diagNotes[i] ??= build(this.file.diags[i]!.notes, this.file.diags[i]!.code, 'code'));
  }

  private notesOfSection(i: number): readonly Note[] {
    return (this.sectionNotes[i] ??= build(this.file.sections[i]!.notes, this.file.sections[i]!.id, 'section'));
  }

  private notesOfChapter(i: number): readonly Note[] {
    return (this.chapterNotes[i] ??= build(this.file.chapters[i]!.notes, String(this.file.chapters[i]!.number), 'chapter'));
  }
}

function build(notes: readonly TabularNote[], source: string, scope: 'code' | 'section' | 'chapter'): readonly Note[] {
  return Object.freeze(
    notes.map((n) => {
      const { refs, mentions } = extractNoteRefs(n.text);
      const note: Note = { kind: n.kind, text: n.text, refs, source };
      if (mentions.length) note.mentions = mentions;
      if (scope !== 'code') note.scope = scope;
      return Object.freeze(note);
    }),
  );
}
