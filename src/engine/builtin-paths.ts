import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this module that holds both `package.json` and
 * `rules/`. Works from the sources (src/engine/…) and from the bundle (dist/…), since the
 * package ships `rules/` and `data/` next to `dist/`.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'rules'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('dxlint: cannot find its rules/ folder next to package.json');
    dir = up;
  }
}

let root: string | undefined;

/** Folder of the built-in rule files. */
export function builtinRulesDir(): string {
  return path.join((root ??= findRoot()), 'rules');
}

/** Folder of the built-in guideline data tables. */
export function builtinDataDir(): string {
  return path.join((root ??= findRoot()), 'data');
}
