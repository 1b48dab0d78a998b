import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package version, read from package.json next to the running code. Looked up by walking
 * up from this file because the depth differs between the sources (src/cli/) and the bundle
 * (dist/).
 */
export function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dxlint' && pkg.version) return pkg.version;
    } catch {
      /* not here; go up */
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
