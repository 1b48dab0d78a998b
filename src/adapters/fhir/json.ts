/** Small guards for walking parsed JSON of unknown shape without throwing. */

export type Obj = Record<string, unknown>;

export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
export const asObj = (x: unknown): Obj | undefined => (isObj(x) ? x : undefined);
export const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
export const asString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
/** A non-empty trimmed string, or undefined. */
export const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

/** The codings of a CodeableConcept, each with its index. */
export function codings(concept: unknown): { system?: string; code?: string; index: number }[] {
  return asArray(asObj(concept)?.coding).flatMap((c, index) => {
    const o = asObj(c);
    if (!o) return [];
    const out: { system?: string; code?: string; index: number } = { index };
    const system = text(o.system);
    const code = text(o.code);
    if (system) out.system = system;
    if (code) out.code = code;
    return [out];
  });
}

/** True when a CodeableConcept has a coding with this code (and, if given, a system containing `systemPart`). */
export function hasCode(concept: unknown, code: string, systemPart?: string): boolean {
  return codings(concept).some((c) => c.code === code && (systemPart === undefined || (c.system ?? '').includes(systemPart)));
}
