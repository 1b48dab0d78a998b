// The batch benchmark proper, in a plain Node process (no TypeScript loader, which worker
// threads would inherit): the built package as users run it.
//   node bench/batch-run.mjs <claims.ndjson> <threads> <data>
// Prints one JSON line: { threads, claims, startMs, firstPass, objects, ndjson }, each run
// { perSec, perCpuSec, coresUsed }.
import { readFileSync } from 'node:fs';
import { createBatchValidator } from '../dist/index.js';

const [file, threadsArg, data] = process.argv.slice(2);
const threads = Number(threadsArg);
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
const claims = lines.map((l) => JSON.parse(l));

async function drain(it) {
  let n = 0;
  for await (const _ of it) n++;
  return n;
}

async function timed(fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const n = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (n !== claims.length) throw new Error(`batch returned ${n} reports for ${claims.length} claims`);
  const cpuMs = (used.user + used.system) / 1000;
  return { perSec: (n * 1000) / ms, perCpuSec: (n * 1000) / cpuMs, coresUsed: cpuMs / ms };
}

const t0 = performance.now();
const batch = await createBatchValidator({ data, preset: 'recommended', threads });
const startMs = performance.now() - t0;
try {
  // Warm-up: one pass over the whole batch, so each worker's JIT and per-code facts settle
  // (every worker keeps its own); timed, as the first pass a night's stream pays once.
  const firstPass = await timed(async () => (await batch.validateAll(claims)).length);
  const objects = await timed(async () => (await batch.validateAll(claims)).length);
  const ndjson = await timed(() => drain(batch.validateNdjson(lines)));
  process.stdout.write(`${JSON.stringify({ threads, claims: claims.length, startMs, firstPass, objects, ndjson })}\n`);
} finally {
  await batch.destroy();
}
