import { formatCode } from '../code/normalize.js';
import type { CodesFile } from './read-codes.js';
import type { OrderFile } from './read-order.js';
import type { LoadDiagnostic } from './types.js';

const EXAMPLES = 8;

/**
 * Order file vs codes file. Officially the flag-1 lines of the order file are exactly the codes
 * file (same codes, order and long titles). Each kind of disagreement becomes one warning with
 * a count and examples; none stops the load.
 */
export function compareOrderAndCodes(order: OrderFile, codes: CodesFile): LoadDiagnostic[] {
  const out: LoadDiagnostic[] = [];
  const notBillable: string[] = [];
  const titleDiff: string[] = [];
  for (let i = 0; i < codes.codes.length; i++) {
    const code = codes.codes[i]!;
    const slot = order.index.get(code);
    if (slot === undefined || order.billable[slot] !== 1) notBillable.push(code);
    else if (order.titles[slot] !== codes.titles[i]) titleDiff.push(code);
  }
  const missing: string[] = [];
  const orderBillable: string[] = [];
  for (let i = 0; i < order.codes.length; i++) {
    if (order.billable[i] !== 1) continue;
    orderBillable.push(order.codes[i]!);
    if (!codes.index.has(order.codes[i]!)) missing.push(order.codes[i]!);
  }
  let sequenceDiffers = false;
  if (missing.length === 0 && notBillable.length === 0) {
    sequenceDiffers = orderBillable.some((c, i) => codes.codes[i] !== c);
  }
  const push = (kind: string, list: string[], what: string): void => {
    if (list.length === 0) return;
    out.push({
      level: 'warning',
      kind,
      message: `${list.length} ${what}`,
      file: codes.file,
      count: list.length,
      examples: list.slice(0, EXAMPLES).map(formatCode),
    });
  };
  push('codes-not-billable-in-order', notBillable, `code(s) of ${codes.file} are not billable lines of ${order.file}; the codes file decides (billable)`);
  push('order-billable-not-in-codes', missing, `billable line(s) of ${order.file} are not in ${codes.file}; the codes file decides (not billable)`);
  push('title-mismatch', titleDiff, `long title(s) differ between ${order.file} and ${codes.file}; the order file's are used`);
  if (sequenceDiffers) {
    out.push({
      level: 'info',
      kind: 'order-mismatch',
      message: `${codes.file} lists the billable codes in another order than ${order.file}`,
      file: codes.file,
    });
  }
  return out;
}
