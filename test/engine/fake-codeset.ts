import { formatCode, normalizeCode } from '../../src/code/normalize.js';
import type { CodeNode, CodeSet, CodeSetCatalog, ReleaseInfo, Validity } from '../../src/codeset/types.js';

/**
 * A tiny in-memory code set for engine unit tests: entries are `code` (header) or `code*`
 * (billable), in tabular order; the parent of an entry is the longest earlier entry that is a
 * prefix of it. Not a substitute for the real releases (see test/rules for those).
 */
export function fakeCodeSet(release: Partial<ReleaseInfo> & { id: string; effectiveFrom: string }, entries: string[]): CodeSet {
  const info: ReleaseInfo = {
    fiscalYear: Number(release.effectiveFrom.slice(0, 4)) + (Number(release.effectiveFrom.slice(5, 7)) >= 10 ? 1 : 0),
    label: release.id,
    ...release,
  };
  const nodes = new Map<string, CodeNode & { children: string[] }>();
  entries.forEach((e, i) => {
    const billable = e.endsWith('*');
    const code = normalizeCode(e.replace('*', ''))!;
    let parent: string | undefined;
    for (let len = code.length - 1; len >= 3 && !parent; len--) if (nodes.has(code.slice(0, len))) parent = code.slice(0, len);
    const node = {
      code,
      dotted: formatCode(code),
      title: `title of ${formatCode(code)}`,
      shortTitle: `short ${code}`,
      billable,
      kind: (billable ? 'code' : code.length === 3 ? 'category' : 'subcategory') as CodeNode['kind'],
      parent,
      children: [] as string[],
      category: code.slice(0, 3),
      order: i + 1,
    };
    nodes.set(code, node);
    if (parent) nodes.get(parent)!.children.push(code);
  });
  const get = (c: string) => nodes.get(normalizeCode(c) ?? '');
  const descendants = (c: string): CodeNode[] => {
    const n = get(c);
    if (!n) return [];
    const out: CodeNode[] = [];
    const walk = (x: CodeNode) => {
      for (const ch of x.children) {
        const cn = nodes.get(ch)!;
        out.push(cn);
        walk(cn);
      }
    };
    walk(n);
    return out;
  };
  return {
    release: info,
    provenance: { codes: info.id, tabular: undefined, tabularBorrowed: false },
    diagnostics: [],
    size: nodes.size,
    billableCount: [...nodes.values()].filter((n) => n.billable).length,
    get,
    has: (c) => get(c) !== undefined,
    nodes: () => nodes.values(),
    ancestors: (c) => {
      const out: CodeNode[] = [];
      for (let n = get(c); n?.parent; n = nodes.get(n.parent)) out.push(nodes.get(n.parent)!);
      return out;
    },
    billableDescendants: (c) => descendants(c).filter((n) => n.billable),
    descendants,
    chapter: () => undefined,
    section: () => undefined,
    notes: () => [],
    seventhCharacters: () => undefined,
  };
}

/** A catalog over fake releases, in effective-date order. */
export function fakeCatalog(releases: CodeSet[]): CodeSetCatalog {
  const sorted = [...releases].sort((a, b) => a.release.effectiveFrom.localeCompare(b.release.effectiveFrom));
  const forDate = (d: string | Date) => {
    const iso = typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
    let found: CodeSet | undefined;
    for (const r of sorted) if (r.release.effectiveFrom <= iso) found = r;
    return found;
  };
  const validIn = (code: string) => sorted.filter((r) => r.get(code)?.billable).map((r) => r.release.id);
  return {
    releases: sorted,
    forDate,
    validIn,
    validity(code, date): Validity {
      const cs = forDate(date);
      if (!cs) return { valid: false, release: undefined, reason: 'no-release' };
      const node = cs.get(code);
      if (node?.billable) return { valid: true, release: cs.release };
      if (node) return { valid: false, release: cs.release, reason: 'header' };
      const i = sorted.indexOf(cs);
      const later = sorted.slice(i + 1).find((r) => r.get(code)?.billable);
      if (later) return { valid: false, release: cs.release, reason: 'not-yet-valid', validFrom: later.release.effectiveFrom };
      const earlier = sorted.slice(0, i).reverse().find((r) => r.get(code)?.billable);
      if (earlier) {
        const next = sorted[sorted.indexOf(earlier) + 1]!;
        return { valid: false, release: cs.release, reason: 'deleted', deletedOn: next.release.effectiveFrom };
      }
      return { valid: false, release: cs.release, reason: 'unknown' };
    },
    changes: () => [],
  };
}

/** Two small releases modelled on FY2025/FY2026 (a few real codes, not the full set). */
export function smallCatalog(): CodeSetCatalog {
  const common = [
    'Z00', 'Z00.0', 'Z00.00*', 'Z00.01*', 'Z00.1', 'Z00.11', 'Z00.110*', 'Z00.111*', 'Z00.12', 'Z00.121*', 'Z00.129*',
    'Z23*',
    'Z53', 'Z53.0', 'Z53.01*', 'Z53.09*', 'Z53.1*', 'Z53.2', 'Z53.20*', 'Z53.21*', 'Z53.29*', 'Z53.3', 'Z53.31*', 'Z53.32*', 'Z53.33*', 'Z53.39*', 'Z53.8*', 'Z53.9*',
    'S52', 'S52.5', 'S52.52', 'S52.521', 'S52.521A*', 'S52.521D*', 'S52.521G*',
    'W21', 'W21.8', 'W21.89', 'W21.89XA*', 'W21.89XD*', 'W21.89XS*',
    'I10*', 'J45', 'J45.9', 'J45.90', 'J45.909*', 'E11', 'E11.9*',
  ];
  const fy25 = fakeCodeSet({ id: 'fy2025-oct', effectiveFrom: '2024-10-01', fiscalYear: 2025 }, [
    ...common,
    'T78', 'T78.1', 'T78.1XXA*', 'T78.1XXD*', 'T78.1XXS*',
  ]);
  const fy26 = fakeCodeSet({ id: 'fy2026-oct', effectiveFrom: '2025-10-01', fiscalYear: 2026 }, [
    ...common,
    'E11.A*',
  ]);
  return fakeCatalog([fy25, fy26]);
}
