/**
 * Batch benchmark: `createBatchValidator` (piscina) over one batch of claims with a given
 * number of worker threads, as claim objects (validateAll: structured clone both ways) and as
 * NDJSON lines (validateNdjson: one string per chunk each way), after a timed first pass.
 * Runs in a plain Node child (bench/batch-run.mjs): worker threads inherit their parent's
 * flags, and under the bench's TypeScript loader they would run the built package through it.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Run {
  perSec: number;
  /** Claims per CPU-second: independent of how busy the machine was. */
  perCpuSec: number;
  /** CPU time / wall time: how many cores the run actually got. */
  coresUsed: number;
}

export interface BatchResult {
  threads: number;
  claims: number;
  /** validateAll over claim objects (structured clone both ways). */
  objects: Run;
  /** validateNdjson over NDJSON lines (one string per chunk each way). */
  ndjson: Run;
  /** Pool start: threads up and one validator built (ms). */
  startMs: number;
  /** The warm-up: a first pass of validateAll, where each worker meets every code for the first time. */
  firstPass: Run;
}

/** Runs the batch over the claims of an NDJSON file (see bench/stream.ts, writeNdjson). */
export function benchBatch(file: string, options: { data: string; threads: number }): BatchResult {
  const script = resolve(dirname(fileURLToPath(import.meta.url)), 'batch-run.mjs');
  const child = spawnSync(process.execPath, [script, file, String(options.threads), options.data], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`batch benchmark failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as BatchResult;
}
