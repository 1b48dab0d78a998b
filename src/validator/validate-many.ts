import type { Report } from '../report/types.js';

/**
 * Runs `check` over inputs with at most `limit` in flight, yielding results in input order.
 * Memory stays bounded: the window never holds more than `limit` pending results, and a slow
 * consumer stops the reading of inputs (pull-based async generator).
 */
export async function* mapOrdered(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  check: (input: unknown) => Promise<Report>,
  limit: number,
): AsyncGenerator<Report> {
  const window: Promise<Report>[] = [];
  for await (const input of inputs as AsyncIterable<unknown>) {
    window.push(check(input));
    if (window.length >= limit) yield await window.shift()!;
  }
  while (window.length > 0) yield await window.shift()!;
}
