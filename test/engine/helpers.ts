export const claim = { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }] };

/** A minimal valid rule; tests change one thing at a time. */
export function baseRule(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'sample-rule',
    title: 'Sample',
    severity: 'error',
    guideline: 'I.B.2',
    scope: 'diagnosis',
    presets: ['recommended', 'strict'],
    message: '{{dx.dotted}} is a header',
    conditions: { all: [{ fact: 'dx', path: '$.status', operator: 'equal', value: 'header' }] },
    docs: { description: 'd', details: 'x', invalid: claim, valid: claim },
    ...over,
  };
}

