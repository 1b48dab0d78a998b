import type { Io } from './io.js';
import { run } from './run.js';

// The `dxlint` executable (package.json "bin" → dist/cli.js). Everything testable is in run.ts.

const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };

// A reader that goes away (`dxlint check … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
