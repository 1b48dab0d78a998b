import { asArray, asObj, asString, text, type Obj } from './json.js';

/** A Bundle entry as the adapter sees it. */
export interface Entry {
  fullUrl?: string;
  resource: Obj;
  /** FHIR path of the resource, e.g. "Bundle.entry[4].resource". */
  path: string;
}

/** Bundle entries looked up by fullUrl and by "Type/id" (a Bundle may hold thousands). */
export interface EntryIndex {
  byUrl: ReadonlyMap<string, Entry>;
  byTypeId: ReadonlyMap<string, Entry>;
}

export const emptyIndex: EntryIndex = { byUrl: new Map(), byTypeId: new Map() };

/** Indexes entries; when two share a key, the first wins. */
export function indexEntries(entries: readonly Entry[]): EntryIndex {
  const byUrl = new Map<string, Entry>();
  const byTypeId = new Map<string, Entry>();
  for (const e of entries) {
    if (e.fullUrl && !byUrl.has(e.fullUrl)) byUrl.set(e.fullUrl, e);
    const type = asString(e.resource.resourceType);
    const id = asString(e.resource.id);
    if (type && id && !byTypeId.has(`${type}/${id}`)) byTypeId.set(`${type}/${id}`, e);
  }
  return { byUrl, byTypeId };
}

/**
 * Finds the resource a reference points to: "#id" in the resource's `contained`, otherwise a
 * Bundle entry whose fullUrl is the reference (absolute URLs, urn:uuid) or whose type/id match
 * a relative ("Patient/123") or absolute (".../Patient/123") reference.
 */
export function resolve(reference: unknown, owner: Obj, ownerPath: string, entries: EntryIndex): { resource: Obj; path: string } | undefined {
  const ref = text(asObj(reference)?.reference);
  if (!ref) return undefined;
  if (ref.startsWith('#')) {
    const id = ref.slice(1);
    const contained = asArray(owner.contained);
    for (let i = 0; i < contained.length; i++) {
      const r = asObj(contained[i]);
      if (r && asString(r.id) === id) return { resource: r, path: `${ownerPath}.contained[${i}]` };
    }
    return undefined;
  }
  const exact = entries.byUrl.get(ref);
  if (exact) return { resource: exact.resource, path: exact.path };
  const typed = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
  if (!typed) return undefined;
  const [, type, id] = typed;
  const hit = entries.byTypeId.get(`${type}/${id}`);
  return hit ? { resource: hit.resource, path: hit.path } : undefined;
}
