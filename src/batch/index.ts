/** Worker-thread batches: many claims checked on every core, reports in input order. */
export { createBatchValidator, type BatchValidator } from './create.js';
export type { BatchOptions, BatchWorkerOptions } from './options.js';
