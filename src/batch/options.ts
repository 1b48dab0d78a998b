import type { ValidatorOptions } from '../validator/types.js';

/**
 * What a batch worker builds its validator from. Only plain data crosses the thread boundary,
 * so this is {@link ValidatorOptions} without `catalog` (each worker loads the code set itself,
 * from the compiled cache after the first load), plus the cache folder.
 */
export interface BatchWorkerOptions extends Omit<ValidatorOptions, 'catalog'> {
  /** Folder of the compiled code-set cache (default: the loader's, or `DXLINT_CACHE`). */
  cacheDir?: string;
}

export interface BatchOptions extends BatchWorkerOptions {
  /** Worker threads (default: the number of CPU cores available). */
  threads?: number;
  /** Claims per task sent to a worker (default 1,000): few big messages, not one per claim. */
  chunkSize?: number;
  /** Chunks in flight at once in {@link BatchValidator.validateMany} (default 2 per thread). */
  maxInFlight?: number;
  /** The worker module (default: `worker.js`/`.cjs`/`.ts` beside this module). */
  workerFile?: string;
}

/**
 * One task: a chunk of claims as values (structured-cloned; the reply is Report[]), or as
 * NDJSON text, one claim per line (one string crosses the thread boundary each way, which
 * costs almost nothing; the reply is the reports as NDJSON, one line per input line).
 */
export type BatchTask = { claims: unknown[] } | { ndjson: string } | { lines: string[] };
