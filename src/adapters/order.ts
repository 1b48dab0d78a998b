import { located, type InputError } from './types.js';

/** The diagnosis qualifiers of the claim model. */
export type Qualifier = 'principal' | 'other' | 'admitting' | 'reason-for-visit' | 'external-cause';

/** A diagnosis as found in the input, before it gets its place in the claim's ordered list. */
export interface SourceDiagnosis {
  code: string;
  /** Undefined when the input did not say (e.g. an untyped FHIR diagnosis). */
  qualifier?: Qualifier;
  poa?: string;
  /** What the input's pointers use to address it: FHIR `sequence`, 837P HI position. */
  key?: number;
  /** Where it is in the input, for warnings. */
  path: string;
}

/** A diagnosis of the claim model. */
export interface ModelDiagnosis {
  code: string;
  qualifier?: Qualifier;
  poa?: string;
}

export interface OrderedDiagnoses {
  diagnoses: ModelDiagnosis[];
  /** 1-based position in `diagnoses` of each pointer key (the first diagnosis with that key). */
  positionOf: Map<number, number>;
  warnings: InputError[];
}

/** Codes with their own UB-04 fields (FL 69, 70, 72): not part of the principal/other sequence. */
const TAIL: readonly Qualifier[] = ['admitting', 'reason-for-visit', 'external-cause'];

/**
 * Puts diagnoses in the claim model's order: the principal (first-listed) diagnosis first, then
 * the other diagnoses in input order, then admitting, reason-for-visit and external-cause codes.
 *
 * Why the tail: those codes are reported in fields of their own (UB-04 FL 69/70/72, 837I
 * HI ABJ/APR/ABN), outside the principal-and-other sequence that 837P pointers and the
 * position rules address. Both adapters use this one function, so a claim sent as FHIR or as an
 * 837 gets the same positions. `list` must already be in input order (FHIR: by sequence).
 */
export function orderDiagnoses(list: readonly SourceDiagnosis[]): OrderedDiagnoses {
  const warnings: InputError[] = [];
  let principal: SourceDiagnosis | undefined;
  const body: SourceDiagnosis[] = [];
  const tail = new Map<Qualifier, SourceDiagnosis[]>(TAIL.map((q) => [q, []]));

  for (const dx of list) {
    if (dx.qualifier === 'principal') {
      if (principal === undefined) {
        principal = dx;
        continue;
      }
      warnings.push(
        located(dx.path, `a second principal diagnosis (${dx.code}); only ${principal.code} is kept as principal, ${dx.code} is listed as another diagnosis`),
      );
      body.push({ ...dx, qualifier: 'other' });
    } else if (dx.qualifier !== undefined && TAIL.includes(dx.qualifier)) {
      tail.get(dx.qualifier)!.push(dx);
    } else {
      body.push(dx);
    }
  }

  const ordered = [...(principal ? [principal] : []), ...body, ...TAIL.flatMap((q) => tail.get(q)!)];
  if (principal && list[0] !== principal) {
    const listing = ordered.map((dx, i) => `${i + 1} ${dx.code}`).join(', ');
    warnings.push(
      located(principal.path, `the principal diagnosis ${principal.code} is not listed first in the input; it is moved to position 1, and positions in the findings follow this order: ${listing}`),
    );
  }

  const positionOf = new Map<number, number>();
  const diagnoses = ordered.map((dx, i) => {
    if (dx.key !== undefined && !positionOf.has(dx.key)) positionOf.set(dx.key, i + 1);
    const out: ModelDiagnosis = { code: dx.code };
    if (dx.qualifier) out.qualifier = dx.qualifier;
    if (dx.poa !== undefined) out.poa = dx.poa;
    return out;
  });
  return { diagnoses, positionOf, warnings };
}

/**
 * Turns the pointers of one service line (FHIR diagnosisSequence values, 837P SV107 positions)
 * into 1-based positions of the ordered list. A pointer that addresses no diagnosis is kept as
 * it is when it cannot be mistaken for a real position (below 1 or past the end), so that the
 * `pointer-invalid` rule reports it; one that would land on an unrelated diagnosis is dropped
 * with a warning instead.
 */
export function mapPointers(
  raw: readonly number[],
  positionOf: ReadonlyMap<number, number>,
  count: number,
  pathOf: (index: number) => string,
): { pointers: number[]; warnings: InputError[] } {
  const pointers: number[] = [];
  const warnings: InputError[] = [];
  raw.forEach((p, i) => {
    const position = positionOf.get(p);
    if (position !== undefined) pointers.push(position);
    else if (p < 1 || p > count) pointers.push(p);
    else {
      warnings.push(
        located(pathOf(i), `diagnosis pointer ${p} addresses no diagnosis the pointers can reach; it is left out (payers reject a pointer to a missing diagnosis)`),
      );
    }
  });
  return { pointers, warnings };
}
