import { Engine } from 'json-rules-engine';
import type { OperatorSpec, Prepared } from './types.js';

/**
 * json-rules-engine's own operators, taken from an Engine so that the compiled pre-filter
 * calls exactly the functions (validator + callback) the engine uses. Operator decorators
 * (`not:`, `someFact:`, …) are not allowed in rule files: they would widen what the schema has
 * to check for little gain (`not` conditions cover them).
 */
interface JreOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}
const operatorMap = (new Engine() as unknown as { operators: { get(name: string): JreOperator | null } }).operators;

function jre(name: string): (fact: unknown, value: unknown) => boolean {
  const op = operatorMap.get(name);
  if (!op) throw new Error(`json-rules-engine has no operator "${name}"`);
  return (fact, value) => op.evaluate(fact, value);
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

const primitive = (name: string) => (value: unknown): Prepared =>
  isPrimitive(value) ? { value } : { error: `the value of ${name} must be a string, number, boolean or null` };
const primitives = (name: string) => (value: unknown): Prepared =>
  Array.isArray(value) && value.every(isPrimitive)
    ? { value }
    : { error: `the value of ${name} must be an array of strings, numbers, booleans or nulls` };
const number = (name: string) => (value: unknown): Prepared =>
  typeof value === 'number' && Number.isFinite(value) ? { value } : { error: `the value of ${name} must be a number` };

function spec(name: string, description: string, valueHelp: string, prepare: (v: unknown) => Prepared): OperatorSpec {
  return { name, description, valueHelp, prepare, evaluate: jre(name) };
}

/** The json-rules-engine operators rule files may use. */
export const builtinOperators: readonly OperatorSpec[] = [
  spec('equal', 'fact === value', 'a string, number, boolean or null', primitive('equal')),
  spec('notEqual', 'fact !== value', 'a string, number, boolean or null', primitive('notEqual')),
  spec('in', 'value (an array) holds the fact', 'an array of strings, numbers, booleans or nulls', primitives('in')),
  spec('notIn', 'value (an array) does not hold the fact', 'an array of strings, numbers, booleans or nulls', primitives('notIn')),
  spec('contains', 'the fact (an array) holds the value', 'a string, number, boolean or null', primitive('contains')),
  spec('doesNotContain', 'the fact (an array) does not hold the value', 'a string, number, boolean or null', primitive('doesNotContain')),
  spec('lessThan', 'fact < value (numbers)', 'a number', number('lessThan')),
  spec('lessThanInclusive', 'fact <= value (numbers)', 'a number', number('lessThanInclusive')),
  spec('greaterThan', 'fact > value (numbers)', 'a number', number('greaterThan')),
  spec('greaterThanInclusive', 'fact >= value (numbers)', 'a number', number('greaterThanInclusive')),
];
