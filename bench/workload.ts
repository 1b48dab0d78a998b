/**
 * Deterministic claim workloads for the benchmarks, drawn from the real FY2026 release.
 *
 * - Clean claims use billable codes that no guideline table restricts: chapters A–N and R, no
 *   manifestation ("in diseases classified elsewhere") codes, and nothing listed in the
 *   sex-specific, age-range, first-listed-only or secondary-only tables of `data/`. They carry
 *   no injected defect; the bench reports how many still get findings (e.g. an Excludes1 pair
 *   drawn by chance), so "clean" is a construction, not a promise.
 * - Dirty claims are clean claims with exactly one injected defect (see {@link DEFECTS}).
 *
 * Same pools + same options → the same claims, byte for byte (seeded mulberry32).
 */
import { formatCode } from '../src/code/normalize.js';
import type { CodeSet, CodeSetCatalog } from '../src/codeset/types.js';
import type { ClaimInput } from '../src/claim/schema.js';
import { loadTables } from '../src/engine/tables/load.js';
import { mulberry32, type Random } from './prng.js';

/** Code lists the generator draws from, all undotted and in tabular order. */
export interface CodePools {
  /** Release the claims are dated in (e.g. 'fy2026-oct'). */
  release: string;
  /** Its first and last day in force (ISO). */
  from: string;
  to: string;
  clean: string[];
  /** Headers (non-billable categories and subcategories). */
  headers: string[];
  /** Billable in an earlier loaded release, absent from this one. */
  deleted: string[];
  /** External-cause codes (V00–Y99), billable. */
  external: string[];
  /** Billable codes that take a 7th character, cut to 6 characters (S52.521A → S52.521). */
  sixOfSeven: string[];
}

/** Guideline tables whose codes a clean claim must not use (they restrict position, age or sex). */
const RESTRICTING_TABLES = ['sex-specific', 'age-ranges', 'first-listed-only', 'secondary-only'];
const CLEAN_CHAPTER = /^[A-NR]/;

/** True when a restricting table of `data/` covers the code (read with the engine's table loader). */
function restrictedBy(dataDir: string): (code: string) => boolean {
  const tables = loadTables([dataDir]);
  const used = RESTRICTING_TABLES.map((id) => {
    const t = tables.get(id);
    if (!t) throw new Error(`workload: no data table "${id}" in ${dataDir}`);
    return t;
  });
  return (code) => used.some((t) => t.has(code));
}

/**
 * Builds the code pools from a loaded catalog: `release` (default 'fy2026-oct') gives the
 * codes; the other releases give the deleted codes; `dataDir` (the repo's `data/`) gives the
 * restricted codes kept out of the clean pool.
 */
export function codePools(catalog: CodeSetCatalog, dataDir: string, release = 'fy2026-oct'): CodePools {
  const set = catalog.releases.find((r) => r.release.id === release);
  if (!set) throw new Error(`workload: release ${release} is not loaded (have ${catalog.releases.map((r) => r.release.id).join(', ')})`);
  const restricted = restrictedBy(dataDir);
  const sixOfSeven = new Set<string>();
  const pools: CodePools = { release, from: set.release.effectiveFrom, to: lastDay(catalog, set), clean: [], headers: [], deleted: [], external: [], sixOfSeven: [] };
  for (const node of set.nodes()) {
    if (!node.billable) {
      pools.headers.push(node.code);
      continue;
    }
    const c = node.code;
    if (/^[V-Y]/.test(c)) pools.external.push(c);
    // Injury and poisoning codes of 7 characters all end in a 7th character (A, D, S…).
    if (c.length === 7 && /^[ST]/.test(c) && !set.get(c.slice(0, 6))?.billable) sixOfSeven.add(c.slice(0, 6));
    if (!CLEAN_CHAPTER.test(c)) continue;
    if (/classified elsewhere/i.test(node.title)) continue;
    if (restricted(c)) continue;
    pools.clean.push(c);
  }
  pools.sixOfSeven = [...sixOfSeven];
  for (const other of catalog.releases) {
    if (other === set) continue;
    for (const node of other.nodes()) if (node.billable && !set.has(node.code)) pools.deleted.push(node.code);
  }
  pools.deleted = [...new Set(pools.deleted)].sort();
  return pools;
}

