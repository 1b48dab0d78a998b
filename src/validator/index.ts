export { createValidator, buildValidator } from './create.js';
export type { RuleMeta, ValidateManyOptions, ValidateOptions, Validator, ValidatorOptions } from './types.js';
