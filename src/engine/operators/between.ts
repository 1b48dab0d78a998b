import type { OperatorSpec } from './types.js';

/**
 * `between`: the fact is a number from `min` to `max`, both included. Not a number → false.
 *
 * @example { "fact": "claim", "path": "$.ageYears", "operator": "between", "value": [15, 124] }
 */
export const between: OperatorSpec = {
  name: 'between',
  description: 'the fact is a number in [min, max], both included',
  valueHelp: '[min, max], two numbers with min <= max',
  prepare(value) {
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) && value[0] <= value[1]) {
      return { value };
    }
    return { error: 'the value of between must be [min, max]: two numbers with min <= max' };
  },
  evaluate(fact, value) {
    if (typeof fact !== 'number' || Number.isNaN(fact) || !Array.isArray(value)) return false;
    return fact >= (value[0] as number) && fact <= (value[1] as number);
  },
};
