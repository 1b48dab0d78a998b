/**
 * Where the tests find the official release files, and one catalog per test file.
 *
 * Default: `<repo>/../shared/icd10cm` (CI clones the repo with `shared/` beside it); the
 * environment variable `DXLINT_DATA` overrides it. The compiled cache (node_modules/.cache/dxlint)
 * makes every load after the first one fast.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, type Catalog } from '../../src/codeset/index.js';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder holding the release folders (fy2026-oct/, fy2025-oct/, …). */
export function dataRoot(): string {
  return process.env.DXLINT_DATA ?? resolve(repoRoot, '../shared/icd10cm');
}

/** A path inside the data root, e.g. `dataPath('fy2026-oct', 'icd10cm-order-2026.txt')`. */
export function dataPath(...parts: string[]): string {
  return resolve(dataRoot(), ...parts);
}

let catalog: Promise<Catalog> | undefined;

/** The catalog of every release under {@link dataRoot}, loaded once per test file. */
export function loadTestCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog(dataRoot());
  return catalog;
}
