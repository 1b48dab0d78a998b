/**
 * The batch worker (a tsup entry: dist/worker.js and dist/worker.cjs). Piscina loads it in
 * each worker thread; it builds one validator from the plain options in `workerData` on the
 * first task and checks every chunk of claims it is sent, in order.
 */
import { workerData } from 'node:worker_threads';
import { loadCatalog } from '../codeset/load.js';
import type { Report } from '../report/types.js';
import { buildChecker, type Checker } from '../validator/create.js';
import type { BatchTask, BatchWorkerOptions } from './options.js';

let checker: Promise<Checker> | undefined;

async function build(options: BatchWorkerOptions): Promise<Checker> {
  const { data, cacheDir, ...rest } = options;
  const catalog = await loadCatalog(data, cacheDir === undefined ? {} : { cacheDir });
  return buildChecker(catalog, rest);
}

/** The report for one NDJSON line: the claim's, or an input error when the line is not JSON. */
function checkLine(c: Checker, line: string): Report | Promise<Report> {
  let claim: unknown;
  try {
    claim = JSON.parse(line);
  } catch (err) {
    return { release: null, findings: [], summary: { error: 0, warning: 0, info: 0 }, inputErrors: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return c.check(claim);
}

/**
 * Each item's report, in order. Synchronous while the reports are (the default compiled mode):
 * a chunk is checked in one go, so two chunks given to one worker do not interleave claim by
 * claim; a promise is awaited only when one comes back.
 */
async function each<I, O>(items: readonly I[], check: (item: I) => Report | Promise<Report>, out: (r: Report) => O): Promise<O[]> {
  const results = new Array<O>(items.length);
  for (let i = 0; i < items.length; i++) {
    const r = check(items[i]!);
    results[i] = out(r instanceof Promise ? await r : r);
  }
  return results;
}

/**
 * Checks one chunk, claims in order. A task with no claims only builds the validator (used to
 * surface setup errors early).
 */
export default async function checkChunk(task: BatchTask): Promise<Report[] | string> {
  checker ??= build((workerData ?? {}) as BatchWorkerOptions);
  const c = await checker;
  if ('ndjson' in task || 'lines' in task) {
    const lines = 'lines' in task ? task.lines : task.ndjson.split('\n');
    return (await each(lines, (line) => checkLine(c, line), (r) => JSON.stringify(r))).join('\n');
  }
  return each(task.claims, (claim) => c.check(claim), (r) => r);
}
