/**
 * dxlint benchmarks: `npm run bench` (node --expose-gc --import tsx bench/index.ts).
 *
 * Prints one Markdown table (metric, value, target, met?) headed by the machine and the date,
 * and writes it to bench/results/latest.md (git-ignored) for pasting into the README.
 *
 *   --quick        smaller workloads and shorter runs (a smoke test, not for the README)
 *   --skip=a,b     skip sections: codeset, single, baseline, batch, stream
 *
 * Data: DXLINT_DATA or ../shared/icd10cm beside the repository. Workloads are generated from
 * the FY2026 release with a fixed seed (bench/workload.ts): typical claims have 4 diagnoses
 * and 2 service lines, 80 % clean and 20 % with one injected defect.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildValidator, loadCatalog } from './package.js';
import { createNaiveValidator } from './baseline.js';
import { benchBatch } from './batch.js';
import { benchCodeset } from './codeset.js';
import { machine } from './machine.js';
import { benchSingle } from './single.js';
import { benchStream, writeNdjson } from './stream.js';
import { n0, n1, renderTable, type Row } from './table.js';
import { codePools, generateClaims, type WorkloadOptions } from './workload.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = process.env.DXLINT_DATA ?? resolve(repoRoot, '../shared/icd10cm');
const quick = process.argv.includes('--quick');
const skip = new Set((process.argv.find((a) => a.startsWith('--skip='))?.slice(7) ?? '').split(',').filter(Boolean));

const TARGET = { perCore: 50_000, warmMs: 150, rssMb: 150, speedUp: 1.8 };
const SEED = 20_261_001;
const DIRTY = 0.2;
const BATCH_CLAIMS = quick ? 20_000 : 200_000;
const TIME_MS = quick ? 1000 : 4000;
/** Heap cap for the bounded-memory run of the CLI (the catalog itself needs about 100 MB of it). */
const STREAM_HEAP_MB = 160;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const log = (s: string) => process.stderr.write(`${s}\n`);

function workload(count: number, diagnoses: number, lines: number, seed = SEED): WorkloadOptions {
  return { seed, count, diagnoses, lines, dirtyRate: DIRTY };
}

