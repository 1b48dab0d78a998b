import { located, type InputError } from '../types.js';
import type { Segment } from './tokenize.js';

/** Warnings that concern every claim inside one envelope level (interchange, group, transaction). */
interface Scope {
  warnings: InputError[];
}

/** One ST…SE transaction set and what surrounds it. */
export interface Transaction {
  st: Segment;
  /** The segments between ST and SE (both excluded). */
  body: Segment[];
  /** GS08 of the enclosing functional group, when there is one. */
  gs08?: string;
  /** False when the file ended (or the next envelope segment came) before SE. */
  closed: boolean;
  /** How paths name this transaction, e.g. "ST 0001" (longer when ST02 repeats in the file). */
  label: string;
  scopes: Scope[];
}

export interface Envelope {
  transactions: Transaction[];
  /** File-level problems: the structure is broken. */
  errors: InputError[];
}

export const filePath = (seg: Segment): string => `segment ${seg.index} (${seg.tag}, line ${seg.line})`;

/** Path of a segment (and optionally an element) inside a transaction: "ST 0001 / segment 27 / HI02-2". */
export function txPath(tx: Transaction, seg: Segment, element?: string): string {
  const n = seg.index - tx.st.index + 1;
  return element ? `${tx.label} / segment ${n} / ${element}` : `${tx.label} / segment ${n} (${seg.tag})`;
}

const value = (seg: Segment, n: number): string => (seg.elements[n] ?? '').trim();
const sameNumber = (a: string, b: string) => /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b);

/**
 * Groups segments into ISA/GS/ST envelopes and checks the trailers (counts and control numbers).
 * Trailer mismatches do not stop the reading: they become warnings on every claim inside (a
 * payer would reject the whole transaction). Nesting faults become file-level errors, and the
 * claims found are still returned.
 */
