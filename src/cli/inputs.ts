import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { InputError } from '../claim/parse.js';
import { adaptText, adaptValue, type Adapted } from './adapt.js';
import type { FileProblem, Source } from './output/types.js';

/** One claim to check, or one record that could not become a claim, with where it came from. */
export interface InputItem {
  source: Source;
  /** Claim-model object for the validator; undefined when nothing could be read. */
  claim: Record<string, unknown> | undefined;
  /** Problems that make the claim uncheckable: the report shows them as inputErrors. */
  errors: InputError[];
  /** Caveats from the adapters: the report shows them as inputWarnings. */
  warnings: InputError[];
}

export interface ReadOptions {
  /** A file that could not be read at all; reading goes on with the next file. */
  onProblem(problem: FileProblem): void;
  /** Bytes consumed, for the progress bar. */
  onBytes?(n: number): void;
  stdin?: NodeJS.ReadableStream;
}

/** File name endings that select NDJSON without looking inside. */
const NDJSON_EXT = new Set(['.ndjson', '.jsonl']);
/** Files picked up when a folder is given. */
const KNOWN_EXT = new Set(['.json', '.ndjson', '.jsonl', '.x12', '.edi', '.837']);
/** How much of a file is read to tell JSON from NDJSON from X12. */
const SNIFF_BYTES = 64 * 1024;

const BOM = /^\uFEFF/;

/**
 * Expands the command-line inputs: a folder stands for its claim files (by extension, sorted,
 * not recursive); "-" is stdin. Missing paths are reported and skipped.
 */
export async function expandInputs(args: readonly string[], onProblem: (p: FileProblem) => void): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    try {
      const st = await stat(arg);
      if (st.isDirectory()) {
        const entries = (await readdir(arg, { withFileTypes: true }))
          .filter((e) => e.isFile() && KNOWN_EXT.has(path.extname(e.name).toLowerCase()))
          .map((e) => path.join(arg, e.name))
          .sort();
        if (entries.length === 0) {
          onProblem({ file: arg, message: `${arg}: folder has no claim files (${[...KNOWN_EXT].join(', ')})` });
        }
        out.push(...entries);
      } else {
        out.push(arg);
      }
    } catch (error) {
      onProblem({ file: arg, message: fileMessage(arg, error) });
    }
  }
  return out;
}

/** "claims.json: no such file" and friends, without Node's errno noise. */
export function fileMessage(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = file === '-' ? '<stdin>' : file;
  if (code === 'ENOENT') return `${name}: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${name}: permission denied`;
  if (code === 'EISDIR') return `${name}: is a folder`;
  return `${name}: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * True when text starts like NDJSON: its first non-blank line is on its own a complete JSON
 * object. A pretty-printed JSON document starts with a lone "{" or "[" and fails this; a
 * single-line JSON object passes, and reading it as one NDJSON record gives the same claims.
 */
export function looksLikeNdjson(head: string): boolean {
  const text = head.replace(BOM, '');
  const match = /^\s*([^\r\n]*)\r?\n?/.exec(text);
  const line = match?.[1]?.trim() ?? '';
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Reads every input in order and yields one item per claim (or per unreadable record). NDJSON
 * is streamed line by line with readline, so a file of any size is never held in memory; JSON,
 * FHIR and X12 files are read whole (they are single documents).
 */
export async function* readInputs(files: readonly string[], options: ReadOptions): AsyncGenerator<InputItem> {
  for (const file of files) {
    try {
      if (file === '-') yield* readStdin(options);
      else yield* readFileInput(file, options);
    } catch (error) {
      options.onProblem({ file, message: fileMessage(file, error) });
    }
  }
}

async function* readFileInput(file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  if (NDJSON_EXT.has(path.extname(file).toLowerCase())) {
    yield* ndjsonItems(createReadStream(file), file, options);
    return;
  }
  const head = await readHead(file);
  if (looksLikeNdjson(head)) {
    yield* ndjsonItems(createReadStream(file), file, options);
    return;
  }
  const bytes = await readFile(file);
  options.onBytes?.(bytes.length);
  yield* textItems(bytes, file, options);
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** stdin has no name and cannot be re-read: sniff the first chunk(s), then go on from there. */
async function* readStdin(options: ReadOptions): AsyncGenerator<InputItem> {
  const stream = options.stdin ?? process.stdin;
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let headText = '';
  let done = false;
  // Enough to see the first line (or the whole input, if shorter).
  while (!done && !/\S[^\n]*\n/.test(headText) && headText.length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) done = true;
    else {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      head.push(chunk);
      headText += chunk.toString('utf8');
    }
  }
  async function* rest() {
    try {
      for (const chunk of head) yield chunk;
      if (done) return;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Stopped early (the consumer went away): release the stream too.
      if (!done) await chunks.return?.();
    }
  }
  if (looksLikeNdjson(headText)) {
    yield* ndjsonItems(Readable.from(rest()), '-', options);
    return;
  }
  const all: Buffer[] = [];
  for await (const chunk of rest()) all.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const bytes = Buffer.concat(all);
  options.onBytes?.(bytes.length);
  yield* textItems(bytes, '-', options);
}

/**
 * NDJSON: one JSON value per line, blank lines skipped. A line that is not JSON becomes an
 * item with an input error naming the line, and reading goes on.
 */
async function* ndjsonItems(input: NodeJS.ReadableStream, file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      options.onBytes?.(Buffer.byteLength(raw) + 1);
      const line = lineNumber === 1 ? raw.replace(BOM, '') : raw;
      if (line.trim() === '') continue;
      const source: Source = { file, line: lineNumber };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        yield errorItem(source, `line ${lineNumber} is not valid JSON: ${(error as Error).message}`);
        continue;
      }
      if (Array.isArray(value)) {
        yield errorItem(source, `line ${lineNumber} holds a JSON array; NDJSON needs one claim object per line`);
        continue;
      }
      yield* fromAdapted(adaptValue(value), source, true);
    }
  } finally {
    // Also when the consumer stops early: close the file (or release stdin).
    lines.close();
    (input as Readable).destroy?.();
  }
}

/** A whole-file input: X12 837, a FHIR resource or Bundle, a claim object or an array of them. */
async function* textItems(bytes: Buffer, file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const name = file === '-' ? '<stdin>' : file;
  const result = adaptText(bytes.toString('utf8').replace(BOM, ''), bytes);
  if ('problem' in result) {
    options.onProblem({ file, message: `${name}: ${result.problem}` });
    return;
  }
  if ('ndjson' in result) {
    yield* ndjsonItems(Readable.from([bytes]), file, { ...options, onBytes: undefined });
    return;
  }
  if ('elements' in result) {
    for (const [i, element] of result.elements.entries()) yield* fromAdapted(adaptValue(element, `[${i}]`), { file, where: `[${i}]` }, true);
    return;
  }
  yield* fromAdapted(result, { file }, false);
  for (const e of result.errors) options.onProblem({ file, message: `${name}: ${e.message}` });
}

function* fromAdapted(result: Adapted, source: Source, errorsAsItem: boolean): Generator<InputItem> {
  for (const c of result.claims) {
    yield { source: c.source ? { ...source, where: c.source } : source, claim: c.claim, errors: c.errors, warnings: c.warnings };
  }
  // Record-level problems of one NDJSON line belong to that line's report; those of a whole
  // file are file problems (reported by the caller).
  if (errorsAsItem && result.errors.length) {
    yield { source, claim: undefined, errors: result.errors, warnings: [] };
  }
}

function errorItem(source: Source, message: string): InputItem {
  return { source, claim: undefined, errors: [{ path: '', message }], warnings: [] };
}
