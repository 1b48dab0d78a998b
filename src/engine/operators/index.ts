import { anyCodeIn } from './any-code-in.js';
import { between } from './between.js';
import { builtinOperators } from './builtin.js';
import { codeIn } from './code-in.js';
import { codeNotIn } from './code-not-in.js';
import { isEmpty, isNotEmpty } from './is-empty.js';
import { noCodeIn } from './no-code-in.js';
import { procedureIn } from './procedure-in.js';
import type { OperatorSpec } from './types.js';

export type { OperatorSpec, Prepared } from './types.js';
export type { CodeMatcher } from './code-matcher.js';

/** The custom operators, registered with every json-rules-engine Engine the validator builds. */
export const customOperators: readonly OperatorSpec[] = [
  codeIn,
  codeNotIn,
  anyCodeIn,
  noCodeIn,
  procedureIn,
  isEmpty,
  isNotEmpty,
  between,
];

/** Every operator a rule file may use, by name. */
export const operators: ReadonlyMap<string, OperatorSpec> = new Map(
  [...builtinOperators, ...customOperators].map((op) => [op.name, op]),
);

export { builtinOperators };
