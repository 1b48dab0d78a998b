import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './check.js';
import { runCode } from './code/command.js';
import { runDataBuild } from './data-build.js';
import { EXIT_INPUT } from './exit.js';
import type { Io } from './io.js';
import { runRules } from './rules.js';
import { packageVersion } from './version.js';

const collect = (value: string, previous: string[]) => [...previous, value];

const MAIN_HELP = `
What it checks:
  Every diagnosis code against the official CDC/NCHS ICD-10-CM release in force on the
  claim's date of service (valid, billable, 7th character, deleted or not yet valid), and
  against rules from the ICD-10-CM Official Guidelines for Coding and Reporting (sequencing,
  Excludes1, maternal/newborn, age and sex, pointers…). "dxlint rules" lists them.

Release data (needed by check, code and data build):
  Get the "Code Descriptions" zip of each fiscal year from CDC/NCHS
  (https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/) or CMS, plus the
  Tabular List XML for notes, put them (zipped or not) in one folder, and pass
  --data <folder> or set DXLINT_DATA=<folder>. "dxlint data build" compiles them once
  into a cache so later runs start fast.

Examples:
  $ dxlint check claims.ndjson --data ./icd10cm
  $ dxlint check claim.json 837p.x12 fhir-bundle.json --format json > reports.json
  $ cat claims.ndjson | dxlint check - --format ndjson --rule duplicate-diagnosis=off
  $ dxlint code Z53
  $ dxlint code S52.521A --date 2025-06-01
  $ dxlint rules z23-after-exam

Exit codes:
  0  no finding at error level (warnings and info are allowed)
  1  at least one finding at error level
  2  bad usage, no release data, an unreadable file, or a claim that could not be read
     (counts even when the rest of the batch was checked)
`;

const CHECK_HELP = `
Inputs:
  Each file is read by its content: a claim JSON object or an array of them, NDJSON (one
  claim per line; also chosen by the .ndjson / .jsonl extension), a FHIR R4 Claim or
  ExplanationOfBenefit or a Bundle of them, or an X12 837P / 837I file. A folder stands for
  its .json, .ndjson, .jsonl, .x12, .edi and .837 files. "-" reads stdin.
  NDJSON is streamed: files of any size are checked in constant memory, and reports are
  written as they are ready, in input order. A line that is not a valid claim gets a report
  with inputErrors and the batch goes on.

Claim JSON (the fields dxlint reads; others are ignored):
  {"id":"A1","type":"professional","serviceDate":"2026-01-20",
   "patient":{"birthDate":"2021-05-10","sex":"F"},
   "diagnoses":[{"code":"Z00.129"},{"code":"Z23"}],
   "lines":[{"procedureCode":"90460","diagnosisPointers":[2]}]}
  type is "professional" (837P/CMS-1500, always outpatient) or "institutional" (837I/UB-04,
  "setting": "outpatient" or "inpatient"; statementFrom/statementThrough dates).

Output formats:
  pretty  one block per claim, one line per finding, a summary line (colour on a terminal
          unless NO_COLOR is set)
  json    one JSON array of reports in input order; each report is
          {source, id, release, findings[], summary, inputErrors?, inputWarnings?}
  ndjson  one report per line
  sarif   SARIF 2.1.0 for code-scanning tools; results point at the file (and NDJSON line)

Examples:
  $ dxlint check fixtures/demo --data ../shared/icd10cm
  $ dxlint check big.ndjson --format ndjson --no-progress > reports.ndjson
  $ dxlint check claims.json --preset strict --rule sex-conflict=off --rule excludes1=error
  $ dxlint check claims.json --rules ./my-payer-pack
  $ dxlint check ub04.json --setting inpatient
`;

const CODE_HELP = `
Shows the code's title, whether it is billable or a header, its chapter, section, category
and parent, its instructional notes (its own and inherited, with the code each comes from),
7th characters, the billable codes under it, and its status in every loaded release.
Codes may be dotted or not, in any case. Exit 0 when found, 1 when not (with the nearest
existing code), 2 for bad options or missing data.

Examples:
  $ dxlint code Z53
  $ dxlint code s52521a
  $ dxlint code B88.0 --date 2025-03-01
  $ dxlint code Z00.12 --json
`;

const RULES_HELP = `
Lists the rules with their id, severity and guideline citation; with an id, prints the rule's
docs (what it checks, why, the exceptions, and a failing and a passing example).
--preset, --rule and --rules show the rule set as "check" would run it with those options.

Examples:
  $ dxlint rules
  $ dxlint rules --preset strict
  $ dxlint rules code-not-billable
`;

