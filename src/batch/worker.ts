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

/** Checks one chunk; a task with no claims only builds the validator (used to surface setup errors early). */
export default async function checkChunk(task: BatchTask): Promise<Report[]> {
  validator ??= build((workerData ?? {}) as BatchWorkerOptions);
  const v = await validator;
  const out: Report[] = new Array(task.claims.length);
  for (let i = 0; i < task.claims.length; i++) out[i] = await v.validate(task.claims[i]);
  return out;
}
