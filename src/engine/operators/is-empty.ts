import type { OperatorSpec } from './types.js';

/** True for undefined, null, "", [] and {} (an object with no own keys). */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

const trueOnly = (value: unknown) =>
  value === true ? { value } : { error: 'the value of isEmpty / isNotEmpty must be true (json-rules-engine requires one)' };

/**
 * `isEmpty`: the fact is absent, null, "", an empty array or an empty object. The value must be
 * `true` (json-rules-engine requires every condition to have one).
 *
 * @example { "fact": "line", "path": "$.pointers", "operator": "isEmpty", "value": true }
 */
export const isEmpty: OperatorSpec = {
  name: 'isEmpty',
  description: 'the fact is undefined, null, "", [] or {} (value: true)',
  valueHelp: 'true',
  prepare: trueOnly,
  evaluate: (fact) => isEmptyValue(fact),
};

/** `isNotEmpty`: the opposite of isEmpty. */
export const isNotEmpty: OperatorSpec = {
  name: 'isNotEmpty',
  description: 'the fact is present and not "", [] or {} (value: true)',
  valueHelp: 'true',
  prepare: trueOnly,
  evaluate: (fact) => !isEmptyValue(fact),
};
