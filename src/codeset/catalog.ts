import { normalizeCode } from '../code/normalize.js';
import { changesFromAddenda } from './addenda-check.js';
import type { ReleaseCodeSet } from './code-set.js';
import { isoDay } from './dates.js';
import { fiscalYearEnd, parseSourceName, releaseId } from './naming.js';
import type { CodeChange, CodeSetCatalog, LoadDiagnostic, ReleaseInfo, Validity } from './types.js';

/** Most day strings {@link Catalog.forDate} remembers (about 30 years of days). */
const DAY_MEMO_CAP = 10_000;

/**
 * Several releases side by side.
 *
 * Calendar: a release is in force from its effective date until the next loaded release takes
 * over, and never past the end of its own fiscal year (September 30). So an April 1 update
 * replaces the October release for April–September, and after the last loaded fiscal year no
 * release governs: an FY2027 claim is never judged by FY2026 codes.
 */
export class Catalog implements CodeSetCatalog {
  readonly releases: readonly ReleaseCodeSet[];

  constructor(
    releases: readonly ReleaseCodeSet[],
    /** Things noticed while discovering and loading the releases (e.g. a folder with nothing usable). */
    readonly diagnostics: readonly LoadDiagnostic[] = [],
    /** Ids of the Tabular Lists found that are not releases themselves (e.g. FY2023 XML only). */
    readonly tabularSources: readonly string[] = [],
  ) {
    this.releases = [...releases].sort((a, b) => a.release.effectiveFrom.localeCompare(b.release.effectiveFrom));
  }

  /** A release by id ('fy2026-oct'). */
  release(id: string): ReleaseCodeSet | undefined {
    return this.releases.find((r) => r.release.id === id);
  }

  /** Governing index by day string: every claim asks, and claims share few distinct days. */
  readonly #byDay = new Map<string, number>();

