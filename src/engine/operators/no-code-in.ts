import { asCodeMatcher, CODE_LIST_HELP, prepareCodeList } from './code-matcher.js';
import type { OperatorSpec } from './types.js';

/**
 * `noCodeIn`: the fact is a list of codes and none falls under the references (an empty list
 * holds none).
 *
 * @example { "fact": "line", "path": "$.pointedCodes", "operator": "noCodeIn", "value": ["Z23"] }
 */
export const noCodeIn: OperatorSpec = {
  name: 'noCodeIn',
  description: 'the fact is an array of undotted codes and none falls under the references',
  valueHelp: CODE_LIST_HELP,
  prepare: (value, tables) => prepareCodeList(value, tables),
  evaluate(fact, value) {
    if (!Array.isArray(fact)) return false;
    const match = asCodeMatcher(value);
    if (match === undefined) return false;
    for (const code of fact) if (typeof code === 'string' && match(code)) return false;
    return true;
  },
};
