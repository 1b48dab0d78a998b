import { CLAIM_FIELDS, type ClaimFacts } from './claim.js';
import { DX_FIELDS, type DxFacts } from './dx.js';
import { LINE_FIELDS, type LineFacts } from './line.js';
import type { FactProvider } from './types.js';

/** `claim`: claim-level values (see ClaimFacts). Built by the context itself. */
export const claimFact: FactProvider<'claim', ClaimFacts> = {
  name: 'claim',
  scope: 'claim',
  description: 'claim-level values: type, setting, date, release, patient age and sex, counts, codes',
  fields: CLAIM_FIELDS,
  compute: (ctx) => ctx.claimFacts,
};

/** `dx`: the diagnosis a diagnosis rule is looking at (see DxFacts). */
export const dxFact: FactProvider<'diagnosis', DxFacts> = {
  name: 'dx',
  scope: 'diagnosis',
  description: 'the diagnosis under evaluation: position, code forms, status in the code set, POA, fixes',
  fields: DX_FIELDS,
  compute: (_ctx, dx) => dx,
};

/** `line`: the service line a line rule is looking at (see LineFacts). */
export const lineFact: FactProvider<'line', LineFacts> = {
  name: 'line',
  scope: 'line',
  description: 'the service line under evaluation: procedure code, pointers and what they reach',
  fields: LINE_FIELDS,
  compute: (_ctx, line) => line,
};
