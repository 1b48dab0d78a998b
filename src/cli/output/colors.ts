/** The few ANSI styles the pretty output uses; identity functions when colour is off. */
export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const ON: Colors = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};
const id = (s: string) => s;
const OFF: Colors = { red: id, yellow: id, blue: id, green: id, dim: id, bold: id };

/**
 * Colour only for a person at a terminal: stdout is a TTY and NO_COLOR is unset or empty
 * (https://no-color.org). Piped or redirected output stays plain so it can be grepped and diffed.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY && !noColor ? ON : OFF;
}

export const NO_COLORS = OFF;
