import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { END, START, readRuleFiles, ruleTable, withRuleTable } from '../../scripts/rule-table.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('README rule table', () => {
  it('matches rules/*.json (run `npm run docs` after changing a rule)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const expected = withRuleTable(readme, ruleTable(readRuleFiles(path.join(root, 'rules'))));
    expect(readme).toBe(expected);
  });

  it('has one row per rule file', () => {
    const rules = readRuleFiles(path.join(root, 'rules'));
    const table = ruleTable(rules);
    for (const rule of rules) expect(table).toContain(`| \`${rule.id}\` |`);
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(rules.length);
  });

  it('escapes pipes and refuses a README without markers', () => {
    expect(ruleTable([{ id: 'x', title: 'a | b' }])).toContain('a \\| b');
    expect(() => withRuleTable('# no markers', 't')).toThrow(/markers/);
    expect(withRuleTable(`a\n${START}\nold\n${END}\nb`, 'new')).toBe(`a\n${START}\nnew\n${END}\nb`);
  });
});
