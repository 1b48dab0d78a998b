/**
 * End to end: `dxlint code` on the built CLI against the real releases. Facts from
 * ../shared/icd10cm/README.md: Z53 is a header whose billable children are Z53.01 … Z53.9 (12),
 * with headers Z53.0, Z53.2, Z53.3, so 16 entries in all; it sits in section Z40-Z53 of the
 * FY2023 Tabular List; S30.1XXA was deleted on 2025-10-01; B88.0 turned into a header in FY2026.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, runCli, withData, type CliResult } from './helpers.js';

const Z53_BILLABLE = ['Z53.01', 'Z53.09', 'Z53.1', 'Z53.20', 'Z53.21', 'Z53.29', 'Z53.31', 'Z53.32', 'Z53.33', 'Z53.39', 'Z53.8', 'Z53.9'];

beforeAll(buildOnce, 300_000);

describe('dxlint code Z53', () => {
  let text: CliResult;
  beforeAll(async () => {
    text = await runCli(withData('code', 'Z53'));
  });

  it('exits 0 and shows a non-billable category', () => {
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Z53  Persons encountering health services for specific procedures and treatment, not carried out');
    expect(text.stdout).toMatch(/status +header, not billable: a category with 12 billable codes/);
  });

  it('shows where it sits: chapter 21, section Z40–Z53, in the latest release', () => {
    expect(text.stdout).toMatch(/release +fy2026-oct/);
    expect(text.stdout).toMatch(/chapter +21 · Factors influencing health status/);
    expect(text.stdout).toMatch(/section +Z40–Z53 · /);
  });

  it('says its notes come from the FY2023 Tabular List, and where each comes from', () => {
    expect(text.stdout).toMatch(/Notes from the FY2023 Tabular List/);
    expect(text.stdout).toMatch(/\(inherited from section Z40–Z53\)/);
    expect(text.stdout).toMatch(/\(inherited from chapter 21\)/);
  });

  it('counts 16 codes, 12 billable, and lists the 12', () => {
    expect(text.stdout).toContain('16 codes in Z53 (itself and 15 under it), 12 of them billable:');
    const listed = [...text.stdout.matchAll(/^ {2}(Z53\.\w+) +\S/gm)].map((m) => m[1]);
    expect(listed).toEqual(Z53_BILLABLE);
  });

  it('shows its status in every loaded release', () => {
    for (const id of ['fy2025-oct', 'fy2025-apr', 'fy2026-oct']) {
      expect(text.stdout).toMatch(new RegExp(`^ {2}${id} +from \\d{4}-\\d{2}-\\d{2} +header \\(not billable\\)$`, 'm'));
    }
  });

  it('--json gives the same facts for machines', async () => {
    const { code, stdout } = await runCli(withData('code', 'z53', '--json'));
    expect(code).toBe(0);
    const info = JSON.parse(stdout);
    expect(info).toMatchObject({ found: true, code: 'Z53', billable: false, kind: 'category', familySize: 16, notesFrom: 'fy2023-oct' });
    expect(info.section).toMatchObject({ id: 'Z40-Z53', from: 'Z40', to: 'Z53' });
    expect(info.billableDescendants.map((c: { code: string }) => c.code)).toEqual(Z53_BILLABLE);
    expect(info.validity.map((v: { status: string }) => v.status)).toEqual(['header', 'header', 'header']);
  });
});

describe('dxlint code: other lookups', () => {
  it('a code with a 7th character: definitions inherited from the subcategory that defines them', async () => {
    const { code, stdout } = await runCli(withData('code', 's52.521'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/7th characters \(defined at S52\.52/);
    expect(stdout).toMatch(/^ {2}A {2}initial encounter for closed fracture$/m);
    expect(stdout).toMatch(/6 of them billable/);
    expect(stdout).toMatch(/^ {2}S52\.521A /m);
  });

  it('a billable code: Z23 with its own "code first" note', async () => {
    const { stdout } = await runCli(withData('code', 'Z23'));
    expect(stdout).toMatch(/status +billable/);
    expect(stdout).toMatch(/Code first\n {4}any routine childhood examination {2}\(Z23\)/);
    expect(stdout).toContain('No codes under Z23.');
  });

  it('a deleted code: exit 1, says when, where it was valid, and the nearest existing code', async () => {
    const { code, stdout } = await runCli(withData('code', 'S30.1XXA'));
    expect(code).toBe(1);
    expect(stdout).toContain('S30.1XXA is not a code in fy2026-oct');
    expect(stdout).toContain('It was deleted on 2025-10-01.');
    expect(stdout).toContain('It is a billable code in fy2025-oct');
    expect(stdout).toMatch(/Nearest existing code: S30\.1 \(subcategory, header\)/);
  });

  it('--date picks the release in force: B88.0 was billable in FY2025', async () => {
    const before = JSON.parse((await runCli(withData('code', 'B88.0', '--json', '--date', '2025-03-01'))).stdout);
    expect(before).toMatchObject({ billable: true, release: { id: 'fy2025-oct' } });
    const after = JSON.parse((await runCli(withData('code', 'B88.0', '--json'))).stdout);
    expect(after).toMatchObject({ billable: false, release: { id: 'fy2026-oct' } });
    expect(after.changes).toEqual([expect.objectContaining({ change: 'became-header', to: 'fy2026-oct' })]);
  });

  it('not a code at all: exit 1; a bad date: exit 2', async () => {
    const bad = await runCli(withData('code', 'hello'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/not shaped like an ICD-10-CM code/);
    expect((await runCli(withData('code', 'Z53', '--date', '03/01/2025'))).code).toBe(2);
    const early = await runCli(withData('code', 'Z53', '--date', '2020-01-01'));
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/no loaded release is in force on 2020-01-01/);
  });
});
