import type { Machine } from './machine.js';

/** One row of the results table. */
export interface Row {
  metric: string;
  value: string;
  /** The target as text ("≥ 50,000"), or "" when the row is informative. */
  target: string;
  /** Whether the target is met; undefined for informative rows. */
  met?: boolean;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** 12345.6 → "12,346". */
export const n0 = (x: number): string => fmt.format(x);
/** A number with one decimal. */
export const n1 = (x: number): string => x.toFixed(1);

/** The Markdown table printed by the bench and pasted into the README. */
export function renderTable(m: Machine, rows: readonly Row[], notes: readonly string[] = []): string {
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. Date: ${m.date}. ` +
      `Load average at start: ${m.load.toFixed(2)}.`,
    ...(m.load > m.cores / 2 ? ['', `**The machine was busy (load ${m.load.toFixed(1)} on ${m.cores} cores): the numbers below are low and noisy.**`] : []),
    '',
    '| metric | value | target | met? |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.target || '—'} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
