/**
 * The batch worker (a tsup entry: dist/worker.js and dist/worker.cjs). Piscina loads it in
 * each worker thread; it builds one validator from the plain options in `workerData` on the
 * first task and checks every chunk of claims it is sent, in order.
 */
import { workerData } from 'node:worker_threads';
import { loadCatalog } from '../codeset/load.js';
import type { Report } from '../report/types.js';
import { buildValidator } from '../validator/create.js';
import type { Validator } from '../validator/types.js';
import type { BatchTask, BatchWorkerOptions } from './options.js';

let validator: Promise<Validator> | undefined;

async function build(options: BatchWorkerOptions): Promise<Validator> {
  const { data, cacheDir, ...rest } = options;
  const catalog = await loadCatalog(data, cacheDir === undefined ? {} : { cacheDir });
  return buildValidator(catalog, rest);
}

/** The report for one NDJSON line: the claim's, or an input error when the line is not JSON. */
async function checkLine(v: Validator, line: string): Promise<Report> {
  let claim: unknown;
  try {
    claim = JSON.parse(line);
  } catch (err) {
    return { release: null, findings: [], summary: { error: 0, warning: 0, info: 0 }, inputErrors: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return v.validate(claim);
}

/**
 * Checks one chunk, claims in order. A task with no claims only builds the validator (used to
 * surface setup errors early).
 */
export default async function checkChunk(task: BatchTask): Promise<Report[] | string> {
  validator ??= build((workerData ?? {}) as BatchWorkerOptions);
  const v = await validator;
  if ('ndjson' in task || 'lines' in task) {
    const lines = 'lines' in task ? task.lines : task.ndjson.split('\n');
    const out: string[] = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) out[i] = JSON.stringify(await checkLine(v, lines[i]!));
    return out.join('\n');
  }
  const out: Report[] = new Array(task.claims.length);
  for (let i = 0; i < task.claims.length; i++) out[i] = await v.validate(task.claims[i]);
  return out;
}
