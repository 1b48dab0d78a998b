/**
 * Hand-written release-file fixtures are committed under neutral names (`FIXTURE-order-2031.txt`)
 * so that nothing in the repository looks like an official ICD-10-CM release file. The loader
 * reads a release's identity from the official names, so tests get a temporary copy in which
 * every `FIXTURE` prefix is renamed back to `icd10cm` (`icd10cm-order-2031.txt`).
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './data.js';

const PREFIX = 'FIXTURE';
const copies: string[] = [];

function renameTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) renameTree(path);
    else if (name.startsWith(PREFIX)) renameSync(path, join(dir, `icd10cm${name.slice(PREFIX.length)}`));
  }
}

/**
 * A temporary copy of `fixtures/<relative>` with the official file names; removed by
 * {@link removeFixtureCopies} (call it in afterAll).
 */
export function fixtureCopy(relative: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dxlint-fixture-'));
  copies.push(dir);
  cpSync(resolve(repoRoot, 'fixtures', relative), dir, { recursive: true });
  renameTree(dir);
  return dir;
}

export function removeFixtureCopies(): void {
  for (const d of copies.splice(0)) rmSync(d, { recursive: true, force: true });
}
