// Builds dist/ with tsup when it is missing or older than its sources, and does nothing
// otherwise. `npm test` runs it first (pretest) so that the end-to-end CLI tests work on a
// clean clone; CI runs `npm run build` just before, so there it finds dist fresh and skips.
// The end-to-end tests call it too (several test files at once): a lock directory makes
// them wait for one build instead of running tsup concurrently, and the new dist/ is swapped in
// with renames so that a CLI already running from the old one is not disturbed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files tsup writes; if any is missing, the build is needed. */
const OUTPUTS = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'testing.js', 'testing.cjs', 'cli.js'].map(
  (f) => path.join(root, 'dist', f),
);
/** What the build reads. */
const INPUTS = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why dist/ needs a build, or undefined when it is up to date. */
export function staleReason() {
  let oldest = Infinity;
  for (const out of OUTPUTS) {
    try {
      oldest = Math.min(oldest, statSync(out).mtimeMs);
    } catch {
      return `${path.relative(root, out)} is missing`;
    }
  }
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(root, p))));
  return newest > oldest ? 'sources changed since the last build' : undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds when stale; safe to call from several processes at once. */
export async function ensureBuilt({ quiet = false } = {}) {
  if (!staleReason()) return false;
  const lock = path.join(root, 'node_modules', '.cache', 'dxlint-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building. A lock older than 5 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
      } catch {
        /* gone already */
      }
      await sleep(250);
    }
  }
  try {
    const reason = staleReason();
    if (!reason) return false;
    if (!quiet) process.stderr.write(`dxlint: building dist/ (${reason})\n`);
    // Build beside dist/ and swap it in with renames, so that a CLI started meanwhile (another
    // test file) never sees a half-cleaned dist/.
    const fresh = path.join(root, `dist.build-${process.pid}`);
    const old = path.join(root, `dist.old-${process.pid}`);
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--out-dir', fresh], {
        cwd: root,
        stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
      });
      const dist = path.join(root, 'dist');
      let hadDist = true;
      try {
        renameSync(dist, old);
      } catch {
        hadDist = false;
      }
      renameSync(fresh, dist);
      if (hadDist) rmSync(old, { recursive: true, force: true });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
    return true;
  } finally {
    rmdirSync(lock);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuilt().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
