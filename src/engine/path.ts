/**
 * Fact paths in rule files: a plain dotted JSONPath such as `$.status` or `$.pointers.0`.
 *
 * json-rules-engine's default path resolver is jsonpath-plus, which evaluates filter and script
 * expressions (and had a code-execution CVE). A rule file is data and must never run code, so
 * rule files may only hold simple dotted paths, and the engine resolves them with plain
 * property lookups (see {@link resolvePath}).
 */

const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|0|[1-9][0-9]{0,5})$/;

/** Names that could reach an object's prototype machinery; never valid as a segment. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Splits `$.a.b` into `['a', 'b']`. Returns a message (string) when the path is not a simple
 * dotted path.
 */
export function parsePath(path: string): string[] | { error: string } {
  if (!path.startsWith('$.')) return { error: `path "${path}" must start with "$." (e.g. "$.status")` };
  const segments = path.slice(2).split('.');
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) {
      return {
        error: `path "${path}" may only hold names and array indexes joined by dots (e.g. "$.pointers.0"); "${segment}" is not one`,
      };
    }
    if (FORBIDDEN.has(segment)) return { error: `path "${path}" may not use "${segment}"` };
  }
  return segments;
}

/**
 * Marks a fact class whose prototype getters may be read by paths. Fact objects keep their
 * expensive fields as lazy getters on the prototype (computed once, on first use); a plain
 * own-property lookup would not see them. Only getters of a marked prototype are followed,
 * never methods, `constructor` or anything inherited from Object.prototype.
 */
export const FACT_GETTERS: unique symbol = Symbol('dxlint.factGetters');

/** Reads one segment with own-property semantics (plus marked fact getters). */
export function readSegment(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(value, key)) return (value as Record<string, unknown>)[key];
  const getters = (value as { [FACT_GETTERS]?: ReadonlySet<string> })[FACT_GETTERS];
  if (getters !== undefined && getters.has(key)) return (value as Record<string, unknown>)[key];
  return undefined;
}

/** Follows parsed segments from a value; undefined as soon as one is missing. */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    current = readSegment(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

const parsedCache = new Map<string, readonly string[]>();

/**
 * The `pathResolver` handed to json-rules-engine: same signature as its default, but plain
 * property lookups only. Paths were validated when the rule file was loaded.
 */
export function resolvePath(value: object, path: string): unknown {
  let segments = parsedCache.get(path);
  if (segments === undefined) {
    const parsed = parsePath(path);
    if (!Array.isArray(parsed)) return undefined;
    segments = parsed;
    if (parsedCache.size < 10_000) parsedCache.set(path, segments);
  }
  return readPath(value, segments);
}

/**
 * Defines the fact-getter whitelist of a class: every accessor declared on its prototype.
 * Call once per fact class, after the class body.
 */
export function exposeGetters(cls: { prototype: object }): void {
  const names = new Set<string>();
  for (let proto: object | null = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, desc] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (typeof desc.get === 'function' && !FORBIDDEN.has(name)) names.add(name);
    }
  }
  Object.defineProperty(cls.prototype, FACT_GETTERS, { value: names, enumerable: false });
}
