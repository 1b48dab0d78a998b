import { asCodeMatcher, CODE_LIST_HELP, prepareCodeList } from './code-matcher.js';
import type { OperatorSpec } from './types.js';

/**
 * `codeIn`: the fact (an undotted code such as `dx.code`) is in a code list — a code and
 * everything under it, a category, a range, or the rows of a data table.
 *
 * @example { "fact": "dx", "path": "$.code", "operator": "codeIn", "value": ["Z00.0-", "Z00.1-"] }
 */
export const codeIn: OperatorSpec = {
  name: 'codeIn',
  description: 'the fact (an undotted code, e.g. dx.code) falls under one of the references or data-table rows',
  valueHelp: CODE_LIST_HELP,
  prepare: (value, tables) => prepareCodeList(value, tables),
  evaluate(fact, value) {
    if (typeof fact !== 'string') return false;
    const match = asCodeMatcher(value);
    return match !== undefined && match(fact);
  },
};
