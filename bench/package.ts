/**
 * What the benchmarks measure: the built package (dist/), as users import it — not the
 * TypeScript sources run through a loader. `npm run bench` builds dist/ first when it is
 * missing or stale (scripts/ensure-build.mjs). Only the naive baseline (bench/baseline.ts)
 * runs from source: it is made of internal modules the package does not export. The batch
 * and memory rows run in plain Node children (bench/batch-run.mjs, bench/measure-memory.mjs).
 */
export { buildValidator, loadCatalog, loadRelease } from '../dist/index.js';
