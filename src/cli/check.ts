import { stat } from 'node:fs/promises';
import type { Report, Severity } from '../report/types.js';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, UsageError } from './exit.js';
import type { Io } from './io.js';
import { expandInputs, readInputs, type InputItem } from './inputs.js';
import { parseRuleOverrides } from './levels.js';
import { colorsFor } from './output/colors.js';
import { jsonWriter, ndjsonWriter } from './output/json.js';
import { prettyWriter, summaryLine } from './output/pretty.js';
import { bufferedOutput } from './output/buffered.js';
import { sarifWriter } from './output/sarif.js';
import { OUTPUT_FORMATS, type FileProblem, type OutputFormat, type ReportWriter, type RuleInfo, type RunSummary } from './output/types.js';
import { createProgress } from './progress.js';
import { loadValidator, type CliValidator } from './validator.js';
import { packageVersion } from './version.js';

export interface CheckOptions {
  format: string;
  setting?: string;
  preset?: string;
  rule: string[];
  rules: string[];
  progress: boolean;
  data?: string;
  cache: boolean;
}

const SETTINGS = ['outpatient', 'inpatient'] as const;

/** Checks that the option values are ones we know before any file is read. */
function validateOptions(options: CheckOptions): { format: OutputFormat; setting: 'outpatient' | 'inpatient' | undefined } {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got "${options.format}")`);
  }
  if (options.setting !== undefined && !(SETTINGS as readonly string[]).includes(options.setting)) {
    throw new UsageError(`--setting must be outpatient or inpatient (got "${options.setting}")`);
  }
  return { format: options.format as OutputFormat, setting: options.setting as 'outpatient' | 'inpatient' | undefined };
}

function writerFor(format: OutputFormat, io: Io, rules: readonly RuleInfo[]): ReportWriter {
  switch (format) {
    case 'json':
      return jsonWriter();
    case 'ndjson':
      return ndjsonWriter();
    case 'sarif':
      return sarifWriter({ rules, toolVersion: packageVersion() });
    default:
      return prettyWriter(colorsFor(io.stdout, io.env));
  }
}

/**
 * `--setting`: the care setting of institutional claims that do not state one. Professional
 * claims are always outpatient and are left alone; a claim that states its setting keeps it.
 */
export function applySetting(
  claim: Record<string, unknown>,
  setting: 'outpatient' | 'inpatient' | undefined,
): Record<string, unknown> {
  if (setting === undefined || claim.type !== 'institutional' || claim.setting !== undefined) return claim;
  return { ...claim, setting };
}

const ZERO: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

/**
 * The report for one input item: the validator's report, plus the adapter's warnings as
 * inputWarnings and its errors as inputErrors. An item with input errors has no findings (its
 * claim could not be read reliably, so findings on it would mislead).
 */
export function reportFor(item: InputItem, report: Report): Report {
  const out: Report = { ...report };
  if (item.warnings.length) out.inputWarnings = [...item.warnings, ...(report.inputWarnings ?? [])];
  if (item.errors.length) {
    out.inputErrors = item.claim === undefined ? [...item.errors] : [...item.errors, ...(report.inputErrors ?? [])];
    out.findings = [];
    out.summary = { ...ZERO };
  }
  return out;
}

/**
 * `dxlint check`: reads the inputs (streaming NDJSON), checks every claim with the validator
 * (its bounded-concurrency `validateMany`), writes each report as soon as it is ready, in input
 * order, and returns the exit code (see exit.ts).
 */
export async function runCheck(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const started = Date.now();
  const { format, setting } = validateOptions(options);
  const overrides = parseRuleOverrides(options.rule);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('"-" (stdin) can be given only once');

  const problems: FileProblem[] = [];
  const onProblem = (p: FileProblem) => {
    problems.push(p);
    io.stderr.write(`dxlint: ${p.message}\n`);
  };
  const inputs = await expandInputs(files, onProblem);

  const validator: CliValidator = await loadValidator({
    data: options.data,
    cache: options.cache,
    env: io.env,
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    rules: overrides,
    rulePacks: options.rules,
  });

  let totalBytes: number | undefined = 0;
  for (const f of inputs) {
    if (f === '-') totalBytes = undefined;
    else if (totalBytes !== undefined) totalBytes += (await stat(f).catch(() => ({ size: 0 }))).size;
  }
  const progress = createProgress({
    enabled: options.progress,
    totalBytes,
    stderr: io.stderr,
    stdoutIsTTY: Boolean(io.stdout.isTTY),
  });

  const writer = writerFor(format, io, validator.rules);
  const out = bufferedOutput(io.stdout);
  const write = (text: string) => out.write(text);

  // validateMany keeps input order; the items travel alongside in a queue so that each report
  // can be joined with its source and adapter notes.
  const queue: InputItem[] = [];
  async function* claims() {
    for await (const item of readInputs(inputs, { onProblem, onBytes: (n) => progress.bytes(n), stdin: io.stdin })) {
      queue.push(item);
      yield item.claim === undefined ? null : applySetting(item.claim, setting);
    }
  }

  const summary: RunSummary = {
    claims: 0,
    claimsWithFindings: 0,
    claimsWithInputErrors: 0,
    findings: { ...ZERO },
    fileProblems: problems,
    exitCode: EXIT_OK,
    elapsedMs: 0,
  };

  await write(writer.start());
  try {
    for await (const raw of validator.validateMany(claims())) {
      const item = queue.shift();
      if (item === undefined) throw new Error('internal error: more reports than inputs');
      const report = reportFor(item, raw);
      summary.claims += 1;
      if (report.inputErrors?.length) summary.claimsWithInputErrors += 1;
      if (report.findings.length) summary.claimsWithFindings += 1;
      for (const f of report.findings) summary.findings[f.severity] += 1;
      progress.claim();
      await write(writer.item({ report, source: item.source }));
    }
  } finally {
    progress.stop();
  }

  summary.exitCode =
    problems.length || summary.claimsWithInputErrors ? EXIT_INPUT : summary.findings.error ? EXIT_FINDINGS : EXIT_OK;
  summary.elapsedMs = Date.now() - started;
  await write(writer.end(summary));
  await out.flush();
  // The pretty format prints its summary on stdout; the machine formats keep stdout pure, so
  // say it on stderr when a person might be watching.
  if (format !== 'pretty' && io.stderr.isTTY) {
    io.stderr.write(`${summaryLine(summary)}\n`);
  }
  return summary.exitCode;
}
