import { asArray, asObj, asString, text, type Obj } from './json.js';

/** A Bundle entry as the adapter sees it. */
export interface Entry {
  fullUrl?: string;
  resource: Obj;
  /** FHIR path of the resource, e.g. "Bundle.entry[4].resource". */
  path: string;
}

/**
 * Finds the resource a reference points to: "#id" in the resource's `contained`, otherwise a
 * Bundle entry whose fullUrl is the reference (absolute URLs, urn:uuid) or whose type/id match
 * a relative ("Patient/123") or absolute (".../Patient/123") reference.
 */
export function resolve(reference: unknown, owner: Obj, ownerPath: string, entries: readonly Entry[]): { resource: Obj; path: string } | undefined {
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
  const exact = entries.find((e) => e.fullUrl === ref);
  if (exact) return { resource: exact.resource, path: exact.path };
  const typed = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
  if (!typed) return undefined;
  const [, type, id] = typed;
  const hit = entries.find((e) => asString(e.resource.resourceType) === type && asString(e.resource.id) === id);
  return hit ? { resource: hit.resource, path: hit.path } : undefined;
}