export function readEnvelope(segments: readonly Segment[], headerWarnings: readonly InputError[]): Envelope {
  const errors: InputError[] = [];
  const transactions: Transaction[] = [];
  let isa: { seg: Segment; groups: number; scope: Scope } | undefined;
  let gs: { seg: Segment; sets: number; scope: Scope } | undefined;
  let tx: Transaction | undefined;
  let stray: Segment[] = [];
  let firstInterchange = true;
  let sets = 0;
  // Name transactions by ST02 alone when that is unambiguous in the file.
  const st02Count = new Map<string, number>();
  for (const seg of segments) if (seg.tag === 'ST') st02Count.set(value(seg, 2), (st02Count.get(value(seg, 2)) ?? 0) + 1);

  const flushStray = () => {
    if (stray.length === 0) return;
    const first = stray[0]!;
    const last = stray[stray.length - 1]!;
    const where = stray.length === 1 ? filePath(first) : `segments ${first.index}–${last.index} (lines ${first.line}–${last.line})`;
    errors.push(located(where, `${stray.length === 1 ? `${first.tag} is` : `${stray.length} segments (${first.tag} … ${last.tag}) are`} outside any ST…SE transaction set and were not read`));
    stray = [];
  };
  const closeTx = (closed: boolean) => {
    if (!tx) return;
    tx.closed = closed;
    transactions.push(tx);
    tx = undefined;
  };

  for (const seg of segments) {
    switch (seg.tag) {
      case 'ISA': {
        flushStray();
        if (tx) {
          errors.push(located(filePath(seg), `a new interchange starts before SE closed ${tx.label}; that transaction may be incomplete`));
          closeTx(false);
        }
        if (isa) errors.push(located(filePath(seg), 'a new interchange starts before IEA closed the previous one'));
        const scope: Scope = { warnings: firstInterchange ? [...headerWarnings] : [] };
        firstInterchange = false;
        isa = { seg, groups: 0, scope };
        gs = undefined;
        break;
      }
      case 'GS': {
        flushStray();
        if (tx) {
          errors.push(located(filePath(seg), `a functional group starts before SE closed ${tx.label}; that transaction may be incomplete`));
          closeTx(false);
        }
        if (!isa) errors.push(located(filePath(seg), 'GS outside an interchange (no ISA before it)'));
        if (gs) errors.push(located(filePath(seg), 'a new functional group starts before GE closed the previous one'));
        if (isa) isa.groups++;
        gs = { seg, sets: 0, scope: { warnings: [] } };
        break;
      }
      case 'ST': {
        flushStray();
        if (tx) {
          errors.push(located(filePath(seg), `a transaction set starts before SE closed ${tx.label}; that transaction may be incomplete`));
          closeTx(false);
        }
        if (!gs) errors.push(located(filePath(seg), 'ST outside a functional group (no GS before it); the transaction is read anyway'));
        if (gs) gs.sets++;
        const scopes = [isa?.scope, gs?.scope].filter((s): s is Scope => s !== undefined);
        sets++;
        const label = st02Count.get(value(seg, 2))! > 1 ? `transaction ${sets} (ST ${value(seg, 2)})` : `ST ${value(seg, 2)}`;
        const t: Transaction = { st: seg, body: [], closed: false, label, scopes: [...scopes, { warnings: [] }] };
        if (gs) t.gs08 = value(gs.seg, 8);
        tx = t;
        break;
      }
      case 'SE': {
        flushStray();
        if (!tx) {
          errors.push(located(filePath(seg), 'SE without a matching ST'));
          break;
        }
        const own = tx.scopes[tx.scopes.length - 1]!;
        const count = seg.index - tx.st.index + 1;
        if (value(seg, 1) !== String(count)) {
          own.warnings.push(located(`${tx.label} / SE01`, `SE01 says ${value(seg, 1) || '(nothing)'} segments but the transaction set has ${count}; a payer may reject the transaction`));
        }
        if (value(seg, 2) !== value(tx.st, 2)) {
          const note = sameNumber(value(seg, 2), value(tx.st, 2)) ? ' (equal as numbers, but control numbers must match exactly)' : '';
          own.warnings.push(located(`${tx.label} / SE02`, `SE02 "${value(seg, 2)}" does not match ST02 "${value(tx.st, 2)}"${note}; a payer may reject the transaction`));
        }
        closeTx(true);
        break;
      }
      case 'GE': {
        flushStray();
        if (tx) {
          errors.push(located(filePath(seg), `GE comes before SE closed ${tx.label}; that transaction may be incomplete`));
          closeTx(false);
        }
        if (!gs) {
          errors.push(located(filePath(seg), 'GE without a matching GS'));
          break;
        }
        if (value(seg, 1) !== String(gs.sets)) {
          gs.scope.warnings.push(located(`${filePath(seg)} GE01`, `GE01 says ${value(seg, 1) || '(nothing)'} transaction sets but the group has ${gs.sets}; a payer may reject the group`));
        }
        if (value(seg, 2) !== value(gs.seg, 6)) {
          gs.scope.warnings.push(located(`${filePath(seg)} GE02`, `GE02 "${value(seg, 2)}" does not match GS06 "${value(gs.seg, 6)}"; a payer may reject the group`));
        }
        gs = undefined;
        break;
      }
      case 'IEA': {
        flushStray();
        if (tx) {
          errors.push(located(filePath(seg), `IEA comes before SE closed ${tx.label}; that transaction may be incomplete`));
          closeTx(false);
        }
        if (gs) errors.push(located(filePath(seg), 'IEA comes before GE closed the functional group'));
        gs = undefined;
        if (!isa) {
          errors.push(located(filePath(seg), 'IEA without a matching ISA'));
          break;
        }
        if (value(seg, 1) !== String(isa.groups)) {
          isa.scope.warnings.push(located(`${filePath(seg)} IEA01`, `IEA01 says ${value(seg, 1) || '(nothing)'} functional groups but the interchange has ${isa.groups}; a payer may reject the interchange`));
        }
        if (value(seg, 2) !== value(isa.seg, 13)) {
          isa.scope.warnings.push(located(`${filePath(seg)} IEA02`, `IEA02 "${value(seg, 2)}" does not match ISA13 "${value(isa.seg, 13)}"; a payer may reject the interchange`));
        }
        isa = undefined;
        break;
      }
      default:
        if (tx) tx.body.push(seg);
        else stray.push(seg);
    }
  }
  flushStray();

  const last = segments[segments.length - 1];
  if (last?.unterminated && !['SE', 'GE', 'IEA'].includes(last.tag)) {
    errors.push(located(filePath(last), `the file ends inside this segment (no terminator after it): it is cut off`));
  }
  const missing = [tx ? 'SE' : '', gs ? 'GE' : '', isa ? 'IEA' : ''].filter(Boolean);
  if (missing.length > 0) {
    const where = last ? `end of file (line ${last.line})` : 'end of file';
    errors.push(located(where, `the file ends without ${missing.join(', ')}: it may be truncated${tx ? `, so the last claim of ${tx.label} may be incomplete` : ''}`));
  }
  closeTx(false);
  return { transactions, errors };
}
