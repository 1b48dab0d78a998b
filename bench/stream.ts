import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StreamResult {
  claims: number;
  /** Reports the CLI wrote (NDJSON lines on stdout). */
  reports: number;
  /** Peak resident set size of the CLI process (MB), from GNU time. */
  peakRssMb: number;
  seconds: number;
  exitCode: number | null;
}

/** Writes the claims as NDJSON into a temporary folder; returns the file and a cleanup. */
export async function writeNdjson(claims: readonly unknown[]): Promise<{ file: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dxlint-bench-stream-'));
  const file = join(dir, 'claims.ndjson');
  const out = createWriteStream(file);
  for (const c of claims) if (!out.write(`${JSON.stringify(c)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The streaming path: `dxlint check --format ndjson` over an NDJSON file, its output counted
 * and thrown away. Peak RSS comes from GNU time (`/usr/bin/time -f %M`), so it covers the whole
 * process. `maxOldSpaceMb` caps the V8 heap: a run that completes under a small cap shows the
 * memory is bounded (peak RSS without a cap mostly shows how lazily V8 collects).
 * Returns undefined when the CLI is not built or GNU time is missing.
 */
export async function benchStream(
  cli: string,
  data: string,
  file: string,
  claims: number,
  maxOldSpaceMb?: number,
): Promise<StreamResult | undefined> {
  if (!existsSync(cli) || !existsSync('/usr/bin/time')) return undefined;
  const node = maxOldSpaceMb === undefined ? [process.execPath] : [process.execPath, `--max-old-space-size=${maxOldSpaceMb}`];
  const t0 = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'DXLINT_PEAK_RSS_KB=%M', ...node, cli, 'check', '--format', 'ndjson', '--no-progress', '--data', data, file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let reports = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) reports++;
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const seconds = (performance.now() - t0) / 1000;
  const kb = /DXLINT_PEAK_RSS_KB=(\d+)/.exec(stderr);
  if (!kb) throw new Error(`stream bench: no peak RSS from /usr/bin/time (exit ${code}): ${stderr.slice(-500)}`);
  // GNU time exits with the command's status (and prints "Command exited with non-zero status").
  return { claims, reports, peakRssMb: Number(kb[1]) / 1024, seconds, exitCode: code };
}
