import { normalizeCode } from '../code/normalize.js';
import type { ReleaseAddenda } from './addenda-check.js';
import type { ReleaseData } from './release-data.js';
import type {
  Chapter,
  CodeNode,
  CodeSet,
  LoadDiagnostic,
  Note,
  NoteKind,
  Provenance,
  ReleaseInfo,
  Section,
  SeventhCharacters,
} from './types.js';

/**
 * What a Tabular List gives a release: chapters, sections, notes and seventh characters.
 * Implemented by `TabularIndex` (from a release's own XML or borrowed from another release).
 */
export interface TabularLookup {
  /** Release id of the Tabular List. */
  readonly releaseId: string;
  chapter(code: string): Chapter | undefined;
  section(code: string): Section | undefined;
  notes(code: string, kind?: NoteKind): readonly Note[];
  seventhCharacters(code: string): SeventhCharacters | undefined;
}

const NO_NOTES: readonly Note[] = Object.freeze([]);

/**
 * One release: a view over shared `ReleaseData` (codes, titles, hierarchy) plus the release
 * identity and, when there is one, a Tabular List for chapters, sections and notes.
 */
export class ReleaseCodeSet implements CodeSet {
  readonly size: number;
  readonly billableCount: number;

  private addendaCache: ReleaseAddenda | undefined;

  constructor(
    readonly release: ReleaseInfo,
    readonly provenance: Provenance,
    readonly data: ReleaseData,
    readonly diagnostics: readonly LoadDiagnostic[],
    readonly tabular: TabularLookup | undefined,
    private readonly readAddenda: () => ReleaseAddenda = () => ({}),
  ) {
    this.size = data.size;
    this.billableCount = data.billableCount;
  }

  /** The release's addenda files (changes against the previous fiscal year), read on first use. */
  addenda(): ReleaseAddenda {
    return (this.addendaCache ??= this.readAddenda());
  }

  /** Slot of a code in any input form, or undefined. */
  private slotOf(code: string): number | undefined {
    const c = normalizeCode(code);
    return c === undefined ? undefined : this.data.slot(c);
  }

  get(code: string): CodeNode | undefined {
    const slot = this.slotOf(code);
    return slot === undefined ? undefined : this.data.node(slot);
  }

  has(code: string): boolean {
    return this.slotOf(code) !== undefined;
  }

  /** True when the code is in this release and billable (flag 1). */
  isBillable(code: string): boolean {
    const slot = this.slotOf(code);
    return slot !== undefined && this.data.billable[slot] === 1;
  }

  *nodes(): Iterable<CodeNode> {
    for (let i = 0; i < this.data.size; i++) yield this.data.node(i);
  }

  ancestors(code: string): CodeNode[] {
    const out: CodeNode[] = [];
    let slot = this.slotOf(code);
    if (slot === undefined) return out;
    for (let p = this.data.parent[slot]!; p >= 0; p = this.data.parent[p]!) out.push(this.data.node(p));
    return out;
  }

  descendants(code: string): CodeNode[] {
    const slot = this.slotOf(code);
    if (slot === undefined) return [];
    return this.data.descendantSlots(slot).map((s) => this.data.node(s));
  }

  billableDescendants(code: string): CodeNode[] {
    const slot = this.slotOf(code);
    if (slot === undefined) return [];
    return this.data
      .descendantSlots(slot)
      .filter((s) => this.data.billable[s] === 1)
      .map((s) => this.data.node(s));
  }

  chapter(code: string): Chapter | undefined {
    const c = normalizeCode(code);
    return c === undefined ? undefined : this.tabular?.chapter(c);
  }

  section(code: string): Section | undefined {
    const c = normalizeCode(code);
    return c === undefined ? undefined : this.tabular?.section(c);
  }

  notes(code: string, kind?: NoteKind): readonly Note[] {
    const c = normalizeCode(code);
    if (c === undefined || !this.tabular) return NO_NOTES;
    return this.tabular.notes(c, kind);
  }

  seventhCharacters(code: string): SeventhCharacters | undefined {
    const c = normalizeCode(code);
    return c === undefined ? undefined : this.tabular?.seventhCharacters(c);
  }
}
