/**
 * The naive baseline the design is measured against: every active rule runs through
 * json-rules-engine for every target (as the engine's `reference` mode does), and nothing is
 * precomputed or shared: each rule run gets a fresh claim context, so its facts (the dx's
 * code-set node, the claim's codes, the Excludes1 partners, …) are computed again for that run
 * alone. Same rule files, operators, data tables and finding format as the real validator,
 * so the two give the same findings (the bench checks it on a sample).
 */
import { parseClaim } from '../src/claim/parse.js';
import type { CodeSetCatalog } from '../src/codeset/types.js';
import { builtinDataDir, builtinRulesDir } from '../src/engine/builtin-paths.js';
import { chooseRules } from '../src/engine/config.js';
import { RuleLoadError, type LoadIssue } from '../src/engine/errors.js';
import { compileRules, type CompiledRule } from '../src/engine/evaluate.js';
import { CodeCache } from '../src/engine/facts/code-cache.js';
import { buildContext } from '../src/engine/facts/context.js';
import { factProviders } from '../src/engine/facts/registry.js';
import type { FactProvider } from '../src/engine/facts/types.js';
import { sortFindings, summarize } from '../src/engine/findings.js';
import { loadRules } from '../src/engine/load-rules.js';
import { mergeTables, readTableDir } from '../src/engine/tables/load.js';
import type { Preset } from '../src/engine/rule-schema.js';
import type { Finding, Report } from '../src/report/types.js';

export interface NaiveValidator {
  validate(input: unknown): Promise<Report>;
}

export function createNaiveValidator(catalog: CodeSetCatalog, preset: Preset = 'recommended'): NaiveValidator {
  const issues: LoadIssue[] = [];
  const tables = mergeTables([readTableDir(builtinDataDir(), issues)], issues);
  if (issues.length > 0) throw new RuleLoadError(issues);
  const rules: readonly CompiledRule[] = compileRules(chooseRules(loadRules([builtinRulesDir()], { tables }), { preset })).rules;
  const providers = new Map<string, FactProvider>(factProviders.map((p) => [p.name, p]));

  return {
    async validate(input) {
      const parsed = parseClaim(input);
      if (!parsed.ok) return { release: null, findings: [], summary: { error: 0, warning: 0, info: 0 }, inputErrors: parsed.errors };
      const claim = parsed.claim;
      const findings: Finding[] = [];
      let release: string | null = null;
      for (const rule of rules) {
        // A fresh context per rule: no fact computed for one rule is reused by another.
        const probe = buildContext(claim, new CodeCache(catalog), tables, providers);
        release = probe.claimFacts.release;
        if (rule.settings && !rule.settings.has(probe.claimFacts.reporting)) continue;
        const count = rule.scope === 'diagnosis' ? probe.dx.length : rule.scope === 'line' ? probe.lines.length : 1;
        for (let i = 0; i < count; i++) {
          const ctx = i === 0 ? probe : buildContext(claim, new CodeCache(catalog), tables, providers);
          const target = rule.scope === 'diagnosis' ? ctx.dx[i] : rule.scope === 'line' ? ctx.lines[i] : undefined;
          const run = await rule.engine.run(rule.runtimeFacts({ ctx, target }));
          if (run.fired) findings.push(rule.finding(run, target));
        }
      }
      sortFindings(findings);
      const report = {} as Report;
      if (claim.id !== undefined) report.id = claim.id;
      report.release = release;
      report.findings = findings;
      report.summary = summarize(findings);
      return report;
    },
  };
}
