import { formatCode } from '../code/normalize.js';
import type { CodeKind, CodeNode, LoadDiagnostic } from './types.js';

/** Titles by slot; either an array (just parsed) or one string with offsets (loaded from cache). */
export interface TitleTable {
  get(slot: number): string;
}

export class ArrayTitles implements TitleTable {
  constructor(readonly items: readonly string[]) {}
  get(slot: number): string {
    return this.items[slot]!;
  }
}

/** All titles in one string; `offsets[i]..offsets[i+1]` is slot i (length = size + 1). */
export class BlobTitles implements TitleTable {
  constructor(
    readonly blob: string,
    readonly offsets: Uint32Array,
  ) {}
  get(slot: number): string {
    return this.blob.slice(this.offsets[slot]!, this.offsets[slot + 1]!);
  }
}

/** The entries of a release in tabular order, as read from its files. */
export interface ReleaseEntries {
  codes: string[];
  billable: Uint8Array;
  /** Order numbers (1-based positions in the order file). */
  orders: Uint32Array;
  titles: TitleTable;
  shortTitles: TitleTable;
  /** Code → slot; built when absent. */
  index?: Map<string, number>;
}

const MAX_EXAMPLES = 8;

/**
 * One release's codes as parallel arrays (a few MB instead of 98k objects), with the hierarchy
 * derived from the codes themselves. Nodes are materialised on demand and kept.
 * Shared between releases whose files are byte-identical (FY2025 October and April).
 */
export class ReleaseData {
  readonly size: number;
  readonly codes: readonly string[];
  readonly billable: Uint8Array;
  readonly orders: Uint32Array;
  readonly titles: TitleTable;
  readonly shortTitles: TitleTable;
  readonly index: ReadonlyMap<string, number>;
  /** Slot of the parent; -1 for a category or an orphan. */
  readonly parent: Int32Array;
  readonly billableCount: number;
  /** Problems found in the content (hierarchy); the loader adds file-level ones. */
  readonly diagnostics: LoadDiagnostic[];
  /** Children in compressed rows: children of i are childList[childStart[i] .. childStart[i+1]). */
  private readonly childStart: Uint32Array;
  private readonly childList: Uint32Array;
  private readonly nodeCache: (CodeNode | undefined)[];

  constructor(entries: ReleaseEntries, parent?: Int32Array) {
    const { codes } = entries;
    const n = codes.length;
    this.size = n;
    this.codes = codes;
    this.billable = entries.billable;
    this.orders = entries.orders;
    this.titles = entries.titles;
    this.shortTitles = entries.shortTitles;
    this.index = entries.index ?? indexOf(codes);
    this.diagnostics = [];
    this.parent = parent ?? this.deriveParents();
    let billableCount = 0;
    for (let i = 0; i < n; i++) billableCount += this.billable[i]!;
    this.billableCount = billableCount;

    const counts = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const p = this.parent[i]!;
      if (p >= 0) counts[p + 1]!++;
    }
    for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
    this.childStart = counts;
    const fill = counts.slice(0, n);
    const list = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const p = this.parent[i]!;
      if (p >= 0) list[fill[p]!++] = i;
    }
    this.childList = list;
    this.nodeCache = new Array(n);
  }

  /**
   * Parent = the longest proper prefix of the code that is itself listed (`W2189XA` → `W2189`,
   * because `W2189X` is not listed). A longer code without any listed prefix is an orphan.
   */
  private deriveParents(): Int32Array {
    const { codes, index } = this;
    const parent = new Int32Array(codes.length).fill(-1);
    const orphans: string[] = [];
    const early: string[] = [];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      for (let len = code.length - 1; len >= 3; len--) {
        const p = index.get(code.slice(0, len));
        if (p !== undefined) {
          parent[i] = p;
          if (p > i) early.push(code);
          break;
        }
      }
      if (parent[i] === -1 && code.length > 3) orphans.push(code);
    }
    if (orphans.length) {
      this.diagnostics.push({
        level: 'warning',
        kind: 'orphan-code',
        message: `${orphans.length} code(s) have no listed parent (no category or subcategory is a prefix of them)`,
        count: orphans.length,
        examples: orphans.slice(0, MAX_EXAMPLES).map(formatCode),
      });
    }
    if (early.length) {
      this.diagnostics.push({
        level: 'warning',
        kind: 'not-tabular-order',
        message: `${early.length} code(s) come before their parent; the file is not in tabular order`,
        count: early.length,
        examples: early.slice(0, MAX_EXAMPLES).map(formatCode),
      });
    }
    return parent;
  }

  slot(code: string): number | undefined {
    return this.index.get(code);
  }

  childSlots(slot: number): Uint32Array {
    return this.childList.subarray(this.childStart[slot]!, this.childStart[slot + 1]!);
  }

  kind(slot: number): CodeKind {
    if (this.codes[slot]!.length === 3) return 'category';
    return this.billable[slot] ? 'code' : 'subcategory';
  }

  /** The node at a slot, built once and frozen. */
  node(slot: number): CodeNode {
    let node = this.nodeCache[slot];
    if (node) return node;
    const code = this.codes[slot]!;
    const p = this.parent[slot]!;
    const children = Array.from(this.childSlots(slot), (c) => this.codes[c]!);
    node = Object.freeze({
      code,
      dotted: formatCode(code),
      title: this.titles.get(slot),
      shortTitle: this.shortTitles.get(slot),
      billable: this.billable[slot] === 1,
      kind: this.kind(slot),
      parent: p >= 0 ? this.codes[p] : undefined,
      children: Object.freeze(children),
      category: code.slice(0, 3),
      order: this.orders[slot]!,
    });
    this.nodeCache[slot] = node;
    return node;
  }

  /** Slots under a node, depth first, in tabular order (excluding the node). */
  descendantSlots(slot: number): number[] {
    const out: number[] = [];
    const visit = (s: number): void => {
      for (const c of this.childSlots(s)) {
        out.push(c);
        visit(c);
      }
    };
    visit(slot);
    return out;
  }
}

function indexOf(codes: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) index.set(codes[i]!, i);
  return index;
}
