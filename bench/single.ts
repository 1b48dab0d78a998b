import { Bench } from 'tinybench';
import type { Report } from '../src/report/types.js';

/** Anything with the validator's `validate`. */
export interface Checks {
  validate(input: unknown): Promise<Report> | Report;
}

export interface SingleResult {
  /** Claims per second on one thread (tinybench, blocks of claims per iteration). */
  claimsPerSec: number;
  /** The same per CPU-second of the process (GC threads included): less sensitive to a busy machine. */
  perCpuSec: number;
  /** Per-claim latency over `latencyClaims` claims, each timed on its own (µs). */
  p50Us: number;
  p99Us: number;
  meanUs: number;
  /** Share of the timed claims whose report had at least one finding or input error. */
  withFindings: number;
  /**
   * Claims per second of the warm-up: the first pass over the workload, where every code the
   * validator has not seen yet is worked out (the cost a night's stream pays once per code).
   */
  warmupPerSec: number;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Throughput with tinybench (each iteration checks a block of claims, cycling through the
 * workload, so tinybench's own per-iteration cost is negligible) and per-claim latency with
 * process.hrtime.bigint() around each validate() call.
 */
export async function benchSingle(
  validator: Checks,
  claims: readonly unknown[],
  options: { timeMs?: number; latencyClaims?: number; block?: number; warmup?: number } = {},
): Promise<SingleResult> {
  const block = options.block ?? 100;
  const count = Math.min(options.latencyClaims ?? 20_000, claims.length);
  let at = 0;
  const next = () => {
    const c = claims[at]!;
    at = at + 1 === claims.length ? 0 : at + 1;
    return c;
  };

  // Warm-up: one pass over the whole workload by default, so that the JIT, the code set's lazy
  // indexes and the validator's per-code facts settle before anything is timed (timed
  // separately: warmupPerSec).
  const warmup = options.warmup ?? claims.length;
  const w0 = performance.now();
  for (let i = 0; i < warmup; i++) await validator.validate(next());
  const warmupPerSec = warmup / ((performance.now() - w0) / 1000);

  const times = new Float64Array(count);
  let withFindings = 0;
  at = 0;
  for (let i = 0; i < count; i++) {
    const c = next();
    const t0 = process.hrtime.bigint();
    const r = await validator.validate(c);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
    if (r.findings.length > 0 || r.inputErrors) withFindings++;
  }
  const sorted = times.slice().sort();
  let sum = 0;
  for (const t of times) sum += t;

  const bench = new Bench({ time: options.timeMs ?? 3000, iterations: 20, warmup: false });
  let checked = 0;
  bench.add('validate', async () => {
    for (let i = 0; i < block; i++) await validator.validate(next());
    checked += block;
  });
  const cpu = process.cpuUsage();
  await bench.run();
  const used = process.cpuUsage(cpu);
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`tinybench: task ended in state ${result.state}`);

  return {
    claimsPerSec: (block * 1000) / result.latency.mean,
    perCpuSec: checked / ((used.user + used.system) / 1e6),
    p50Us: quantile(sorted, 0.5),
    p99Us: quantile(sorted, 0.99),
    meanUs: sum / count,
    withFindings: withFindings / count,
    warmupPerSec,
  };
}
