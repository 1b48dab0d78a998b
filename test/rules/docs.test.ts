import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { repoRoot } from '../helpers/data.js';
import { realTester } from './setup.js';

/**
 * Every rule that ships — built-in and the example pack — fires on its own `docs.invalid`
 * claim and stays quiet on its `docs.valid` claim, on the real releases. (The per-rule tests
 * check this too; this file makes sure no rule file is left out.)
 */
const tester = realTester();
const dirs = ['rules', 'rules/examples'].map((d) => path.join(repoRoot, d));
const files = dirs.flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.json')).map((n) => path.join(d, n)));

describe('rule docs examples', () => {
  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s', async (_name, file) => {
    await tester.check(file, { valid: [], invalid: [] });
  });
});
