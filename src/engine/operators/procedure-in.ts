import type { OperatorSpec, Prepared } from './types.js';

/** A CPT or HCPCS Level II code: five letters or digits (99213, 0001U, G0008). */
const PROCEDURE = /^[A-Z0-9]{5}$/;

type ProcedureMatcher = ((code: string) => boolean) & { readonly text: string };

const HELP = 'an array of CPT/HCPCS codes ("90471") and ranges ("90476-90759", "G0008-G0010")';

function prepare(value: unknown): Prepared {
  if (!Array.isArray(value) || value.length === 0) return { error: `expected ${HELP}` };
  const exact = new Set<string>();
  const ranges: [string, string][] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item !== 'string') return { error: `value[${i}]: expected a string, got ${JSON.stringify(item)}` };
    const parts = item.split('-').map((s) => s.trim().toUpperCase());
    if (parts.length === 1 && PROCEDURE.test(parts[0]!)) exact.add(parts[0]!);
    else if (parts.length === 2 && PROCEDURE.test(parts[0]!) && PROCEDURE.test(parts[1]!) && parts[0]! <= parts[1]!) {
      ranges.push([parts[0]!, parts[1]!]);
    } else return { error: `value[${i}]: "${item}" is not a five-character CPT/HCPCS code or a range of two` };
  }
  const fn = (code: string) => {
    if (exact.has(code)) return true;
    for (const [from, to] of ranges) if (code >= from && code <= to) return true;
    return false;
  };
  return { value: Object.assign(fn, { text: JSON.stringify(value) }) as ProcedureMatcher };
}

/**
 * `procedureIn`: the fact (a CPT/HCPCS code such as `line.procedureCode`) is one of the codes or
 * falls in one of the ranges. Ranges compare codes of the same length character by character,
 * which is how CPT and HCPCS ranges are written.
 *
 * @example { "fact": "line", "path": "$.procedureCode", "operator": "procedureIn", "value": ["90460", "90471-90474"] }
 */
export const procedureIn: OperatorSpec = {
  name: 'procedureIn',
  description: 'the fact is a CPT/HCPCS code (upper-case) listed in the value or inside one of its ranges',
  valueHelp: HELP,
  prepare,
  evaluate(fact, value) {
    if (typeof fact !== 'string' || !PROCEDURE.test(fact)) return false;
    const match = typeof value === 'function' ? (value as ProcedureMatcher) : (() => {
      const p = prepare(value);
      return 'value' in p ? (p.value as ProcedureMatcher) : undefined;
    })();
    return match !== undefined && match(fact);
  },
};
