import { CommanderError } from 'commander';
import { DataError } from '../codeset/errors.js';
import { RuleLoadError } from '../engine/errors.js';
import { EXIT_INPUT, UsageError } from './exit.js';
import type { Io } from './io.js';
import { commanderExit, createProgram } from './program.js';

/**
 * Runs `dxlint` with the given arguments (without the node and script paths) and returns the
 * exit code. Errors a person can act on (usage, missing data, bad rule files) are printed as
 * one message; anything else is a bug and printed with its stack. Both exit 2.
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = createProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    if (error instanceof UsageError || error instanceof DataError || error instanceof RuleLoadError) {
      io.stderr.write(`dxlint: ${error.message}\n`);
      return EXIT_INPUT;
    }
    io.stderr.write(`dxlint: internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_INPUT;
  }
}
