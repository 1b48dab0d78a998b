/** End to end: `dxlint rules`, `--help`, `--version` and usage errors on the built CLI. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, repoRoot, runCli } from './helpers.js';

const ruleFiles = readdirSync(path.join(repoRoot, 'rules'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(repoRoot, 'rules', f), 'utf8')) as { id: string; severity: string; guideline: string; presets: string[]; title: string });

beforeAll(buildOnce, 300_000);

describe('dxlint rules', () => {
  it('lists every rule file with its severity and citation, without release data', async () => {
    const { code, stdout } = await runCli(['rules']);
    expect(code).toBe(0);
    for (const rule of ruleFiles) {
      const line = stdout.split('\n').find((l) => l.startsWith(`${rule.id} `));
      expect(line, rule.id).toBeDefined();
      const severity = rule.presets.includes('recommended') ? rule.severity : 'off';
      expect(line).toMatch(new RegExp(`^${rule.id} +${severity} +`));
      expect(line!.endsWith(rule.guideline)).toBe(true);
    }
  });

  it('shows overrides: --rule id=off and id=warning', async () => {
    const { stdout } = await runCli(['rules', '--rule', 'code-unknown=off', '--rule', 'code-format=warning']);
    expect(stdout).toMatch(/^code-unknown +off /m);
    expect(stdout).toMatch(/^code-format +warning /m);
  });

  it('prints one rule\'s docs: title, citation, what, why, examples', async () => {
    const rule = ruleFiles.find((r) => r.id === 'z23-after-exam')!;
    const { code, stdout } = await runCli(['rules', 'z23-after-exam']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`z23-after-exam: ${rule.title}`);
    expect(stdout).toContain(rule.guideline);
    for (const heading of ['What it checks', 'Why, and the exceptions', 'Message', 'Fires on', 'Does not fire on']) {
      expect(stdout).toContain(heading);
    }
  });

  it('an unknown rule id: exit 2 with suggestions', async () => {
    const { code, stderr } = await runCli(['rules', 'z23-order']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no rule "z23-order"; did you mean .*z23-after-exam/);
  });

  it('--json lists the rule metadata', async () => {
    const rules = JSON.parse((await runCli(['rules', '--json'])).stdout) as { id: string }[];
    expect(rules.map((r) => r.id).sort()).toEqual(ruleFiles.map((r) => r.id).sort());
  });
});

describe('help, version and usage errors', () => {
  it('--help explains the commands, the data, examples and exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const text of ['check [options] <files...>', 'code [options] <code>', 'rules [options] [id]', 'data', '--data <dir>', 'DXLINT_DATA', 'Exit codes:', 'Examples:']) {
      expect(stdout).toContain(text);
    }
  });

  it('check --help describes inputs, formats and options', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    for (const text of ['--format <format>', '--setting <setting>', '--preset <name>', '--rule <id=level>', '--rules <dir>', 'NDJSON', 'sarif', 'X12 837']) {
      expect(stdout).toContain(text);
    }
  });

  it('data build --help and code --help', async () => {
    expect((await runCli(['data', 'build', '--help'])).stdout).toMatch(/Compile the release files/);
    expect((await runCli(['code', '--help'])).stdout).toMatch(/--date <yyyy-mm-dd>/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('no command: help on stderr as a reminder, exit 2; "help check" is help asked for, exit 0', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: dxlint');
    const help = await runCli(['help', 'check']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dxlint check');
  });

  it('an unknown command or option exits 2', async () => {
    const command = await runCli(['lint']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'lint'/);
    expect((await runCli(['check', '--frmat', 'json', 'x.json'])).code).toBe(2);
  });
});
