import type { Checked, ReportWriter } from './types.js';

/**
 * The report as printed by `--format json` and `--format ndjson`: the library's Report with a
 * leading `source` ("file", "file:line" for NDJSON, plus the adapter's locator) so that a
 * report can be traced back to its input. Every other field is the Report contract unchanged.
 */
export function outputRecord({ report, source }: Checked): Record<string, unknown> {
  const src: Record<string, unknown> = { file: source.file === '-' ? '<stdin>' : source.file };
  if (source.line !== undefined) src.line = source.line;
  if (source.where !== undefined) src.where = source.where;
  return { source: src, ...report };
}

/**
 * `--format json`: one JSON array of reports in input order. Written as it goes (`[`, the
 * items, `]`) so that a large batch never sits in memory as a whole.
 */
export function jsonWriter(): ReportWriter {
  let first = true;
  return {
    start: () => '[',
    item(checked) {
      const text = JSON.stringify(outputRecord(checked), null, 2).replace(/\n/g, '\n  ');
      const sep = first ? '\n  ' : ',\n  ';
      first = false;
      return sep + text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** `--format ndjson`: one report per line, in input order. */
export function ndjsonWriter(): ReportWriter {
  return {
    start: () => '',
    item: (checked) => `${JSON.stringify(outputRecord(checked))}\n`,
    end: () => '',
  };
}
