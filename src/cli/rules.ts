import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleMeta } from '../validator/index.js';
import { UsageError } from './exit.js';
import type { Io } from './io.js';
import { parseRuleOverrides } from './levels.js';
import { colorsFor, type Colors } from './output/colors.js';
import { ruleSet } from './validator.js';

export interface RulesOptions {
  preset?: string;
  rule: string[];
  rules: string[];
  json: boolean;
}

/** Wraps text at `width` columns with an indent (rule details are long paragraphs). */
export function wrap(text: string, indent: string, width = 100): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) out.push(indent + line);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

function listing(rules: readonly RuleMeta[], preset: string, c: Colors): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length), 2);
  const out = [c.bold(`${'id'.padEnd(idWidth)}  severity  citation`)];
  for (const r of rules) {
    const severity = r.enabled ? r.severity : 'off';
    const sev = severity === 'error' ? c.red : severity === 'warning' ? c.yellow : severity === 'info' ? c.blue : c.dim;
    out.push(`${r.id.padEnd(idWidth)}  ${sev(severity.padEnd(8))}  ${r.guideline}`);
  }
  const on = rules.filter((r) => r.enabled).length;
  out.push(
    '',
    `${rules.length} rules, ${on} on with preset "${preset}" ("off": not in this preset or turned off).`,
    'dxlint rules <id> prints a rule\'s docs; --rule <id>=<level> changes a severity.',
  );
  return `${out.join('\n')}\n`;
}

interface RuleDocs {
  message?: string;
  docs?: { invalid?: unknown; valid?: unknown };
}

/** The rule file's message template and examples (RuleMeta carries the prose, not these). */
function readDocs(file: string): RuleDocs {
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RuleDocs;
  } catch {
    return {};
  }
}

function page(rule: RuleMeta, preset: string, c: Colors): string {
  const file = readDocs(rule.file);
  const row = (label: string, value: string) => `  ${c.dim(label.padEnd(10))} ${value}`;
  const out = [
    `${c.bold(rule.id)}: ${rule.title}`,
    row('severity', rule.enabled ? rule.severity : `off with preset "${preset}" (default ${rule.severity})`),
    row('citation', rule.guideline),
    row('scope', `per ${rule.scope}`),
    row('settings', rule.settings?.join(', ') ?? 'all (professional, outpatient, inpatient)'),
    row('presets', rule.presets.join(', ')),
  ];
  if (rule.file) out.push(row('file', path.relative(process.cwd(), rule.file) || rule.file));
  out.push('', c.bold('What it checks'), wrap(rule.description, '  '), '', c.bold('Why, and the exceptions'), wrap(rule.details, '  '));
  if (file.message) out.push('', c.bold('Message'), wrap(file.message, '  '));
  if (file.docs?.invalid !== undefined) out.push('', c.bold('Fires on'), `  ${JSON.stringify(file.docs.invalid)}`);
  if (file.docs?.valid !== undefined) out.push('', c.bold('Does not fire on'), `  ${JSON.stringify(file.docs.valid)}`);
  return `${out.join('\n')}\n`;
}

/** Rule ids that look like what the user typed (shared words), for "did you mean". */
function similar(rules: readonly RuleMeta[], id: string): string[] {
  const words = id.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  return rules.filter((r) => words.some((w) => r.id.includes(w))).map((r) => r.id).slice(0, 5);
}

/**
 * `dxlint rules [id]`: the rule list (id, severity as configured, citation) or one rule's
 * docs. Needs no release data.
 */
export async function runRules(id: string | undefined, options: RulesOptions, io: Io): Promise<number> {
  const preset = options.preset ?? 'recommended';
  const validator = ruleSet({ preset, rules: parseRuleOverrides(options.rule), rulePacks: options.rules });
  const colors = colorsFor(io.stdout, io.env);
  const rules = validator.rules;
  if (id === undefined) {
    io.stdout.write(options.json ? `${JSON.stringify(rules, null, 2)}\n` : listing(rules, preset, colors));
    return 0;
  }
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const close = similar(rules, id);
    throw new UsageError(
      `no rule "${id}"${close.length ? `; did you mean ${close.join(', ')}?` : ''} ("dxlint rules" lists them)`,
    );
  }
  io.stdout.write(options.json ? `${JSON.stringify({ ...rule, ...readDocs(rule.file) }, null, 2)}\n` : page(rule, preset, colors));
  return 0;
}
