import { z } from 'zod';
import { RuleLoadError, zodIssues, type LoadIssue } from './errors.js';
import type { LoadedRule } from './load-rules.js';
import { presetSchema, severitySchema, type Preset, type Severity } from './rule-schema.js';

/** Per-rule setting: turn it off, or on with this severity (replacing every per-case severity). */
export type RuleSetting = 'off' | Severity;

export const ruleSettingSchema = z.union([z.literal('off'), severitySchema], {
  error: 'must be "off", "error", "warning" or "info"',
});

export const ruleConfigSchema = z.strictObject({
  preset: presetSchema.optional(),
  rules: z.record(z.string(), ruleSettingSchema).optional(),
});

export interface RuleConfig {
  /** Which rules run by default: "recommended" (the default) or "strict". */
  preset?: Preset;
  /** Rule id → "off" | severity. A severity also turns on a rule its preset leaves off. */
  rules?: Record<string, RuleSetting>;
}

/** A rule that will run, with the user's severity override if any. */
export interface ActiveRuleChoice {
  loaded: LoadedRule;
  severityOverride: Severity | undefined;
}

/**
 * Picks the rules to run. A rule runs when its `presets` list the chosen preset, unless the
 * configuration turns it off; a severity in the configuration turns it on (even outside its
 * presets) and replaces its severity. Naming a rule that does not exist is an error, so a typo
 * never silently leaves a rule on.
 */
export function chooseRules(loaded: readonly LoadedRule[], config: RuleConfig = {}): ActiveRuleChoice[] {
  const parsed = ruleConfigSchema.safeParse(config);
  if (!parsed.success) throw new RuleLoadError(zodIssues('configuration', parsed.error));
  const preset = parsed.data.preset ?? 'recommended';
  const settings = parsed.data.rules ?? {};
  const ids = new Set(loaded.map((l) => l.rule.id));
  const issues: LoadIssue[] = [];
  for (const id of Object.keys(settings)) {
    if (!ids.has(id)) issues.push({ file: 'configuration', path: `rules.${id}`, message: `no rule "${id}" is loaded` });
  }
  if (issues.length > 0) throw new RuleLoadError(issues);
  const out: ActiveRuleChoice[] = [];
  for (const l of loaded) {
    // Own keys only: a rule id such as "constructor" must not read Object.prototype.
    const setting = Object.hasOwn(settings, l.rule.id) ? settings[l.rule.id] : undefined;
    if (setting === 'off') continue;
    if (setting === undefined && !l.rule.presets.includes(preset)) continue;
    out.push({ loaded: l, severityOverride: setting });
  }
  return out;
}
