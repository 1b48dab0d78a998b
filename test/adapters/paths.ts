import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, found from this file (CI clones the repo with shared/ beside it). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const samplesDir = path.resolve(repoRoot, '../shared/samples');
export const fixturesDir = path.resolve(repoRoot, 'fixtures');
