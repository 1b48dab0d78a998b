// `npm run demo`: builds dist/ if needed, then checks the demo claims in fixtures/demo against
// the release files in ../shared/icd10cm (or the folder named by DXLINT_DATA), exactly as
//   node dist/cli.js check fixtures/demo --data ../shared/icd10cm
// would. The demo claims include deliberate mistakes, so the CLI exits 1 (errors found); this
// script turns that expected 1 into 0 so npm does not print a failure banner, and passes any
// other code (2 = bad input or no data) through.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await ensureBuilt();

const data = process.env.DXLINT_DATA ? [] : ['--data', '../shared/icd10cm'];
const args = [path.join('dist', 'cli.js'), 'check', path.join('fixtures', 'demo'), ...data, ...process.argv.slice(2)];
process.stderr.write(`$ node ${args.join(' ')}\n`);
const { status, error } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (error) throw error;
if (status === 1) process.stderr.write('\n(exit code 1: the demo claims contain deliberate errors)\n');
process.exit(status === 1 ? 0 : status ?? 1);
