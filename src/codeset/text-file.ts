import { FormatError } from './errors.js';
import type { LoadDiagnostic } from './types.js';

/** Decodes a release file: UTF-8 (the official text files are plain ASCII), without a BOM. */
export function decodeText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Calls `fn` for each line with its 1-based number. CRLF and LF both end a line; the final
 * line break is optional. Faster than `split` on the 15 MB order file and keeps line numbers.
 */
export function forEachLine(text: string, fn: (line: string, lineNo: number) => void): number {
  let start = 0;
  let lineNo = 0;
  const end = text.length;
  while (start < end) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = end;
    const stop = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    fn(text.slice(start, stop), ++lineNo);
    start = nl + 1;
  }
  return lineNo;
}

/** How many bad lines a file may have before it is refused (a handful is tolerated). */
export const MAX_BAD_LINES = 10;
/** At most this many bad lines are reported one by one; the rest are counted. */
const REPORTED_BAD_LINES = 20;

/**
 * Collects malformed lines of one file. A few become warnings (with file and line number)
 * and the release still loads; more than {@link MAX_BAD_LINES}, or half the file, and the
 * file is refused with a {@link FormatError}: it is not the format we think it is.
 */
export class LineProblems {
  private readonly items: { line: number; message: string }[] = [];
  count = 0;

  constructor(
    readonly file: string,
    /** E.g. "order file": used in messages. */
    readonly what: string,
  ) {}

  add(line: number, message: string): void {
    this.count++;
    if (this.items.length < REPORTED_BAD_LINES) this.items.push({ line, message });
  }

  /** Throws when the file is mostly not what we expect. */
  check(totalLines: number): void {
    if (this.count === 0) return;
    if (this.count > MAX_BAD_LINES || this.count * 2 >= totalLines) {
      const first = this.items[0]!;
      const shown = this.items.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join('; ');
      throw new FormatError(
        `${this.file}: ${this.count} of ${totalLines} lines are not valid ${this.what} lines (${shown}). ` +
          `Is this the official CDC/NCHS file, unmodified?`,
        this.file,
        first.line,
      );
    }
  }

  diagnostics(): LoadDiagnostic[] {
    const out: LoadDiagnostic[] = this.items.map((p) => ({
      level: 'warning',
      kind: 'malformed-line',
      message: `${this.file} line ${p.line}: ${p.message}; the line was skipped`,
      file: this.file,
      line: p.line,
    }));
    if (this.count > this.items.length) {
      out.push({
        level: 'warning',
        kind: 'malformed-line',
        message: `${this.file}: ${this.count - this.items.length} more malformed lines were skipped`,
        file: this.file,
        count: this.count - this.items.length,
      });
    }
    return out;
  }
}
