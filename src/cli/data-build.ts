import { defaultCacheDir } from '../codeset/cache.js';
import { releaseName } from './code/describe.js';
import { dataDir, loadData } from './data.js';
import type { Io } from './io.js';

export interface DataBuildOptions {
  data?: string;
  cache: boolean;
}

/**
 * `dxlint data build [dir]`: reads every release under the folder (or zip), compiles each into
 * the cache so that later runs start fast, and prints what was loaded: the releases with their
 * dates and sizes, where their notes come from, and what the loader noticed.
 */
export async function runDataBuild(dir: string | undefined, options: DataBuildOptions, io: Io): Promise<number> {
  const root = dataDir({ data: dir ?? options.data, env: io.env });
  const started = Date.now();
  const catalog = await loadData({ data: root, cache: options.cache, env: io.env });
  const ms = Date.now() - started;
  const out: string[] = [`Release files in ${root}:`];
  for (const cs of catalog.releases) {
    const notes = cs.provenance.tabular
      ? `notes from the ${releaseName(cs.provenance.tabular, catalog)} Tabular List${cs.provenance.tabularBorrowed ? ' (borrowed)' : ''}`
      : 'no Tabular List (no chapters, sections or notes)';
    out.push(
      `  ${cs.release.id.padEnd(11)} ${cs.release.label}, from ${cs.release.effectiveFrom}: ` +
        `${cs.size.toLocaleString('en-US')} entries, ${cs.billableCount.toLocaleString('en-US')} billable; ${notes}`,
    );
    for (const d of cs.diagnostics) out.push(`      ${d.level}: ${d.message}`);
  }
  for (const d of catalog.diagnostics) out.push(`  ${d.level}: ${d.message}`);
  if (catalog.tabularSources.length) {
    out.push(`  Tabular List XML only (used for notes): ${catalog.tabularSources.join(', ')}`);
  }
  out.push(
    options.cache
      ? `Ready in ${(ms / 1000).toFixed(1)} s. Compiled releases are in ${defaultCacheDir()} (built now where they were missing or out of date).`
      : `Parsed in ${(ms / 1000).toFixed(1)} s (--no-cache: nothing written).`,
  );
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
