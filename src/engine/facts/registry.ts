import { claimFact, dxFact, lineFact } from './builtin.js';
import { ageConflict } from './providers/age-conflict.js';
import { codeFirst } from './providers/code-first.js';
import { excludes1, excludes1Pairs } from './providers/excludes1.js';
import { manifestation } from './providers/manifestation.js';
import { obstetric } from './providers/obstetric.js';
import { secondaryOnly } from './providers/secondary-only.js';
import { sequela } from './providers/sequela.js';
import { sexConflict } from './providers/sex-conflict.js';
import { z23Exam } from './providers/z23-exam.js';
import type { FactProvider, Scope } from './types.js';

/*
 * Fact providers. To add one: write it in its own file in this folder (see README.md), import
 * it here and add it to the list. Nothing else changes: rule files can then name it as a fact.
 */

/** Every fact provider, built-in first. */
export const factProviders: readonly FactProvider[] = checkNames([
  claimFact as FactProvider,
  dxFact as FactProvider,
  lineFact as FactProvider,
  ageConflict as FactProvider,
  codeFirst as FactProvider,
  excludes1 as FactProvider,
  excludes1Pairs as FactProvider,
  manifestation as FactProvider,
  obstetric as FactProvider,
  secondaryOnly as FactProvider,
  sequela as FactProvider,
  sexConflict as FactProvider,
  z23Exam as FactProvider,
]);

function checkNames(list: FactProvider[]): FactProvider[] {
  const seen = new Set<string>();
  for (const p of list) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(p.name)) throw new Error(`fact provider name "${p.name}" must be camelCase`);
    if (seen.has(p.name)) throw new Error(`two fact providers are named "${p.name}"`);
    seen.add(p.name);
  }
  return list;
}

/** The facts a rule of a scope may name: claim facts everywhere, plus those of its own scope. */
export function providersForScope(scope: Scope, list: readonly FactProvider[] = factProviders): Map<string, FactProvider> {
  const out = new Map<string, FactProvider>();
  for (const p of list) if (p.scope === 'claim' || p.scope === scope) out.set(p.name, p);
  return out;
}