async function main(): Promise<void> {
  const m = machine();
  const rows: Row[] = [];
  const notes: string[] = [
    `Workload: seeded claims from the FY2026 release (bench/workload.ts, seed ${SEED}), professional, dated in FY2026; ` +
      `${Math.round((1 - DIRTY) * 100)} % clean, ${Math.round(DIRTY * 100)} % with one injected defect ` +
      '(header, deleted code, Z23 before Z00.129, Excludes1 pair E11.9+E10.9, duplicate, malformed, unknown, missing 7th character, external cause first).',
    'Preset: recommended (every rule the preset turns on).',
  ];

  if (!skip.has('codeset')) {
    log('code set: cold parse, warm load, RSS …');
    const cs = await benchCodeset({ dataRoot, runs: quick ? 2 : 5 });
    rows.push(
      { metric: `cold start: raw ${cs.release} files → code set (no cache)`, value: `${n0(cs.coldParseMs)} ms`, target: '' },
      { metric: `warm start: compiled cache → code set (${cs.release})`, value: `${n0(cs.warmLoadMs)} ms`, target: `≤ ${TARGET.warmMs} ms`, met: cs.warmLoadMs <= TARGET.warmMs },
      { metric: 'RSS after load, one release', value: `${n0(cs.rssMb)} MB`, target: `≤ ${TARGET.rssMb} MB`, met: cs.rssMb <= TARGET.rssMb },
      { metric: 'warm start, whole catalog (3 releases)', value: `${n0(cs.catalogWarmMs)} ms`, target: '' },
      { metric: 'first notes lookup (loads the Tabular List)', value: `${n0(cs.firstNotesMs)} ms`, target: '' },
      { metric: 'RSS, catalog + Tabular List in use', value: `${n0(cs.catalogRssMb)} MB`, target: '' },
    );
  }

  log('loading the catalog …');
  const catalog = await loadCatalog(dataRoot);
  const validator = buildValidator(catalog, { preset: 'recommended' });
  const pools = codePools(catalog, resolve(repoRoot, 'data'));
  const typical = generateClaims(pools, workload(quick ? 20_000 : 50_000, 4, 2)).claims;

  if (!skip.has('single')) {
    for (const [label, dx, lines, target] of [
      ['typical (4 dx, 2 lines)', 4, 2, true],
      ['1 dx, 1 line', 1, 1, false],
      ['12 dx, 4 lines', 12, 4, false],
    ] as const) {
      log(`single thread: ${label} …`);
      const claims = dx === 4 ? typical : generateClaims(pools, workload(quick ? 10_000 : 30_000, dx, lines, SEED + dx)).claims;
      gc();
      const r = await benchSingle(validator, claims, { timeMs: TIME_MS, latencyClaims: quick ? 5000 : 20_000 });
      rows.push({
        metric: `claims/s, 1 thread, ${label}`,
        value: `${n0(r.claimsPerSec)} (${n0(r.perCpuSec)} per CPU-second)`,
        target: target ? `≥ ${n0(TARGET.perCore)}` : '',
        ...(target ? { met: r.claimsPerSec >= TARGET.perCore } : {}),
      });
      rows.push({ metric: `latency per claim p50 / p99, ${label}`, value: `${n1(r.p50Us)} / ${n1(r.p99Us)} µs`, target: '' });
      if (target) {
        rows.push({ metric: 'typical claims with at least one finding', value: `${n1(r.withFindings * 100)} %`, target: '' });
        rows.push({ metric: 'claims/s, first pass over the typical workload (every code new to the validator)', value: n0(r.warmupPerSec), target: '' });
      }
    }
  }

  if (!skip.has('baseline')) {
    log('naive baseline (json-rules-engine for every rule, no precomputed facts) …');
    const naive = createNaiveValidator(catalog, 'recommended');
    const sample = typical.slice(0, quick ? 200 : 1000);
    let agree = 0;
    for (const c of sample) {
      const a = await validator.validate(c);
      const b = await naive.validate(c);
      if (JSON.stringify(a.findings) === JSON.stringify(b.findings)) agree++;
    }
    gc();
    const fast = await benchSingle(validator, typical, { timeMs: TIME_MS, latencyClaims: 2000 });
    const slow = await benchSingle(naive, typical, { timeMs: TIME_MS, latencyClaims: quick ? 200 : 1000, warmup: 200, block: 10 });
    rows.push(
      { metric: 'claims/s, naive baseline (1 thread, typical)', value: n0(slow.claimsPerSec), target: '' },
      { metric: 'speed-up of the design over the baseline', value: `${n1(fast.claimsPerSec / slow.claimsPerSec)}×`, target: '' },
      { metric: 'baseline findings equal to the validator\'s', value: `${agree} / ${sample.length} claims`, target: 'all', met: agree === sample.length },
    );
  }

  if (!skip.has('batch')) {
    const claims = generateClaims(pools, workload(BATCH_CLAIMS, 4, 2, SEED + 1)).claims;
    const { file, remove } = await writeNdjson(claims);
    const results = [];
    try {
      for (const threads of [1, m.cores]) {
        log(`batch of ${n0(claims.length)} claims on ${threads} worker thread(s) …`);
        results.push(benchBatch(file, { data: dataRoot, threads }));
      }
    } finally {
      remove();
    }
    const [one, all] = results as [(typeof results)[0], (typeof results)[0]];
    const perCoreTarget = TARGET.perCore * all.threads;
    for (const [label, key] of [['claim objects', 'objects'], ['NDJSON lines', 'ndjson']] as const) {
      const a = one[key];
      const b = all[key];
      const cpu = (r: typeof a) => `${n0(r.perCpuSec)} per CPU-second, ${r.coresUsed.toFixed(2)} cores busy`;
      rows.push(
        { metric: `claims/s, batch of ${n0(one.claims)} ${label}, 1 worker thread`, value: `${n0(a.perSec)} (${cpu(a)})`, target: '' },
        {
          metric: `claims/s, batch of ${n0(all.claims)} ${label}, ${all.threads} worker threads`,
          value: `${n0(b.perSec)} = ${(b.perSec / a.perSec).toFixed(2)}× over 1 (${cpu(b)})`,
          target: `≥ ${n0(perCoreTarget)}, ≥ ${TARGET.speedUp}×`,
          met: b.perSec >= perCoreTarget && b.perSec / a.perSec >= TARGET.speedUp,
        },
      );
    }
    rows.push({
      metric: `claims/s, first pass of the batch (every code new to each worker), 1 / ${all.threads} worker threads`,
      value: `${n0(one.firstPass.perSec)} / ${n0(all.firstPass.perSec)}`,
      target: '',
    });
    rows.push({ metric: 'worker pool start (threads up, code set loaded)', value: `${n0(all.startMs)} ms`, target: '' });
  }

  if (!skip.has('stream')) {
    const cli = resolve(repoRoot, 'dist/cli.js');
    const claims = generateClaims(pools, workload(BATCH_CLAIMS, 4, 2, SEED + 2)).claims;
    const { file, remove } = await writeNdjson(claims);
    try {
      log(`streaming: dxlint check --format ndjson over ${n0(claims.length)} claims, then again with a ${STREAM_HEAP_MB} MB heap cap …`);
      const free = await benchStream(cli, dataRoot, file, claims.length);
      const capped = free && (await benchStream(cli, dataRoot, file, claims.length, STREAM_HEAP_MB));
      if (!free || !capped) {
        notes.push('Streaming memory not measured: dist/cli.js (npm run build) or /usr/bin/time is missing.');
      } else {
        const complete = (r: typeof free) => r.reports === r.claims && (r.exitCode === 0 || r.exitCode === 1);
        rows.push(
          { metric: `CLI NDJSON stream, ${n0(free.claims)} claims: peak RSS (default heap)`, value: `${n0(free.peakRssMb)} MB, ${n0(free.claims / free.seconds)} claims/s`, target: '' },
          {
            metric: `CLI NDJSON stream, ${n0(capped.claims)} claims, heap capped at ${STREAM_HEAP_MB} MB`,
            value: `${complete(capped) ? 'all reports written' : `${n0(capped.reports)} reports, exit ${capped.exitCode}`}; peak RSS ${n0(capped.peakRssMb)} MB`,
            target: 'completes',
            met: complete(capped),
          },
        );
      }
    } finally {
      remove();
    }
  }

  const table = renderTable(m, rows, quick ? [...notes, 'Run with --quick: smaller workloads, not for the README.'] : notes);
  process.stdout.write(table);
  const out = resolve(repoRoot, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'latest.md'), table);
  writeFileSync(resolve(out, 'latest.json'), `${JSON.stringify({ machine: m, rows, notes }, null, 2)}\n`);
  log(`written to ${resolve(out, 'latest.md')}`);
}

await main();
