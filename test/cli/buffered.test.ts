import { Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bufferedOutput } from '../../src/cli/output/buffered.js';

/** A stream that records each write it gets, and can be slow to drain. */
function sink(highWaterMark: number, delayMs = 0) {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      writes.push(chunk);
      setTimeout(done, delayMs);
    },
  });
  return { stream, writes };
}

describe('bufferedOutput', () => {
  it('writes small pieces together, in order, once the process turns to other work', async () => {
    const { stream, writes } = sink(1 << 20);
    const out = bufferedOutput(stream);
    for (let i = 0; i < 100; i++) await out.write(`r${i}\n`);
    expect(writes).toEqual([]); // nothing yet: gathered
    await tick();
    expect(writes.join('')).toBe(Array.from({ length: 100 }, (_, i) => `r${i}\n`).join(''));
    expect(writes.length).toBe(1);
  });

  it('writes a full chunk at once, and the rest on flush', async () => {
    const { stream, writes } = sink(1 << 20);
    const out = bufferedOutput(stream);
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 70; i++) await out.write(line);
    expect(writes.length).toBe(1); // the first 64 KB
    await out.flush();
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(writes.length).toBe(2);
    expect(writes.join('')).toBe(line.repeat(70));
  });

  it('waits for a slow reader (backpressure) and loses nothing', async () => {
    const { stream, writes } = sink(1024, 2);
    const out = bufferedOutput(stream);
    const line = `${'y'.repeat(4095)}\n`;
    for (let i = 0; i < 64; i++) await out.write(line);
    await out.flush();
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(writes.join('')).toBe(line.repeat(64));
  });
});
