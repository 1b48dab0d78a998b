/**
 * Exit codes of `dxlint`, as documented in the README:
 * - 0: every claim was read and no finding has severity `error` (warnings and info are fine);
 * - 1: at least one finding at `error` level;
 * - 2: bad usage, missing data, an unreadable file, or a claim that could not be read
 *   (input error) — even when the other claims of the batch were checked. Input problems win
 *   over findings because a claim we could not check may hide anything.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

/** A problem with how the tool was called or with its inputs; printed without a stack, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
