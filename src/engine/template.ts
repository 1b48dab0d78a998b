/**
 * Message templates: text with `{{placeholders}}`. A placeholder is either a rule param
 * (`{{count}}`) or a fact field (`{{dx.dotted}}`, `{{claim.date}}`, `{{line.number}}`).
 * Placeholders are checked when the rule is loaded, so a typo never reaches a biller.
 */

export type TemplatePart = { text: string } | { name: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Splits a template; returns an error message when a placeholder is malformed. */
export function parseTemplate(template: string): TemplatePart[] | { error: string } {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!NAME.test(name)) {
      return { error: `placeholder "{{${name}}}" must be a param name or fact.field (e.g. "{{dx.dotted}}")` };
    }
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ name });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  const rest = parts.filter((p): p is { text: string } => 'text' in p).map((p) => p.text).join('');
  if (rest.includes('{{') || rest.includes('}}')) return { error: 'unbalanced "{{" or "}}" in the message' };
  return parts;
}

/** How a value appears in a message: lists joined with ", ", nothing for null/undefined. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fills a parsed template from resolved values (by placeholder name). */
export function renderTemplate(parts: readonly TemplatePart[], values: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const p of parts) out += 'text' in p ? p.text : formatValue(values[p.name]);
  return out;
}
