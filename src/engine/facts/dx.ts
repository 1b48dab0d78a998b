import type { CodeNode } from '../../codeset/types.js';
import type { Diagnosis } from '../../claim/schema.js';
import { exposeGetters } from '../path.js';
import type { CodeInfo, DxStatus } from './code-info.js';
import type { CodeFacts } from './code-facts.js';

/** What each field of the `dx` fact holds (used to validate rule paths and for the guide). */
export const DX_FIELDS = {
  position: '1-based position on the claim (1 = principal / first-listed)',
  first: 'true for position 1',
  raw: 'the code exactly as given on the claim',
  code: 'normalised, undotted, upper-case (Z00129); the trimmed upper-case input when malformed',
  dotted: 'dotted form (Z00.129); the raw input when malformed',
  wellFormed: 'shaped like an ICD-10-CM code',
  status: "'malformed' | 'unknown' | 'header' | 'needs-seventh' | 'wrong-date' | 'no-release' | 'valid'",
  kind: "'category' | 'subcategory' | 'code' when the code is an entry of the governing release",
  kindLabel: "'category', 'subcategory', 'code' or 'code' (for messages)",
  billable: 'a billable code of the governing release',
  title: 'long title in the governing release',
  category: 'undotted three-character category (Z00)',
  chapter: 'chapter number (1-22) when the release has the Tabular List; undefined otherwise',
  poa: 'present-on-admission value as given (institutional claims), undefined when absent',
  poaValue: 'POA trimmed, as given (case kept); "" when absent or blank',
  poaNormalized: 'POA trimmed and upper-cased; "" when absent or blank',
  qualifier: "'principal' | 'other' | 'admitting' | 'reason-for-visit' | 'external-cause' when given",
  duplicateOf: 'position of the first earlier diagnosis with the same code; 0 when none',
  related: 'for a duplicate: [{ position, code }] of the first occurrence; [] otherwise',
  pointedBy: '1-based numbers of the service lines that point to this diagnosis',
  fixes: 'dotted codes that fix a header (its billable codes) or a missing 7th character',
  fixCount: 'number of fixes',
  fixCountText: '"12 billable codes", "1 billable code"',
  seventhIssue: "for needs-seventh: 'missing' (no 7th character) or 'placeholder' (X missing)",
  validityReason: "for wrong-date: 'deleted' or 'not-yet-valid'",
  deletedOn: 'for wrong-date/deleted: first day it was no longer valid (ISO)',
  validFrom: 'for wrong-date/not-yet-valid: first day it is valid (ISO)',
  noteKinds: "kinds of Tabular notes that apply to the code (own or inherited), e.g. ['codeFirst', 'excludes1']",
} as const;

/**
 * The `dx` fields that depend only on the code as written and the governing release (they come
 * from the shared {@link CodeFacts}), not on the claim: a condition on these alone has one
 * answer per code, which the evaluator works out once and keeps (see compile.ts, codeOnly).
 */
export const CODE_ONLY_DX_FIELDS: ReadonlySet<string> = new Set([
  'raw', 'code', 'dotted', 'wellFormed', 'status', 'kind', 'kindLabel', 'billable', 'title', 'category', 'chapter',
  'fixes', 'fixCount', 'fixCountText', 'seventhIssue', 'validityReason', 'deletedOn', 'validFrom', 'noteKinds',
] satisfies (keyof typeof DX_FIELDS)[]);

/**
 * Whether a diagnosis belongs to the principal-and-other sequence that sequencing, combination
 * and duplicate rules are about. Admitting and patient's-reason-for-visit codes have fields of
 * their own (UB-04 FL 69/70, 837I HI ABJ/APR; the adapters list them after the others): what
 * was known at admission may rightly differ from, or repeat, the final diagnoses.
 */
export function inSequence(dx: { qualifier?: string | undefined }): boolean {
  return dx.qualifier !== 'admitting' && dx.qualifier !== 'reason-for-visit';
}

/**
 * The `dx` fact: one diagnosis of the claim and what the code set says about it. What depends
 * only on the code and the release comes from a {@link CodeFacts} shared by every claim that
 * writes the code the same way; cheap fields are copied as plain properties, the rest are
 * getters reading the shared facts (computed there once).
 */
export class DxFacts {
  readonly position: number;
  readonly first: boolean;
  readonly raw: string;
  readonly code: string;
  readonly dotted: string;
  readonly wellFormed: boolean;
  readonly status: DxStatus;
  readonly kind: CodeNode['kind'] | undefined;
  readonly billable: boolean;
  readonly category: string;
  readonly poa: string | undefined;
  readonly qualifier: Diagnosis['qualifier'];
  duplicateOf = 0;
  /** Filled by the context builder. */
  pointedBy: number[] = [];
  /** The per-code data, when the code is well-formed and a release governs the date. */
  readonly info: CodeInfo | undefined;
  readonly #shared: CodeFacts;

  /** `shared`: the facts of `diagnosis.code` in the governing release (CodeCache.get). */
  constructor(position: number, diagnosis: Diagnosis, shared: CodeFacts) {
    this.position = position;
    this.first = position === 1;
    this.raw = diagnosis.code;
    this.code = shared.code;
    this.dotted = shared.dotted;
    this.wellFormed = shared.wellFormed;
    this.status = shared.status;
    this.kind = shared.kind;
    this.billable = shared.billable;
    this.category = shared.category;
    this.poa = diagnosis.poa;
    this.qualifier = diagnosis.qualifier;
    this.info = shared.info;
    this.#shared = shared;
  }

  /** The shared per-code facts (for fact providers: {@link CodeFacts.derive}). */
  static shared(dx: DxFacts): CodeFacts {
    return dx.#shared;
  }

  get kindLabel(): string {
    return this.kind ?? 'code';
  }
  get title(): string | undefined {
    return this.#shared.title;
  }
  get chapter(): number | undefined {
    return this.#shared.chapter;
  }
  get poaValue(): string {
    return (this.poa ?? '').trim();
  }
  get poaNormalized(): string {
    return (this.poa ?? '').trim().toUpperCase();
  }
  get related(): { position: number; code: string }[] {
    return this.duplicateOf > 0 ? [{ position: this.duplicateOf, code: this.dotted }] : [];
  }
  get fixes(): readonly string[] {
    return this.#shared.fixes;
  }
  get fixCount(): number {
    return this.info ? this.info.fixes.length : 0;
  }
  get fixCountText(): string {
    const n = this.fixCount;
    return `${n} billable code${n === 1 ? '' : 's'}`;
  }
  get seventhIssue(): string | undefined {
    return this.info?.seventhIssue;
  }
  get validityReason(): string | undefined {
    return this.info?.validityReason;
  }
  get deletedOn(): string | undefined {
    return this.info?.deletedOn;
  }
  get validFrom(): string | undefined {
    return this.info?.validFrom;
  }
  get noteKinds(): readonly string[] {
    return this.#shared.noteKinds;
  }
}
exposeGetters(DxFacts);
