import { createBatchValidator, type BatchOptions } from '../src/batch/index.js';

export interface BatchResult {
  threads: number;
  claims: number;
  claimsPerSec: number;
  /** Pool start: threads up and one validator built (ms). */
  startMs: number;
}

/**
 * Claims per second for a whole batch on `threads` worker threads: the pool is started and
 * warmed up first (each worker loads the code set once), then one validateAll over every
 * claim is timed, including the copying of claims and reports between threads.
 */
export async function benchBatch(claims: readonly unknown[], options: BatchOptions & { threads: number }): Promise<BatchResult> {
  const t0 = performance.now();
  const batch = await createBatchValidator(options);
  const startMs = performance.now() - t0;
  try {
    await batch.validateAll(claims.slice(0, Math.min(claims.length, 20_000 * options.threads)));
    const t1 = performance.now();
    const reports = await batch.validateAll(claims);
    const ms = performance.now() - t1;
    if (reports.length !== claims.length) throw new Error(`batch returned ${reports.length} reports for ${claims.length} claims`);
    return { threads: options.threads, claims: claims.length, claimsPerSec: (claims.length * 1000) / ms, startMs };
  } finally {
    await batch.destroy();
  }
}
