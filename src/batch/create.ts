import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../report/types.js';
import type { BatchOptions, BatchTask, BatchWorkerOptions } from './options.js';

/** Checks many claims on worker threads. Build it once, reuse it, `destroy()` it at the end. */
export interface BatchValidator {
  /** Worker threads in the pool. */
  readonly threads: number;
  /** Checks every claim; reports come back in input order. Never rejects for a bad claim (it gets inputErrors). */
  validateAll(claims: readonly unknown[]): Promise<Report[]>;
  /**
   * Checks a stream of claims: reports in input order, with at most `maxInFlight` chunks held
   * at a time, so memory stays bounded however long the input is.
   */
  validateMany(inputs: Iterable<unknown> | AsyncIterable<unknown>): AsyncIterable<Report>;
  /**
   * The fast path for NDJSON pipelines: each input is the JSON text of one claim (one NDJSON
   * line), each output the JSON text of its report, one per input, in order. Chunks cross the
   * thread boundary as one string each way, so the calling thread does almost no work and the
   * workers get the cores. A line that is not JSON gets a report with an input error.
   */
  validateNdjson(lines: Iterable<string> | AsyncIterable<string>): AsyncIterable<string>;
  /** Stops the worker threads. */
  destroy(): Promise<void>;
}

const DEFAULT_CHUNK = 1000;

/**
 * The worker module beside this one, with this module's extension: dist/worker.js next to the
 * ESM build, dist/worker.cjs next to the CJS build, src/batch/worker.ts when run from source.
 */
function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const file = join(dirname(here), `worker${ext}`);
  if (!existsSync(file)) {
    throw new Error(`dxlint batch: the worker module ${file} is missing (build the package with "npm run build", or pass workerFile)`);
  }
  return file;
}

/**
 * A TypeScript worker needs a loader in its thread (tests and benchmarks run from source).
 * Only the loader is passed: flags such as --expose-gc or --cpu-prof are refused in workers.
 */
function execArgvFor(file: string): string[] | undefined {
  return extname(file) === '.ts' ? ['--import', 'tsx'] : undefined;
}

function positiveInt(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`dxlint batch: ${what} must be a whole number ≥ 1 (got ${value})`);
  return value;
}

/**
 * Starts a pool of worker threads that each build the same validator from plain options
 * (a data folder, not a loaded catalog) and check chunks of claims. Resolves once one worker
 * has built its validator, so a bad data path or rule file fails here, not on the first batch.
 *
 * @example
 * const batch = await createBatchValidator({ data: '../shared/icd10cm', preset: 'recommended' });
 * try {
 *   const reports = await batch.validateAll(claims);
 * } finally {
 *   await batch.destroy();
 * }
 */
export async function createBatchValidator(options: BatchOptions = {}): Promise<BatchValidator> {
  const { threads: t, chunkSize: c, maxInFlight: m, workerFile, ...workerOptions } = options;
  const threads = positiveInt(t, availableParallelism(), 'threads');
  const chunkSize = positiveInt(c, DEFAULT_CHUNK, 'chunkSize');
  const maxInFlight = positiveInt(m, threads * 2, 'maxInFlight');
  const filename = workerFile ?? defaultWorkerFile();
  const execArgv = execArgvFor(filename);
  // Loaded on first use: a validator that never runs batches (a serverless function) does not
  // pay for loading piscina at start-up.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<BatchTask, Report[] | string>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Workers hold a loaded code set: never let an idle one exit and reload it later.
    idleTimeout: Infinity,
    // The next chunk is copied to a worker while it checks the current one: with one task at
    // a time, a worker waited for that copy after every chunk (~25 % of its time idle).
    concurrentTasksPerWorker: 2,
    workerData: workerOptions satisfies BatchWorkerOptions,
    ...(execArgv ? { execArgv } : {}),
  });
  try {
    await pool.run({ claims: [] });
  } catch (err) {
    await pool.destroy();
    throw new Error(`dxlint batch: a worker could not build its validator (${basename(filename)}): ${(err as Error).message}`, { cause: err });
  }

  const run = (claims: unknown[]) => pool.run({ claims }) as Promise<Report[]>;
  /** A task that may sit in a window while an earlier one fails: its rejection is never unhandled. */
  function queued<T>(task: Promise<T>): Promise<T> {
    task.catch(() => undefined);
    return task;
  }
  /** One chunk of NDJSON lines: joined into one string, unless a line holds a line break itself. */
  const runLines = (lines: string[]): Promise<string[]> => {
    const joinable = lines.every((l) => !l.includes('\n'));
    const task: BatchTask = joinable ? { ndjson: lines.join('\n') } : { lines };
    return (pool.run(task) as Promise<string>).then((text) => (lines.length === 0 ? [] : text.split('\n')));
  };

  /** Chunks an iterable, keeps at most maxInFlight chunks running, yields results in order. */
  async function* windowed<I, O>(inputs: Iterable<I> | AsyncIterable<I>, check: (chunk: I[]) => Promise<O[]>): AsyncGenerator<O> {
    const window: Promise<O[]>[] = [];
    let chunk: I[] = [];
    for await (const input of inputs as AsyncIterable<I>) {
      chunk.push(input);
      if (chunk.length < chunkSize) continue;
      window.push(queued(check(chunk)));
      chunk = [];
      if (window.length >= maxInFlight) yield* await window.shift()!;
    }
    if (chunk.length > 0) window.push(queued(check(chunk)));
    while (window.length > 0) yield* await window.shift()!;
  }

  return {
    threads,
    async validateAll(claims) {
      const tasks: Promise<Report[]>[] = [];
      for (let i = 0; i < claims.length; i += chunkSize) tasks.push(run(claims.slice(i, i + chunkSize)));
      return (await Promise.all(tasks)).flat();
    },
    validateMany: (inputs) => windowed(inputs, run),
    validateNdjson: (lines) => windowed(lines, runLines),
    destroy: () => pool.destroy(),
  };
}
