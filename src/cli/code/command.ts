import { UsageError } from '../exit.js';
import { loadData } from '../data.js';
import { colorsFor } from '../output/colors.js';
import type { Io } from '../io.js';
import { describeCode } from './describe.js';
import { renderCodeInfo, renderUnknownCode } from './render.js';

export interface CodeOptions {
  date?: string;
  json: boolean;
  all: boolean;
  data?: string;
  cache: boolean;
}

/**
 * `dxlint code <code>`: prints what a coder wants to know about a code in the release in force
 * on `--date` (default: the latest loaded). Exit 0 when the code exists there, 1 when it does
 * not (the page then says so and suggests the nearest existing code), 2 for bad options.
 */
export async function runCode(query: string, options: CodeOptions, io: Io): Promise<number> {
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new UsageError(`--date must be an ISO date (YYYY-MM-DD), got "${options.date}"`);
  }
  const catalog = await loadData({ data: options.data, cache: options.cache, env: io.env });
  let info;
  try {
    info = describeCode(catalog, query, options.date);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  } else {
    const colors = colorsFor(io.stdout, io.env);
    io.stdout.write(info.found ? renderCodeInfo(info, { all: options.all, colors }) : renderUnknownCode(info, { colors }));
  }
  return info.found ? 0 : 1;
}
