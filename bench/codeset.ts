/**
 * Code-set benchmark: for FY2026, the cold parse (raw release files → CodeSet, no cache), the
 * warm load (compiled cache → CodeSet) and the resident memory with that one release loaded;
 * plus the whole catalog warm and the first notes lookup (which loads the Tabular List).
 *
 *   node --expose-gc --import tsx bench/codeset.ts [--runs N]
 *
 * Data: DXLINT_DATA or ../shared/icd10cm beside the repository. The cache used is a fresh
 * temporary folder, removed afterwards, so the numbers do not depend on the user's cache.
 * Memory is measured in a separate plain Node process (bench/measure-memory.mjs) that imports
 * the built package and does nothing but the warm load, after a full garbage collection; the
 * same process without the load gives the baseline (Node with the package imported).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalog, loadRelease } from './package.js';

export interface CodesetBenchResult {
  /** Release measured, e.g. 'fy2026-oct'. */
  release: string;
  /** Entries in it. */
  entries: number;
  runs: number;
  /** Median: raw files → CodeSet, cache off. */
  coldParseMs: number;
  coldParseMinMs: number;
  /** Median: compiled cache → CodeSet (sources are still read and hashed for the cache key). */
  warmLoadMs: number;
  /** Median: every release under the data folder, from the cache. */
  catalogWarmMs: number;
  /** The first notes() call after a warm catalog load (loads and indexes the Tabular List). */
  firstNotesMs: number;
  /** Fastest warm load of the runs (the least disturbed by other processes). */
  warmLoadMinMs: number;
  /** Resident set size of a process holding the one release, after a full GC. */
  rssMb: number;
  heapUsedMb: number;
  /** The same process before loading anything (Node, the TypeScript loader, the modules). */
  baselineRssMb: number;
  /** The same with the whole catalog loaded and its Tabular List in use. */
  catalogRssMb: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function dataRoot(): string {
  return process.env.DXLINT_DATA ?? resolve(repoRoot, '../shared/icd10cm');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs the benchmark and returns the numbers (also used by the project-wide bench). */
export async function benchCodeset(options: { dataRoot?: string; runs?: number } = {}): Promise<CodesetBenchResult> {
  const root = options.dataRoot ?? dataRoot();
  const runs = options.runs ?? 5;
  const folder = resolve(root, 'fy2026-oct');
  const cacheDir = mkdtempSync(resolve(tmpdir(), 'dxlint-bench-'));
  try {
    const release = await loadRelease(folder, { cache: false });
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) cold.push(await time(() => loadRelease(folder, { cache: false })));

    await loadRelease(folder, { cacheDir }); // compile once
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await time(() => loadRelease(folder, { cacheDir })));

    await loadCatalog(root, { cacheDir }); // compile the other releases and the Tabular List
    const catalog: number[] = [];
    const notes: number[] = [];
    for (let i = 0; i < runs; i++) {
      let loaded: Awaited<ReturnType<typeof loadCatalog>> | undefined;
      catalog.push(await time(async () => (loaded = await loadCatalog(root, { cacheDir }))));
      const latest = loaded!.releases.at(-1)!;
      notes.push(await time(async () => latest.notes('Z00.129')));
    }

    const base = measureInChild(['none', folder, cacheDir]);
    const one = measureInChild(['one', folder, cacheDir]);
    const all = measureInChild(['catalog', root, cacheDir]);
    return {
      release: release.release.id,
      entries: release.size,
      runs,
      coldParseMs: median(cold),
      coldParseMinMs: Math.min(...cold),
      warmLoadMs: median(warm),
      warmLoadMinMs: Math.min(...warm),
      catalogWarmMs: median(catalog),
      firstNotesMs: median(notes),
      rssMb: one.rssMb,
      heapUsedMb: one.heapUsedMb,
      baselineRssMb: base.rssMb,
      catalogRssMb: all.rssMb,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Runs bench/measure-memory.mjs (plain Node, the built package) and reads its one JSON line. */
function measureInChild(args: string[]): { rssMb: number; heapUsedMb: number } {
  const script = resolve(dirname(fileURLToPath(import.meta.url)), 'measure-memory.mjs');
  const child = spawnSync(process.execPath, ['--expose-gc', script, ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rssMb: number; heapUsedMb: number };
}

function table(r: CodesetBenchResult): string {
  const rows: [string, string][] = [
    ['release', `${r.release} (${r.entries.toLocaleString('en-US')} entries)`],
    ['cold parse (raw files → CodeSet)', `${r.coldParseMs.toFixed(0)} ms (fastest ${r.coldParseMinMs.toFixed(0)} ms)`],
    ['warm load (cache → CodeSet)', `${r.warmLoadMs.toFixed(0)} ms (fastest ${r.warmLoadMinMs.toFixed(0)} ms)`],
    ['RSS, one release loaded', `${r.rssMb.toFixed(0)} MB (heap ${r.heapUsedMb.toFixed(0)} MB; ${r.baselineRssMb.toFixed(0)} MB before loading)`],
    ['catalog warm (3 releases)', `${r.catalogWarmMs.toFixed(0)} ms`],
    ['first notes() (loads the Tabular List)', `${r.firstNotesMs.toFixed(0)} ms`],
    ['RSS, catalog + Tabular List', `${r.catalogRssMb.toFixed(0)} MB`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const runsAt = process.argv.indexOf('--runs');
  const result = await benchCodeset(runsAt > 0 ? { runs: Number(process.argv[runsAt + 1]) } : {});
  process.stdout.write(`Code set (median of ${result.runs} runs, node ${process.version}):\n${table(result)}\n`);
}
