import { DataError } from './errors.js';
import { compareOrderAndCodes } from './consistency.js';
import { parseCodesFile, type CodesFile } from './read-codes.js';
import { parseOrderFile, type OrderFile } from './read-order.js';
import { ArrayTitles, ReleaseData } from './release-data.js';
import type { SourceGroup } from './sources.js';
import { decodeText } from './text-file.js';
import type { LoadDiagnostic } from './types.js';

/**
 * Codes, titles and hierarchy of a release, with what was noticed while reading its files
 * (`data.diagnostics` holds the hierarchy's own findings).
 */
export interface BuiltRelease {
  data: ReleaseData;
  diagnostics: LoadDiagnostic[];
}

/**
 * Builds a release's codes from its text files. The order file gives every entry, headers
 * included; the codes file, when present too, is the ground truth for "billable" (the design's
 * rule) and any disagreement is reported. With only a codes file the headers are unknown, and
 * a diagnostic says so.
 */
export function buildFromTextFiles(group: SourceGroup): BuiltRelease {
  const orderSrc = group.files.order;
  const codesSrc = group.files.codes;
  const order = orderSrc ? parseOrderFile(decodeText(orderSrc.bytes()), orderSrc.fileName) : undefined;
  const codes = codesSrc ? parseCodesFile(decodeText(codesSrc.bytes()), codesSrc.fileName) : undefined;
  if (order && codes) return fromOrderAndCodes(order, codes);
  if (order) return { data: fromOrder(order), diagnostics: [...order.diagnostics] };
  if (codes) return fromCodesOnly(codes);
  throw new DataError(`Release ${group.id} has neither an order file nor a codes file`);
}

function fromOrder(order: OrderFile): ReleaseData {
  return new ReleaseData({
    codes: order.codes,
    billable: order.billable,
    orders: order.orders,
    titles: new ArrayTitles(order.titles),
    shortTitles: new ArrayTitles(order.shortTitles),
    index: order.index,
  });
}

function fromOrderAndCodes(order: OrderFile, codes: CodesFile): BuiltRelease {
  const diagnostics = [...order.diagnostics, ...codes.diagnostics, ...compareOrderAndCodes(order, codes)];
  const disagree = diagnostics.some((d) => d.kind === 'codes-not-billable-in-order' || d.kind === 'order-billable-not-in-codes');
  if (!disagree) return { data: fromOrder(order), diagnostics };

  // The codes file decides what is billable; codes missing from the order file go at the end
  // with order number 0 (not in the order file).
  const list = [...order.codes];
  const titles = [...order.titles];
  const shortTitles = [...order.shortTitles];
  const orders = Array.from(order.orders);
  const index = new Map(order.index);
  for (let i = 0; i < codes.codes.length; i++) {
    const code = codes.codes[i]!;
    if (index.has(code)) continue;
    index.set(code, list.length);
    list.push(code);
    titles.push(codes.titles[i]!);
    shortTitles.push(codes.titles[i]!);
    orders.push(0);
  }
  const billable = new Uint8Array(list.length);
  for (const code of codes.codes) billable[index.get(code)!] = 1;
  const data = new ReleaseData({
    codes: list,
    billable,
    orders: Uint32Array.from(orders),
    titles: new ArrayTitles(titles),
    shortTitles: new ArrayTitles(shortTitles),
    index,
  });
  return { data, diagnostics };
}

function fromCodesOnly(codes: CodesFile): BuiltRelease {
  const n = codes.codes.length;
  const data = new ReleaseData({
    codes: codes.codes,
    billable: new Uint8Array(n).fill(1),
    orders: Uint32Array.from({ length: n }, (_, i) => i + 1),
    titles: new ArrayTitles(codes.titles),
    shortTitles: new ArrayTitles(codes.titles),
    index: codes.index,
  });
  const diagnostics: LoadDiagnostic[] = [
    ...codes.diagnostics,
    {
      level: 'warning',
      kind: 'no-order-file',
      message:
        `no order file for this release: only the billable codes of ${codes.file} are known; categories and ` +
        'subcategories (headers) are missing, short titles are the long titles and `order` is the line in the codes file',
      file: codes.file,
    },
  ];
  return { data, diagnostics };
}
