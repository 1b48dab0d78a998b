/** The progress bar: only for a person watching stderr while stdout goes elsewhere. */
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStderr(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

async function runBatch(options: { isTTY: boolean; stdoutIsTTY: boolean; enabled?: boolean }) {
  const err = fakeStderr(options.isTTY);
  const progress = createProgress({
    enabled: options.enabled ?? true,
    totalBytes: 1000,
    stderr: err.stream,
    stdoutIsTTY: options.stdoutIsTTY,
    delayMs: 0,
  });
  await sleep(20);
  progress.bytes(500);
  for (let i = 0; i < 64; i++) progress.claim();
  await sleep(20);
  progress.stop();
  return err.text();
}

describe('progress bar', () => {
  it('draws on a terminal stderr when stdout is redirected', async () => {
    expect(await runBatch({ isTTY: true, stdoutIsTTY: false })).toMatch(/checking .*\d+% \| \d+ claims/);
  });
  it('stays silent when stderr is not a terminal, when stdout is the terminal, or with --no-progress', async () => {
    expect(await runBatch({ isTTY: false, stdoutIsTTY: false })).toBe('');
    expect(await runBatch({ isTTY: true, stdoutIsTTY: true })).toBe('');
    expect(await runBatch({ isTTY: true, stdoutIsTTY: false, enabled: false })).toBe('');
  });
});
