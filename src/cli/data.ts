import path from 'node:path';
import { loadCatalog, DATA_ENV, type Catalog } from '../codeset/index.js';
import { DataError, HOW_TO_GET_DATA } from '../codeset/errors.js';

export interface DataOptions {
  /** `--data <dir>`: a folder (or zip) holding the official release files. */
  data?: string;
  /** `--no-cache` sets this to false: parse the raw files and write no compiled cache. */
  cache: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Where the release files are: `--data`, else the DXLINT_DATA environment variable. With
 * neither, a DataError that says how to get the CDC files and how to point dxlint at them.
 */
export function dataDir(options: Pick<DataOptions, 'data' | 'env'>): string {
  const dir = options.data ?? options.env[DATA_ENV];
  if (!dir) {
    throw new DataError(
      `No ICD-10-CM release files given: pass --data <folder> or set ${DATA_ENV}=<folder>. ${HOW_TO_GET_DATA}`,
    );
  }
  return path.resolve(dir);
}

/** Loads every release under the data folder (through the compiled cache unless --no-cache). */
export async function loadData(options: DataOptions): Promise<Catalog> {
  return loadCatalog(dataDir(options), { cache: options.cache });
}
