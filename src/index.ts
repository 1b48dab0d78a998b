/**
 * dxlint: checks the ICD-10-CM diagnosis codes of a claim against the official code set in
 * force on the date of service and against rules from the ICD-10-CM Official Guidelines.
 *
 * @example
 * import { createValidator } from 'dxlint';
 * const validator = await createValidator({ data: './icd10cm' });
 * const report = await validator.validate(claim);
 */

// Validator
export { createValidator, buildValidator } from './validator/index.js';
export type { RuleMeta, ValidateManyOptions, ValidateOptions, Validator, ValidatorOptions } from './validator/index.js';

// Batches on worker threads (piscina is loaded only when a batch validator is created)
export { createBatchValidator } from './batch/index.js';
export type { BatchValidator, BatchOptions, BatchWorkerOptions } from './batch/index.js';

// Findings and reports
export type { Finding, Related, Report, Severity, Summary } from './report/types.js';

// Claims
export { parseClaim, claimSchema, claimDate, claimSetting } from './claim/index.js';
export type { Claim, ClaimInput, Diagnosis, ServiceLine, InputError, ParseResult } from './claim/index.js';

// Code set
export { loadCatalog, loadRelease, DataError, FormatError } from './codeset/index.js';
export type {
  CodeSet,
  CodeSetCatalog,
  CodeNode,
  CodeKind,
  CodeRef,
  Note,
  NoteKind,
  ReleaseInfo,
  Validity,
  CodeChange,
} from './codeset/types.js';
export { normalizeCode, formatCode, isWellFormedCode } from './code/normalize.js';

// Input adapters (FHIR R4, X12 837P/837I)
export { readFhir, readX12, detectFormat } from './adapters/index.js';
export type { AdaptedClaim, AdapterResult, InputFormat, ReadFhirOptions } from './adapters/index.js';

// Rules
export { RuleLoadError, type LoadIssue } from './engine/errors.js';
export { ruleFileSchema, type RuleFile, type RuleInput, type Preset, type Setting } from './engine/rule-schema.js';
export type { RuleSetting, RuleConfig } from './engine/config.js';
export type { EvaluationMode } from './engine/evaluate.js';
export type { RuleSource } from './engine/load-rules.js';
export type { DataTable, TableEntry, Citation } from './engine/tables/types.js';
export type { FactProvider, ClaimContext, Scope } from './engine/facts/types.js';
