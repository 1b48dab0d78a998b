import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/codeset/index.js';
import { CodeCache } from '../../src/engine/facts/code-cache.js';
import { loadTestCatalog } from '../helpers/data.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadTestCatalog();
});

describe('CodeCache', () => {
  it('gives one facts object per code of a release, however the code is written', () => {
    const cache = new CodeCache(catalog);
    const cs = catalog.forDate('2025-11-03');
    const a = cache.get(cs, 'E11.9');
    for (const written of ['E119', ' e11.9 ', 'e119', 'E11.9']) expect(cache.get(cs, written), written).toBe(a);
    expect(a.code).toBe('E119');
    expect(a.dotted).toBe('E11.9');
    expect(a.status).toBe('valid');
  });

  it('keeps releases and validators apart', () => {
    const one = new CodeCache(catalog);
    const two = new CodeCache(catalog);
    const fy2026 = catalog.forDate('2025-11-03');
    const fy2025 = catalog.forDate('2025-01-15');
    expect(fy2026).not.toBe(fy2025);
    expect(one.get(fy2026, 'E11.9')).not.toBe(one.get(fy2025, 'E11.9'));
    expect(one.get(fy2026, 'E11.9')).not.toBe(two.get(fy2026, 'E11.9'));
    // No release: the code is judged against nothing.
    expect(one.get(undefined, 'E11.9').status).toBe('no-release');
  });

  it('answers non-entries (headers, forms needing a 7th character, unknown, malformed) from what was written, with a bounded memory', () => {
    const cache = new CodeCache(catalog);
    const cs = catalog.forDate('2025-11-03');
    expect(cache.get(cs, 'S52.521').status).toBe('needs-seventh');
    expect(cache.get(cs, 'Z53').status).toBe('header');
    expect(cache.get(cs, 'U99.99').status).toBe('unknown');
    expect(cache.get(cs, '12345').status).toBe('malformed');
    // A stream of ever-new garbage codes does not grow the cache without end.
    for (let i = 0; i < 50_000; i++) cache.get(cs, `Q${i}`);
    expect(cache.size).toBeLessThanOrEqual(50_000 + 10);
  });
});
