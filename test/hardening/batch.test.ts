/**
 * The worker-thread batch runner gives the same reports as the single-threaded validator, in
 * input order, for good and bad claims alike, and fails early with a clear error on bad setup.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePools, generateClaims } from '../../bench/workload.js';
import { createBatchValidator, type BatchValidator } from '../../src/batch/index.js';
import type { Report } from '../../src/report/types.js';
import { buildValidator } from '../../src/validator/index.js';
import type { Validator } from '../../src/validator/index.js';
import { dataRoot, loadTestCatalog, repoRoot } from '../helpers/data.js';

let single: Validator;
let batch: BatchValidator;
let claims: unknown[];

beforeAll(async () => {
  const catalog = await loadTestCatalog();
  single = buildValidator(catalog, { preset: 'recommended' });
  const pools = codePools(catalog, resolve(repoRoot, 'data'));
  claims = generateClaims(pools, { seed: 5, count: 600, diagnoses: 4, lines: 2, dirtyRate: 0.3 }).claims;
  // Claims that are not claims: each must come back as a report with inputErrors, in place.
  claims.splice(10, 0, null, 'text', { type: 'professional' }, { __proto__: null, diagnoses: 5 });
  batch = await createBatchValidator({ data: dataRoot(), preset: 'recommended', threads: 2, chunkSize: 64 });
});

afterAll(async () => {
  await batch?.destroy();
});

async function singleReports(inputs: unknown[]): Promise<Report[]> {
  const out: Report[] = [];
  for (const c of inputs) out.push(await single.validate(c));
  return out;
}

describe('createBatchValidator', () => {
  it('returns the single-threaded reports, in input order, for good and bad claims', async () => {
    const expected = await singleReports(claims);
    const got = await batch.validateAll(claims);
    expect(got).toHaveLength(claims.length);
    expect(got).toEqual(expected);
    expect(got[10]!.inputErrors?.length).toBeGreaterThan(0);
    expect(got[13]!.inputErrors?.length).toBeGreaterThan(0);
    // Dirty claims do get findings through the workers.
    expect(got.filter((r) => r.findings.length > 0).length).toBeGreaterThan(100);
  });

  it('streams with validateMany: same reports, same order, from an async iterable', async () => {
    async function* source() {
      for (const c of claims) yield c;
    }
    const got: Report[] = [];
    for await (const r of batch.validateMany(source())) got.push(r);
    expect(got).toEqual(await batch.validateAll(claims));
  });

  it('validateNdjson: one report line per input line, equal to the single-threaded report, in order', async () => {
    const lines = claims.map((c) => JSON.stringify(c));
    lines.splice(3, 0, '{"type": "professional", "diagnoses": [', '');
    // A claim pretty-printed over several lines still counts as one input.
    lines.push(JSON.stringify({ type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }] }, null, 2));
    const got: string[] = [];
    for await (const r of batch.validateNdjson(lines)) got.push(r);
    expect(got).toHaveLength(lines.length);
    const expected: string[] = [];
    for (const line of lines) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        expected.push('invalid');
        continue;
      }
      expected.push(JSON.stringify(await single.validate(parsed)));
    }
    got.forEach((r, i) => {
      if (expected[i] === 'invalid') {
        const report = JSON.parse(r) as Report;
        expect(report.findings).toEqual([]);
        expect(report.inputErrors?.[0]?.message).toMatch(/^not valid JSON: /);
      } else {
        expect(r).toBe(expected[i]);
      }
    });
    expect(JSON.parse(got.at(-1)!).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('code-not-billable');
  });

  it('handles an empty batch', async () => {
    expect(await batch.validateAll([])).toEqual([]);
    const none: string[] = [];
    for await (const r of batch.validateNdjson([])) none.push(r);
    expect(none).toEqual([]);
  });

  it('fails at creation, naming the problem, when the data folder does not exist', async () => {
    await expect(createBatchValidator({ data: resolve(repoRoot, 'no-such-folder'), threads: 1 })).rejects.toThrow(
      /could not build its validator.*no-such-folder/s,
    );
  });

  it('fails at creation on a bad option and on bad pool sizes', async () => {
    await expect(createBatchValidator({ data: dataRoot(), threads: 1, preset: 'lenient' as never })).rejects.toThrow(/preset/);
    await expect(createBatchValidator({ data: dataRoot(), threads: 0 })).rejects.toThrow(/threads must be a whole number/);
    await expect(createBatchValidator({ data: dataRoot(), chunkSize: 1.5 })).rejects.toThrow(/chunkSize/);
  });
});
