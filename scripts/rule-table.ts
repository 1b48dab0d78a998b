// `npm run docs`: regenerates the rule table in README.md (between the rules:start and
// rules:end markers) from rules/*.json, so the table cannot drift from the rule files.
// test/cli/readme.test.ts fails when the README table differs from what this would write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

interface RuleFile {
  id: string;
  title?: string;
  severity?: string;
  guideline?: string;
  scope?: string;
  settings?: string[];
  presets?: string[];
}

/** Reads every rule file of a folder (sorted by file name), keeping only what the table shows. */
export function readRuleFiles(dir: string): RuleFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      let rule: RuleFile;
      try {
        rule = JSON.parse(readFileSync(file, 'utf8')) as RuleFile;
      } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof rule.id !== 'string') throw new Error(`${file}: no "id"`);
      return rule;
    });
}

/** Markdown-safe table cell. */
const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/** The table: one row per rule, sorted by id. */
export function ruleTable(rules: readonly RuleFile[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| \`${r.id}\` | ${cell(r.severity)} | ${cell(r.scope)} | ${cell(r.settings?.join(', ') ?? 'all')} | ` +
        `${cell(r.presets?.join(', '))} | ${cell(r.title)} | ${cell(r.guideline)} |`,
    );
  return [
    `_${rules.length} rules, generated from \`rules/*.json\` by \`npm run docs\`; \`npx dxlint rules <id>\` prints a rule's full docs._`,
    '',
    '| id | default severity | scope | settings | presets | what it checks | citation |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The README text with the table between the markers replaced. Throws if a marker is missing. */
export function withRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END} (in this order)`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const before = readFileSync(readmePath, 'utf8');
  const after = withRuleTable(before, ruleTable(readRuleFiles(path.join(root, 'rules'))));
  if (after === before) {
    console.log('README.md rule table is up to date.');
  } else {
    writeFileSync(readmePath, after);
    console.log('README.md rule table updated.');
  }
}
