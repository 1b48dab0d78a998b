import type { BatchOptions, BatchValidator } from '../src/batch/index.js';
import { createBatchValidator } from './package.js';

/** One timed run: wall-clock throughput, and the CPU time the whole process (every thread) used. */
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

async function drain(it: AsyncIterable<string>): Promise<number> {
  let n = 0;
  for await (const _ of it) n++;
  return n;
}

async function timed(fn: () => Promise<number>, expected: number): Promise<Run> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const n = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (n !== expected) throw new Error(`batch returned ${n} reports for ${expected} claims`);
  const cpuMs = (used.user + used.system) / 1000;
  return { perSec: (expected * 1000) / ms, perCpuSec: (expected * 1000) / cpuMs, coresUsed: cpuMs / ms };
}

/**
 * Claims per second for a whole batch on `threads` worker threads: the pool is started and
 * warmed up first (each worker loads the code set once and runs a few thousand claims), then
 * the whole batch is timed, copying between threads included: once as claim objects
 * (validateAll → Report[]) and once as NDJSON lines (validateNdjson → report lines).
 */
export async function benchBatch(claims: readonly unknown[], options: BatchOptions & { threads: number }): Promise<BatchResult> {
  const t0 = performance.now();
  const batch: BatchValidator = await createBatchValidator(options);
  const startMs = performance.now() - t0;
  const lines = claims.map((c) => JSON.stringify(c));
  try {
    // Warm-up: one pass over the whole batch, so each worker's JIT and per-code facts settle
    // (every worker keeps its own); timed, as the first pass a night's stream pays once.
    const firstPass = await timed(async () => (await batch.validateAll(claims)).length, claims.length);
    const objects = await timed(async () => (await batch.validateAll(claims)).length, claims.length);
    const ndjson = await timed(() => drain(batch.validateNdjson(lines)), claims.length);
    return { threads: options.threads, claims: claims.length, objects, ndjson, startMs, firstPass };
  } finally {
    await batch.destroy();
  }
}
