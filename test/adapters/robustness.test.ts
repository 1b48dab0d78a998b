import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFhir, readX12, type AdapterResult } from '../../src/adapters/index.js';
import { fixturesDir, samplesDir } from './paths.js';

/** Every claim or file problem must carry a message; nothing may throw. */
function wellFormed(r: AdapterResult) {
  for (const e of r.errors) expect(typeof e.message).toBe('string');
  for (const c of r.claims) {
    expect(typeof c.source).toBe('string');
    for (const e of [...c.errors, ...c.warnings]) expect(e.message.length).toBeGreaterThan(0);
  }
}

const x12Texts = [
  ...readdirSync(path.join(samplesDir, 'x12')).map((f) => readFileSync(path.join(samplesDir, 'x12', f), 'utf8')),
  ...readdirSync(path.join(fixturesDir, 'x12')).map((f) => readFileSync(path.join(fixturesDir, 'x12', f), 'utf8')),
];
const fhirDocs = [
  ...readdirSync(path.join(samplesDir, 'fhir')).map((f) => JSON.parse(readFileSync(path.join(samplesDir, 'fhir', f), 'utf8'))),
  ...readdirSync(path.join(fixturesDir, 'fhir')).map((f) => JSON.parse(readFileSync(path.join(fixturesDir, 'fhir', f), 'utf8'))),
];

describe('adapters never throw', () => {
  it('readX12 on cut, spliced and mutated real files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...x12Texts), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }), (text, a, b, insert) => {
        const i = a % (text.length + 1);
        const j = b % (text.length + 1);
        wellFormed(readX12(text.slice(0, i)));
        wellFormed(readX12(text.slice(0, Math.min(i, j)) + insert + text.slice(Math.max(i, j))));
      }),
      { numRuns: 300 },
    );
  });
  it('readX12 on arbitrary strings starting with ISA', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => wellFormed(readX12('ISA' + s))), { numRuns: 300 });
  });
  it('readFhir on arbitrary JSON and on real resources with a field replaced by junk', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => wellFormed(readFhir(v))), { numRuns: 300 });
    const junk = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([]), fc.constant({}), fc.jsonValue());
    fc.assert(
      fc.property(fc.constantFrom(...fhirDocs), fc.nat(), junk, (doc, n, value) => {
        const copy = structuredClone(doc);
        // Replace one field somewhere in the document (depth-first order).
        let k = n % 400;
        const visit = (o: unknown): boolean => {
          if (typeof o !== 'object' || o === null) return false;
          for (const key of Object.keys(o)) {
            if (k-- === 0) {
              (o as Record<string, unknown>)[key] = value;
              return true;
            }
            if (visit((o as Record<string, unknown>)[key])) return true;
          }
          return false;
        };
        visit(copy);
        wellFormed(readFhir(copy));
      }),
      { numRuns: 400 },
    );
  });
});
