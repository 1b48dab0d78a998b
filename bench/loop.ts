/**
 * A quick steady-state loop for trying a change (not part of `npm run bench`):
 *
 *   npm run build && node --import tsx bench/loop.ts
 *   POOL=500 node --import tsx bench/loop.ts   # codes drawn from 500 distinct codes only
 *
 * Checks the typical workload of the bench (same seed) once to warm up, then 5 rounds of
 * 100,000 claims (N) with the built package; prints the best and the median µs per claim.
 * The best round is the least disturbed by other jobs on a shared machine. POOL maps every
 * diagnosis onto a few distinct codes, which shows how much of the cost is memory latency of
 * per-code data (the bench's uniform draw touches ~54,000 written codes).
 */
import { resolve } from 'node:path';
import { buildValidator, loadCatalog } from './package.js';
import { codePools, generateClaims } from './workload.js';

const repoRoot = resolve(import.meta.dirname, '..');
const catalog = await loadCatalog(process.env.DXLINT_DATA ?? resolve(repoRoot, '../shared/icd10cm'));
const validator = buildValidator(catalog, { preset: 'recommended' });
const pools = codePools(catalog, resolve(repoRoot, 'data'));
let claims = generateClaims(pools, { seed: 20_261_001, count: 50_000, diagnoses: 4, lines: 2, dirtyRate: 0.2 }).claims;
if (process.env.POOL) {
  const pool = [...new Set(claims.flatMap((c) => c.diagnoses.map((d) => d.code)))].slice(0, Number(process.env.POOL));
  let k = 0;
  claims = claims.map((c) => ({ ...c, diagnoses: c.diagnoses.map((d) => ({ ...d, code: pool[(k++ * 7919) % pool.length]! })) }));
}
for (const c of claims) await validator.validate(c);
const n = Number(process.env.N ?? 100_000);
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await validator.validate(claims[i % claims.length]);
  rounds.push(((performance.now() - t0) * 1000) / n);
}
rounds.sort((a, b) => a - b);
process.stdout.write(`typical claims: best ${rounds[0]!.toFixed(1)} µs/claim (${Math.round(1e6 / rounds[0]!)}/s), median ${rounds[2]!.toFixed(1)} µs\n`);