const DATA_BUILD_HELP = `
Reads the official release files under the folder (or a CDC/CMS zip), compiles each release
into the cache (node_modules/.cache/dxlint, or DXLINT_CACHE), and prints what was found.
"check" and "code" do this on first use anyway; run it once after downloading new files.

Example:
  $ dxlint data build ../shared/icd10cm
`;

/**
 * Builds the `dxlint` command tree. Every action resolves to an exit code through `setExit`;
 * usage errors reported by commander itself exit 2 (see main.ts).
 */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('dxlint');
  program
    .description('Check the ICD-10-CM diagnosis codes on health-insurance claims before submission.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpCommand('help [command]', 'show help for a command')
    .option('--data <dir>', 'folder or zip with the ICD-10-CM release files (default: $DXLINT_DATA)')
    .option('--no-cache', 'read the release files directly; do not use or write the compiled cache')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText('after', MAIN_HELP);

  program
    .command('check')
    .summary('check claims: JSON, NDJSON, FHIR or X12 837 files ("-" = stdin)')
    .description('Check the diagnosis codes of the claims in the files against the release data and the rules.')
    .argument('<files...>', 'claim files or folders; "-" reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'ndjson', 'sarif']).default('pretty'))
    .addOption(
      new Option('--setting <setting>', 'care setting of institutional claims that do not state one (professional claims are always outpatient)').choices([
        'outpatient',
        'inpatient',
      ]),
    )
    .addOption(new Option('--preset <name>', 'rule preset').choices(['recommended', 'strict']).default('recommended'))
    .option('--rule <id=level>', 'turn a rule off or change its severity: off, error, warning or info (repeatable)', collect, [])
    .option('--rules <dir>', 'add the rule files (*.json) of a rule pack folder (repeatable)', collect, [])
    .option('--no-progress', 'never show the progress bar (shown on stderr for long batches when stderr is a terminal)')
    .addHelpText('after', CHECK_HELP)
    .action(async (files: string[], opts, cmd: Command) => {
      const all = cmd.optsWithGlobals();
      setExit(
        await runCheck(
          files,
          {
            format: opts.format,
            setting: opts.setting,
            preset: opts.preset,
            rule: opts.rule,
            rules: opts.rules,
            progress: opts.progress,
            data: all.data,
            cache: all.cache,
          },
          io,
        ),
      );
    });

  program
    .command('code')
    .summary('look a code up: title, billable, where it sits, notes, billable codes under it')
    .description('Show what the release data says about one ICD-10-CM code.')
    .argument('<code>', 'an ICD-10-CM code, dotted or not (e.g. Z53, Z00.129, s52521a)')
    .option('--date <yyyy-mm-dd>', 'use the release in force on this date (default: the latest loaded release)')
    .option('--all', 'list every billable code under it (default: the first 50)', false)
    .option('--json', 'print the facts as JSON', false)
    .addHelpText('after', CODE_HELP)
    .action(async (code: string, opts, cmd: Command) => {
      const all = cmd.optsWithGlobals();
      setExit(await runCode(code, { date: opts.date, json: opts.json, all: opts.all, data: all.data, cache: all.cache }, io));
    });

  program
    .command('rules')
    .summary('list the rules, or print one rule\'s docs')
    .description('List the rules (id, severity, citation), or print the docs of one rule.')
    .argument('[id]', 'a rule id')
    .addOption(new Option('--preset <name>', 'rule preset').choices(['recommended', 'strict']).default('recommended'))
    .option('--rule <id=level>', 'as for check (repeatable)', collect, [])
    .option('--rules <dir>', 'as for check: add a rule pack folder (repeatable)', collect, [])
    .option('--json', 'print the rule metadata as JSON', false)
    .addHelpText('after', RULES_HELP)
    .action(async (id: string | undefined, opts) => {
      setExit(await runRules(id, { preset: opts.preset, rule: opts.rule, rules: opts.rules, json: opts.json }, io));
    });

  const data = program
    .command('data')
    .summary('manage the ICD-10-CM release data')
    .description('Manage the ICD-10-CM release data.');
  data
    .command('build')
    .description('Compile the release files of a folder (or zip) into the cache.')
    .argument('[dir]', 'folder or zip with the release files (default: --data or $DXLINT_DATA)')
    .addHelpText('after', DATA_BUILD_HELP)
    .action(async (dir: string | undefined, _opts, cmd: Command) => {
      const all = cmd.optsWithGlobals();
      setExit(await runDataBuild(dir, { data: all.data, cache: all.cache }, io));
    });

  return program;
}

/**
 * Commander's own exits: help and version asked for are fine (0); anything else — an unknown
 * option or command, a missing argument, no command at all (help shown as a reminder) — is a
 * usage error (2). Commander would use 1, which here means "findings at error level".
 */
export function commanderExit(error: CommanderError): number {
  return error.exitCode === 0 ? 0 : EXIT_INPUT;
}
