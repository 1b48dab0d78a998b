import { UsageError } from './exit.js';

export const RULE_LEVELS = ['off', 'error', 'warning', 'info'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/**
 * Parses repeated `--rule id=level` options into the validator's `rules` map. The last
 * setting of a rule wins, as in ESLint.
 */
export function parseRuleOverrides(values: readonly string[]): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  for (const value of values) {
    const match = /^\s*([A-Za-z0-9][\w.-]*)\s*[=:]\s*(\w+)\s*$/.exec(value);
    if (!match) {
      throw new UsageError(`--rule "${value}": expected <rule-id>=<level>, e.g. --rule duplicate-diagnosis=off`);
    }
    const level = match[2]!.toLowerCase();
    if (!(RULE_LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--rule "${value}": level must be one of ${RULE_LEVELS.join(', ')}`);
    }
    out[match[1]!] = level as RuleLevel;
  }
  return out;
}