  forDate(date: string | Date): ReleaseCodeSet | undefined {
    if (typeof date === 'string') {
      const hit = this.#byDay.get(date);
      if (hit !== undefined) return this.releases[hit];
      const index = this.governingIndex(isoDay(date));
      // Bounded: a stream of distinct date-times must not grow memory without limit.
      if (this.#byDay.size >= DAY_MEMO_CAP) this.#byDay.clear();
      this.#byDay.set(date, index);
      return this.releases[index];
    }
    return this.releases[this.governingIndex(isoDay(date))];
  }

  /** Index of the release governing an ISO day, or -1. */
  private governingIndex(day: string): number {
    for (let i = this.releases.length - 1; i >= 0; i--) {
      const info = this.releases[i]!.release;
      if (info.effectiveFrom <= day) return day <= fiscalYearEnd(info.fiscalYear) ? i : -1;
    }
    return -1;
  }

  /**
   * Validity of a code on a date. Reasons when not valid:
   * - 'no-release': no loaded release governs the date;
   * - 'unknown': the code is in no loaded release at all;
   * - 'header': in the governing release but not billable (a category or subcategory). When it
   *   was billable in an earlier release (e.g. B88.0 before FY2026) `deletedOn` says since when;
   * - 'deleted': billable in an earlier release, not in the governing one; `deletedOn` is the
   *   effective date of the first release without it;
   * - 'not-yet-valid': billable only in a later release; `validFrom` is its effective date.
   */
  validity(code: string, date: string | Date): Validity {
    const at = this.governingIndex(isoDay(date));
    const c = normalizeCode(code) ?? '';
    if (at < 0) return { valid: false, release: undefined, reason: 'no-release' };
    const governing = this.releases[at]!;
    if (governing.isBillable(c)) return { valid: true, release: governing.release };

    // The latest earlier release where it was billable; the release after it is the first
    // loaded one without it. (With a fiscal year missing in between, the real date may be earlier.)
    let deletedOn: string | undefined;
    for (let i = at - 1; i >= 0; i--) {
      if (this.releases[i]!.isBillable(c)) {
        deletedOn = this.releases[i + 1]!.release.effectiveFrom;
        break;
      }
    }
    let validFrom: string | undefined;
    for (let i = at + 1; i < this.releases.length; i++) {
      if (this.releases[i]!.isBillable(c)) {
        validFrom = this.releases[i]!.release.effectiveFrom;
        break;
      }
    }
    const extra = { ...(deletedOn && { deletedOn }), ...(validFrom && { validFrom }) };
    if (governing.has(c)) return { valid: false, release: governing.release, reason: 'header', ...extra };
    if (deletedOn) return { valid: false, release: governing.release, reason: 'deleted', ...extra };
    if (validFrom) return { valid: false, release: governing.release, reason: 'not-yet-valid', ...extra };
    // Never billable anywhere: maybe a header that exists only in another release.
    const elsewhere = this.presence(c, at);
    if (elsewhere) return { valid: false, release: governing.release, reason: elsewhere.reason, ...elsewhere.dates };
    return { valid: false, release: governing.release, reason: 'unknown' };
  }

  /** For a code listed (as a header) only in releases other than `at`: deleted or not yet there. */
  private presence(
    code: string,
    at: number,
  ): { reason: 'deleted' | 'not-yet-valid'; dates: { deletedOn?: string; validFrom?: string } } | undefined {
    for (let i = at - 1; i >= 0; i--) {
      if (this.releases[i]!.has(code)) {
        return { reason: 'deleted', dates: { deletedOn: this.releases[i + 1]!.release.effectiveFrom } };
      }
    }
    for (let i = at + 1; i < this.releases.length; i++) {
      if (this.releases[i]!.has(code)) {
        return { reason: 'not-yet-valid', dates: { validFrom: this.releases[i]!.release.effectiveFrom } };
      }
    }
    return undefined;
  }

  validIn(code: string): string[] {
    const c = normalizeCode(code) ?? '';
    return this.releases.filter((r) => r.isBillable(c)).map((r) => r.release.id);
  }

  /**
   * What happened to a code between consecutive loaded releases, oldest first: added, deleted,
   * became a header / billable, title revised (long title). Byte-identical releases show nothing.
   * The earliest release's addenda add what changed when it came in (`source: 'addenda'`).
   */
  changes(code: string): CodeChange[] {
    const c = normalizeCode(code) ?? '';
    const out: CodeChange[] = [...(this.earliestAddendaChanges().get(c) ?? [])];
    for (let i = 1; i < this.releases.length; i++) {
      const a = this.releases[i - 1]!;
      const b = this.releases[i]!;
      if (a.data === b.data) continue;
      const before = a.get(c);
      const after = b.get(c);
      const base = { code: c, from: a.release.id, to: b.release.id };
      if (!before && !after) continue;
      if (!before) {
        out.push({ ...base, change: 'added', newTitle: after!.title });
        continue;
      }
      if (!after) {
        out.push({ ...base, change: 'deleted', oldTitle: before.title });
        continue;
      }
      if (before.billable && !after.billable) out.push({ ...base, change: 'became-header' });
      if (!before.billable && after.billable) out.push({ ...base, change: 'became-billable' });
      if (before.title !== after.title) {
        out.push({ ...base, change: 'title-revised', oldTitle: before.title, newTitle: after.title });
      }
    }
    return out;
  }

  private addendaChanges: Map<string, CodeChange[]> | undefined;

  /** Changes the earliest loaded release's addenda record against its (unloaded) predecessor. */
  private earliestAddendaChanges(): Map<string, CodeChange[]> {
    if (!this.addendaChanges) {
      const first = this.releases[0];
      const addenda = first?.addenda() ?? {};
      this.addendaChanges = first ? changesFromAddenda(addenda, previousReleaseId(first, addenda), first.release.id) : new Map();
    }
    return this.addendaChanges;
  }

  /** Release infos in effective-date order (for messages and the CLI). */
  get infos(): ReleaseInfo[] {
    return this.releases.map((r) => r.release);
  }
}

/**
 * The release an addenda file compares against: named in its summary ("74044 codes in
 * icd10cm_order_2024.txt" → fy2024-oct), else the previous fiscal year's October release (or,
 * for an April update, the same year's).
 */
export function previousReleaseId(set: ReleaseCodeSet, addenda: ReturnType<ReleaseCodeSet['addenda']>): string {
  const named = addenda.order?.summary.codes?.before?.file ?? addenda.codes?.summary.codes?.before?.file;
  const parsed = named ? parseSourceName(named) : undefined;
  if (parsed) return releaseId(parsed.fiscalYear, parsed.update);
  const { fiscalYear, id } = set.release;
  return id.endsWith('-apr') ? releaseId(fiscalYear, 'oct') : releaseId(fiscalYear - 1, 'oct');
}
