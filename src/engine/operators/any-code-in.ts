import { asCodeMatcher, CODE_LIST_HELP, prepareCodeList } from './code-matcher.js';
import type { OperatorSpec } from './types.js';

/**
 * `anyCodeIn`: the fact is a list of codes (e.g. `claim.codes`, `line.pointedCodes`) and at
 * least one falls under the references.
 *
 * @example { "fact": "claim", "path": "$.codes", "operator": "anyCodeIn", "value": ["O00-O9A"] }
 */
export const anyCodeIn: OperatorSpec = {
  name: 'anyCodeIn',
  description: 'the fact is an array of undotted codes and at least one falls under the references',
  valueHelp: CODE_LIST_HELP,
  prepare: (value, tables) => prepareCodeList(value, tables),
  evaluate(fact, value) {
    if (!Array.isArray(fact)) return false;
    const match = asCodeMatcher(value);
    if (match === undefined) return false;
    for (const code of fact) if (typeof code === 'string' && match(code)) return true;
    return false;
  },
};
