import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StreamResult {
  claims: number;
  /** Peak resident set size of the CLI process (MB). */
  peakRssMb: number;
  seconds: number;
  exitCode: number | null;
}

/**
 * Memory of the streaming path: `dxlint check --format ndjson` over an NDJSON file of
 * `claims`, output thrown away. Peak RSS comes from GNU time (`/usr/bin/time -f %M`), so it
 * covers the whole process. Returns undefined when the CLI is not built or GNU time is missing.
 */
export async function benchStream(cli: string, data: string, claims: readonly unknown[]): Promise<StreamResult | undefined> {
  if (!existsSync(cli) || !existsSync('/usr/bin/time')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'dxlint-bench-stream-'));
  try {
    const file = join(dir, 'claims.ndjson');
    const out = createWriteStream(file);
    for (const c of claims) if (!out.write(`${JSON.stringify(c)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const t0 = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'DXLINT_PEAK_RSS_KB=%M', process.execPath, cli, 'check', '--format', 'ndjson', '--no-progress', '--data', data, file],
      { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 },
    );
    const seconds = (performance.now() - t0) / 1000;
    const kb = /DXLINT_PEAK_RSS_KB=(\d+)/.exec(run.stderr ?? '');
    if (!kb) throw new Error(`stream bench: no peak RSS from /usr/bin/time (exit ${run.status}): ${(run.stderr ?? '').slice(-500)}`);
    return { claims: claims.length, peakRssMb: Number(kb[1]) / 1024, seconds, exitCode: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
