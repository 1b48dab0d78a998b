import type { ServiceLine } from '../../claim/schema.js';
import { exposeGetters } from '../path.js';
import type { DxFacts } from './dx.js';

/** Most pointers a service line can carry (837P SV107, CMS-1500 box 24E). */
export const MAX_POINTERS = 4;

export const LINE_FIELDS = {
  number: '1-based service line number',
  procedureCode: 'CPT/HCPCS code, trimmed and upper-cased ("" when absent)',
  modifiers: 'modifiers as given',
  units: 'units, when given',
  serviceDate: 'the line date, when given',
  pointers: 'diagnosis pointers as given (1-based positions)',
  pointerCount: 'number of pointers',
  missingPointers: 'pointers that name no diagnosis on the claim (0, negative, or past the last one)',
  repeatedPointers: 'pointers given more than once (each listed once)',
  tooManyPointers: 'true when the line has more than 4 pointers',
  pointerInvalid: 'true when any of the three pointer problems above is present',
  pointerProblem: 'the pointer problems in words, for messages',
  pointedCodes: 'undotted codes of the well-formed diagnoses the line points to',
  pointedPositions: 'positions of the existing diagnoses the line points to',
} as const;

/** The `line` fact: one service line and what its pointers reach. */
export class LineFacts {
  readonly number: number;
  readonly procedureCode: string;
  readonly modifiers: readonly string[];
  readonly units: number | undefined;
  readonly serviceDate: string | undefined;
  readonly pointers: readonly number[];
  readonly pointerCount: number;
  readonly missingPointers: number[];
  readonly repeatedPointers: number[];
  readonly tooManyPointers: boolean;
  readonly pointerInvalid: boolean;
  readonly pointedCodes: string[];
  readonly pointedPositions: number[];

  constructor(number: number, line: ServiceLine, dx: readonly DxFacts[]) {
    this.number = number;
    this.procedureCode = (line.procedureCode ?? '').trim().toUpperCase();
    this.modifiers = line.modifiers ?? [];
    this.units = line.units;
    this.serviceDate = line.serviceDate;
    this.pointers = line.diagnosisPointers ?? [];
    this.pointerCount = this.pointers.length;
    this.missingPointers = [];
    this.repeatedPointers = [];
    this.pointedCodes = [];
    this.pointedPositions = [];
    const pointers = this.pointers;
    for (let i = 0; i < pointers.length; i++) {
      const p = pointers[i]!;
      // Seen before on this line? (At most 99 pointers, usually 1-4: a scan beats a Set.)
      if (pointers.indexOf(p) < i) {
        if (!this.repeatedPointers.includes(p)) this.repeatedPointers.push(p);
        continue;
      }
      const target = p >= 1 ? dx[p - 1] : undefined;
      if (!target) {
        this.missingPointers.push(p);
        continue;
      }
      this.pointedPositions.push(p);
      if (target.wellFormed) this.pointedCodes.push(target.code);
    }
    this.tooManyPointers = this.pointerCount > MAX_POINTERS;
    this.pointerInvalid = this.missingPointers.length > 0 || this.repeatedPointers.length > 0 || this.tooManyPointers;
  }

  get pointerProblem(): string {
    const parts: string[] = [];
    if (this.missingPointers.length > 0) {
      const list = this.missingPointers.join(', ');
      parts.push(
        this.missingPointers.length === 1
          ? `points to diagnosis ${list}, which is not on the claim`
          : `points to diagnoses ${list}, which are not on the claim`,
      );
    }
    if (this.repeatedPointers.length > 0) parts.push(`repeats pointer ${this.repeatedPointers.join(', ')}`);
    if (this.tooManyPointers) parts.push(`has ${this.pointerCount} pointers (at most ${MAX_POINTERS})`);
    return parts.join('; ');
  }
}
exposeGetters(LineFacts);
