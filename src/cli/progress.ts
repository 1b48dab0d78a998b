import cliProgress from 'cli-progress';

/** Feedback for long batches; every method is a no-op when the bar is off. */
export interface Progress {
  /** Input bytes consumed so far (added). */
  bytes(n: number): void;
  /** One more claim checked. */
  claim(): void;
  stop(): void;
}

const NOOP: Progress = { bytes() {}, claim() {}, stop() {} };

export interface ProgressOptions {
  /** False turns the bar off (`--no-progress`). */
  enabled: boolean;
  /** Sum of the input files' sizes; undefined when reading stdin (size unknown). */
  totalBytes: number | undefined;
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  stdoutIsTTY?: boolean;
  /** Show nothing for batches that finish within this time (ms). */
  delayMs?: number;
}

const MB = 1024 * 1024;

/**
 * A progress bar on stderr (cli-progress), by input bytes read, with the number of claims
 * checked. Shown only when stderr is a terminal and stdout is not the same terminal (pretty
 * output scrolling past is progress enough, and a redrawn bar would tear it), and only once
 * a batch has run for `delayMs`, so short runs print nothing extra.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stderr = options.stderr ?? process.stderr;
  const stdoutIsTTY = options.stdoutIsTTY ?? Boolean(process.stdout.isTTY);
  if (!options.enabled || !stderr.isTTY || stdoutIsTTY) return NOOP;

  const total = options.totalBytes;
  let bytes = 0;
  let claims = 0;
  let bar: cliProgress.SingleBar | undefined;
  const payload = () => ({ claims, read: (bytes / MB).toFixed(1), size: total === undefined ? '?' : (total / MB).toFixed(1) });
  const timer = setTimeout(() => {
    bar = new cliProgress.SingleBar(
      {
        stream: stderr as NodeJS.WriteStream,
        format:
          total === undefined
            ? 'checking {claims} claims | {read} MB read | {duration_formatted}'
            : 'checking [{bar}] {percentage}% | {claims} claims | {read}/{size} MB | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, bytes, payload());
  }, options.delayMs ?? 500);
  timer.unref();

  return {
    bytes(n) {
      bytes += n;
      bar?.update(bytes, payload());
    },
    claim() {
      claims += 1;
      if (claims % 64 === 0) bar?.update(bytes, payload());
    },
    stop() {
      clearTimeout(timer);
      bar?.stop();
    },
  };
}