function lastDay(catalog: CodeSetCatalog, set: CodeSet): string {
  const later = catalog.releases.find((r) => r.release.effectiveFrom > set.release.effectiveFrom && r.release.fiscalYear === set.release.fiscalYear);
  if (later) return dayBefore(later.release.effectiveFrom);
  return `${set.release.fiscalYear}-09-30`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function randomDay(rng: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const days = Math.round((b - a) / 86_400_000);
  return new Date(a + rng.int(days + 1) * 86_400_000).toISOString().slice(0, 10);
}

/** Office visits, labs and imaging: none of them is a vaccine (which would need Z23). */
const PROCEDURES = ['99213', '99214', '99203', '36415', '85025', '80053', '71046', '93000', '81001', '97110'];

/** One injected defect: the diagnosis codes it needs at the front, and the patient it needs. */
interface Defect {
  kind: DefectKind;
  codes: string[];
  /** Age in years of the patient, when the defect needs one (a child exam). */
  age?: number;
  /** Codes that go after the clean fill, for order defects. */
  after?: string[];
}

export const DEFECTS = [
  'header', 'deleted', 'z23-before-exam', 'excludes1', 'duplicate', 'malformed', 'unknown', 'needs-seventh', 'external-first',
] as const;
export type DefectKind = (typeof DEFECTS)[number];

function makeDefect(kind: DefectKind, rng: Random, pools: CodePools): Defect {
  switch (kind) {
    case 'header':
      return { kind, codes: [rng.pick(pools.headers)] };
    case 'deleted':
      return { kind, codes: [rng.pick(pools.deleted)] };
    case 'z23-before-exam':
      // Tabular note at Z23: "code first any routine childhood examination".
      return { kind, codes: ['Z23', 'Z00129'], age: rng.between(1, 10) };
    case 'excludes1':
      // Excludes1 at E11 names type 1 diabetes mellitus (E10.-).
      return { kind, codes: ['E119', 'E109'] };
    case 'duplicate':
      return { kind, codes: [], after: ['$dup'] };
    case 'malformed':
      return { kind, codes: [rng.pick(['1234', 'E11..9', 'ABC', 'Z00-129', 'Z0.0129'])] };
    case 'unknown':
      // Shaped like codes, in no release: a letter O for a zero, one character too many.
      return { kind, codes: [rng.pick(['Z0O.129', 'J45.9099', 'I10.0', 'E11.99'])] };
    case 'needs-seventh':
      return { kind, codes: [rng.pick(pools.sixOfSeven)] };
    case 'external-first':
      return { kind, codes: [rng.pick(pools.external)] };
  }
}

export interface WorkloadOptions {
  seed: number;
  count: number;
  /** Diagnoses per claim (a defect may add one). */
  diagnoses: number;
  /** Service lines per claim (each points at up to 4 diagnoses). */
  lines: number;
  /** Share of claims with one injected defect, 0–1. */
  dirtyRate: number;
}

export interface Workload {
  claims: ClaimInput[];
  /** The defect injected into each claim, or null for a clean one. */
  defects: (DefectKind | null)[];
}

/** Writes a code the way claims arrive: mostly dotted, sometimes undotted or lower-case. */
function spell(rng: Random, code: string): string {
  if (!/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/.test(code)) return code;
  const r = rng.next();
  if (r < 0.6) return formatCode(code);
  if (r < 0.9) return code;
  return formatCode(code).toLowerCase();
}

/** Generates a workload. Deterministic in (pools, options). */
export function generateClaims(pools: CodePools, options: WorkloadOptions): Workload {
  const rng = mulberry32(options.seed);
  const claims: ClaimInput[] = [];
  const defects: (DefectKind | null)[] = [];
  for (let i = 0; i < options.count; i++) {
    const defect = rng.chance(options.dirtyRate) ? makeDefect(rng.pick(DEFECTS), rng, pools) : undefined;
    const codes = [...(defect?.codes ?? [])];
    const used = new Set(codes);
    while (codes.length < options.diagnoses) {
      const c = rng.pick(pools.clean);
      if (used.has(c)) continue;
      used.add(c);
      codes.push(c);
    }
    if (defect?.after) {
      for (const a of defect.after) codes.push(a === '$dup' ? codes[rng.int(codes.length)]! : a);
    }
    const serviceDate = randomDay(rng, pools.from, pools.to);
    const age = defect?.age ?? rng.between(18, 85);
    const birthYear = Number(serviceDate.slice(0, 4)) - age - 1;
    const birthDate = `${birthYear}-${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
    const lines = [];
    for (let l = 0; l < options.lines; l++) {
      const pointers: number[] = [];
      const n = Math.min(codes.length, rng.between(1, 4));
      for (let p = 1; p <= n; p++) pointers.push(p);
      lines.push({ procedureCode: rng.pick(PROCEDURES), units: 1, serviceDate, diagnosisPointers: pointers });
    }
    claims.push({
      id: `w${options.seed}-${i}`,
      type: 'professional',
      serviceDate,
      patient: { birthDate, sex: rng.chance(0.5) ? 'F' : 'M' },
      diagnoses: codes.map((c) => ({ code: spell(rng, c) })),
      lines,
    });
    defects.push(defect?.kind ?? null);
  }
  return { claims, defects };
}
