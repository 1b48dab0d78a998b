import type { CodeSetCatalog } from '../codeset/types.js';
import type { Report } from '../report/types.js';
import { buildValidator, type RuleMeta, type Validator } from '../validator/index.js';
import { loadData } from './data.js';
import type { RuleLevel } from './levels.js';
import type { RuleInfo } from './output/types.js';

export interface ValidatorChoice {
  preset?: string;
  rules: Record<string, RuleLevel>;
  rulePacks: string[];
}

/** What the check command needs from the validator. */
export interface CliValidator {
  rules: RuleInfo[];
  validateMany(inputs: AsyncIterable<unknown>): AsyncIterable<Report>;
}

/** Claims held in flight at once by `check` (validateMany's window); bounds memory on big batches. */
export const CONCURRENCY = 32;

export const ruleInfo = (r: RuleMeta): RuleInfo => ({
  id: r.id,
  title: r.title,
  severity: r.severity,
  guideline: r.guideline,
  description: r.description,
});

/** The validator for `check`: release data from --data / DXLINT_DATA, rules as chosen. */
export async function loadValidator(
  options: ValidatorChoice & { data?: string; cache: boolean; env: NodeJS.ProcessEnv },
): Promise<CliValidator> {
  const catalog = await loadData(options);
  const validator = buildValidator(catalog, validatorOptions(options));
  return {
    rules: validator.rules.filter((r) => r.enabled).map(ruleInfo),
    validateMany: (inputs) => validator.validateMany(inputs, { concurrency: CONCURRENCY }),
  };
}

function validatorOptions(choice: ValidatorChoice) {
  return {
    ...(choice.preset ? { preset: choice.preset as 'recommended' | 'strict' } : {}),
    rules: choice.rules,
    rulePacks: choice.rulePacks,
  };
}

/**
 * A catalog with no release, for listing rules: the rules and their docs do not depend on the
 * code set, and `dxlint rules` should work before any release file is downloaded. Any claim
 * checked against it would get "no release governs the date".
 */
const NO_RELEASES: CodeSetCatalog = {
  releases: [],
  forDate: () => undefined,
  validity: () => ({ valid: false, release: undefined, reason: 'no-release' }),
  validIn: () => [],
  changes: () => [],
};

/** The rule set as `check` would run it with these options, without loading release data. */
export function ruleSet(choice: ValidatorChoice): Validator {
  return buildValidator(NO_RELEASES, validatorOptions(choice));
}
