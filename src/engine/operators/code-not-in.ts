import { asCodeMatcher, CODE_LIST_HELP, prepareCodeList } from './code-matcher.js';
import type { OperatorSpec } from './types.js';

/**
 * `codeNotIn`: the fact is a code and falls under none of the references. A fact that is not a
 * string (no code) gives false, like every code operator: absence is never "not in the list".
 *
 * @example { "fact": "dx", "path": "$.code", "operator": "codeNotIn", "value": [{ "list": "first-listed-only" }] }
 */
export const codeNotIn: OperatorSpec = {
  name: 'codeNotIn',
  description: 'the fact is an undotted code that falls under none of the references or data-table rows',
  valueHelp: CODE_LIST_HELP,
  prepare: (value, tables) => prepareCodeList(value, tables),
  evaluate(fact, value) {
    if (typeof fact !== 'string') return false;
    const match = asCodeMatcher(value);
    return match !== undefined && !match(fact);
  },
};
