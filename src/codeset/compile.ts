import { compareOrderAndCodes } from './consistency.js';
import { codesFromTabular, compareOrderAndTabular } from './from-tabular.js';
import type { CodesFile } from './read-codes.js';
import type { OrderFile } from './read-order.js';
import type { TabularFile } from './read-tabular.js';
import { ArrayTitles, ReleaseData } from './release-data.js';
import type { LoadDiagnostic } from './types.js';

/** A release's codes, titles and hierarchy, with everything noticed while building them. */
export interface CompiledRelease {
  data: ReleaseData;
  diagnostics: LoadDiagnostic[];
}

/**
 * Builds a release from whichever of its files exist:
 * - the order file gives every entry, headers included;
 * - the codes file, when present too, is the ground truth for "billable" (the design's rule);
 *   disagreements are reported, and codes missing from the order file are appended;
 * - with only a codes file the headers are unknown (a warning says so);
 * - with only a Tabular List XML the codes are formed from it (a warning says how).
 * (A release's own Tabular List is compared with it by `checkAgainstTabular`.)
 */
export function compileRelease(files: { order?: OrderFile; codes?: CodesFile; tabular?: TabularFile }): CompiledRelease {
  const { order, codes, tabular } = files;
  let compiled: CompiledRelease;
  if (order && codes) compiled = fromOrderAndCodes(order, codes);
  else if (order) compiled = { data: fromOrder(order), diagnostics: [...order.diagnostics] };
  else if (codes) compiled = fromCodesOnly(codes);
  else if (tabular) compiled = fromTabularOnly(tabular);
  else throw new Error('compileRelease needs an order file, a codes file or a Tabular List');
  compiled.diagnostics.push(...compiled.data.diagnostics);
  return compiled;
}

/**
 * A release against its own Tabular List XML (the codes as finally decided: order file, codes
 * file for "billable"). Kept apart from `compileRelease` so that byte-identical releases share
 * one compiled entry whether or not one of them ships an XML.
 */
export function checkAgainstTabular(data: ReleaseData, fileName: string, tabular: TabularFile): LoadDiagnostic[] {
  return compareOrderAndTabular({ codes: data.codes, billable: data.billable, index: data.index, file: fileName }, codesFromTabular(tabular), tabular.file);
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

function fromOrderAndCodes(order: OrderFile, codes: CodesFile): CompiledRelease {
  const diagnostics = [...order.diagnostics, ...codes.diagnostics, ...compareOrderAndCodes(order, codes)];
  const disagree = diagnostics.some((d) => d.kind === 'codes-not-billable-in-order' || d.kind === 'order-billable-not-in-codes');
  if (!disagree) return { data: fromOrder(order), diagnostics };

  // The codes file decides what is billable; its codes missing from the order file go at the
  // end with order number 0 (= not in the order file).
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

function fromCodesOnly(codes: CodesFile): CompiledRelease {
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
        'subcategories (headers) are missing, so a header on a claim looks unknown. Short titles are the long titles ' +
        'and `order` is the line in the codes file',
      file: codes.file,
    },
  ];
  return { data, diagnostics };
}

function fromTabularOnly(tabular: TabularFile): CompiledRelease {
  const derived = codesFromTabular(tabular);
  const n = derived.codes.length;
  const data = new ReleaseData({
    codes: derived.codes,
    billable: derived.billable,
    orders: Uint32Array.from({ length: n }, (_, i) => i + 1),
    titles: new ArrayTitles(derived.titles),
    shortTitles: new ArrayTitles(derived.titles),
  });
  const diagnostics: LoadDiagnostic[] = [
    {
      level: 'warning',
      kind: 'codes-from-tabular',
      message:
        `no order or codes file for this release: its codes are formed from ${tabular.file} (headers are the ` +
        '<diag>s with children or a 7th character; billable codes are the other leaves and the 7th-character ' +
        'forms). Exceptions the Tabular states only in words (e.g. 7th characters D and S not applying to some ' +
        'S06 codes) are not applied. Short titles are the long titles and `order` is the position in the XML',
      file: tabular.file,
    },
  ];
  return { data, diagnostics };
}
