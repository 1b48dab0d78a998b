/**
 * Runs the BUILT CLI (`node dist/cli.js`) the way a user would, against the real release
 * files. `buildOnce()` builds dist/ first when it is missing or stale (scripts/ensure-build.mjs,
 * which serialises concurrent builds), so the tests also work on a fresh clone.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cli = path.join(repoRoot, 'dist', 'cli.js');
/** The release files: DXLINT_DATA, else ../shared/icd10cm beside the repo (as in CI). */
export const dataDir = process.env.DXLINT_DATA ?? path.resolve(repoRoot, '../shared/icd10cm');
export const samplesDir = path.resolve(repoRoot, '../shared/samples');
export const fixture = (...parts: string[]) => path.join(repoRoot, 'fixtures', ...parts);
export const testFixture = (...parts: string[]) => path.join(repoRoot, 'test', 'cli', 'fixtures', ...parts);

export function buildOnce(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'ensure-build.mjs')], { cwd: repoRoot, stdio: 'pipe' });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text for stdin. */
  input?: string;
  /** Extra environment; DXLINT_DATA is removed unless given here. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `node dist/cli.js …args` and resolves with its exit code and output (never rejects on exit ≠ 0). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DXLINT_DATA;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd ?? repoRoot, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
  });
}

/** `--data <release files>`, as every data-using command needs. */
export const withData = (...args: string[]) => [...args, '--data', dataDir];

export { spawn };
